import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCopy, checkRecipe, type Copy } from '../../core/plan/recipe';
import type { DeckRecipe } from '../../core/plan/planDeck';
import { formatProblem } from '../../core/validation';
import { readJsonFile } from './files';

/**
 * The templates folder of the source tree: the default only the CLI, the demo, tests and
 * benchmarks choose. The app passes its own (`<resources>/templates` once packaged).
 * Found from where this code runs: electron/services/ in the source tree, out/cli/ once the CLI
 * is bundled (npm run build:cli), so both find the repository's templates/.
 */
// From the file's path, not `new URL(…)`: a DOM test replaces the URL class with its own.
export const TEMPLATES_DIR = templatesAbove(dirname(fileURLToPath(import.meta.url)));

/** The nearest `templates/` (with its recipes) in the folder or above it; the source tree's place otherwise. */
function templatesAbove(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'templates', 'recipes'))) return join(dir, 'templates') + sep;
    if (dirname(dir) === dir) return join(from, '..', '..', 'templates') + sep;
  }
}

const recipes = new Map<string, Promise<DeckRecipe>>();

/**
 * Loads a recipe folder: <templates>/recipes/<id>/recipe.json and copy/<language>.json. A firm
 * adds a recipe or a language by adding files here; they are checked like user files. Read and
 * checked once per process and templates folder (a batch of builds reads them once), like the
 * summary's and the follow-up's copy; a failed load is tried again next time.
 */
export function loadRecipe(id: string, templatesDir: string = TEMPLATES_DIR): Promise<DeckRecipe> {
  const key = JSON.stringify([templatesDir, id]);
  let loading = recipes.get(key);
  if (!loading) {
    loading = readRecipe(id, templatesDir).catch((error: unknown) => {
      recipes.delete(key);
      throw error;
    });
    recipes.set(key, loading);
  }
  return loading;
}

async function readRecipe(id: string, templatesDir: string): Promise<DeckRecipe> {
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
