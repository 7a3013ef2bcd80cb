// Words a firm can change without code: one JSON file per language in a templates folder
// (follow-up email, fillable form), each checked like a user file. One loader, so each feature
// names only its folder, its check and how it is called in a message.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Checked, formatProblem } from '../../core/validation';

export interface CopyFolder<T> {
  /** The folder below the templates folder, e.g. ['followUp', 'copy']. */
  folder: readonly string[];
  /** What a message calls one file's words: "follow-up copy". */
  what: string;
  /** Said when there is no en.json, the last fallback. */
  noEnglish: string;
  check(input: unknown): Checked<T>;
}

const caches = new WeakMap<CopyFolder<unknown>, Map<string, Readonly<Record<string, unknown>>>>();

/**
 * Every language's words in the folder, by file name without .json, read once per templates
 * folder, then kept. A file that is not JSON, or fails the check, throws a message naming it.
 */
export function loadCopyFolder<T>(kind: CopyFolder<T>, templatesDir: string): Readonly<Record<string, T>> {
  let cache = caches.get(kind as CopyFolder<unknown>);
  if (!cache) {
    cache = new Map();
    caches.set(kind as CopyFolder<unknown>, cache);
  }
  const cached = cache.get(templatesDir);
  if (cached) return cached as Readonly<Record<string, T>>;
  const dir = join(templatesDir, ...kind.folder);
  const copy: Record<string, T> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`${kind.what} ${file}: ${(error as Error).message}`, { cause: error });
    }
    const checked = kind.check(raw);
    if (!checked.ok) throw new Error(`${kind.what} ${file}: ${checked.problems.map(formatProblem).join('; ')}`);
    copy[file.replace(/\.json$/, '')] = checked.value;
  }
  if (!copy['en']) throw new Error(kind.noEnglish);
  cache.set(templatesDir, copy);
  return copy;
}
