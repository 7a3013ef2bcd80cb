import { readdir } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCopy, checkRecipe, type Copy } from '../../core/recipe';
import type { DeckRecipe } from '../../core/plan';
import { formatProblem } from '../../core/validation';
import { readJsonFile } from './files';

/**
 * The templates folder of the source tree: the default only the CLI, the demo, tests and
 * benchmarks choose. The app passes its own (`<resources>/templates` once packaged).
 */
// From the file's path, not `new URL(…)`: a DOM test replaces the URL class with its own.
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates') + sep;

/**
 * Loads a recipe folder: <templates>/recipes/<id>/recipe.json and copy/<language>.json. A firm
 * adds a recipe or a language by adding files here; they are checked like user files.
 */
export async function loadRecipe(id: string, templatesDir: string = TEMPLATES_DIR): Promise<DeckRecipe> {
  const dir = join(templatesDir, 'recipes', id);
  const recipeFile = await readJsonFile(join(dir, 'recipe.json'));
  if (!recipeFile.ok) throw new Error(`recipe "${id}": ${recipeFile.problems.map(formatProblem).join('; ')}`);
  const recipe = checkRecipe(recipeFile.value);
  if (!recipe.ok) throw new Error(`recipe "${id}": ${recipe.problems.map(formatProblem).join('; ')}`);

  const copy: Record<string, Copy> = {};
  const files = (await readdir(join(dir, 'copy'))).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const read = await readJsonFile(join(dir, 'copy', file));
    const checked = read.ok ? checkCopy(read.value) : read;
    if (!checked.ok) throw new Error(`recipe "${id}", copy ${file}: ${checked.problems.map(formatProblem).join('; ')}`);
    copy[file.replace(/\.json$/, '')] = checked.value;
  }
  if (!copy['en']) throw new Error(`recipe "${id}" has no English copy (copy/en.json), the last fallback`);
  return { recipe: recipe.value, copy };
}
