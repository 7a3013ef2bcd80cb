import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFollowUpCopy, type FollowUpCopy } from '../../../core/followUp/email';
import { formatProblem } from '../../../core/validation';
import { TEMPLATES_DIR } from '../recipes';

const cache = new Map<string, Readonly<Record<string, FollowUpCopy>>>();

/**
 * The follow-up email's words per language (<templates>/followup/copy/<language>.json), checked
 * like user files. A firm adds a language by adding a file. Read once per templates folder, then
 * kept. The default (the source tree) is for tests; the app and the build pass their folder.
 */
export function loadFollowUpCopy(templatesDir: string = TEMPLATES_DIR): Readonly<Record<string, FollowUpCopy>> {
  const cached = cache.get(templatesDir);
  if (cached) return cached;
  const dir = join(templatesDir, 'followup', 'copy');
  const copy: Record<string, FollowUpCopy> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`follow-up copy ${file}: ${(error as Error).message}`, { cause: error });
    }
    const checked = checkFollowUpCopy(raw);
    if (!checked.ok) throw new Error(`follow-up copy ${file}: ${checked.problems.map(formatProblem).join('; ')}`);
    copy[file.replace(/\.json$/, '')] = checked.value;
  }
  if (!copy['en'])
    throw new Error('follow-up copy has no English file (templates/followup/copy/en.json), the last fallback');
  cache.set(templatesDir, copy);
  return copy;
}
