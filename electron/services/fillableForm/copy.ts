import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkIntakeFormCopy, type IntakeFormCopy } from '../../../core/intake/fillableFormCopy';
import { formatProblem } from '../../../core/validation';
import { TEMPLATES_DIR } from '../recipes';

const cache = new Map<string, Readonly<Record<string, IntakeFormCopy>>>();

/**
 * The intake form's words per language (<templates>/intake-form/<language>.json), checked like
 * user files. A firm adds a language by adding a file. Read once per templates folder.
 */
export function loadIntakeFormCopy(templatesDir: string = TEMPLATES_DIR): Readonly<Record<string, IntakeFormCopy>> {
  const cached = cache.get(templatesDir);
  if (cached) return cached;
  const dir = join(templatesDir, 'intake-form');
  const copy: Record<string, IntakeFormCopy> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`intake form copy ${file}: ${(error as Error).message}`, { cause: error });
    }
    const checked = checkIntakeFormCopy(raw);
    if (!checked.ok) throw new Error(`intake form copy ${file}: ${checked.problems.map(formatProblem).join('; ')}`);
    copy[file.replace(/\.json$/, '')] = checked.value;
  }
  if (!copy['en'])
    throw new Error('the intake form has no English copy (templates/intake-form/en.json), the last fallback');
  cache.set(templatesDir, copy);
  return copy;
}
