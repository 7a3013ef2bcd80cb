import { formatProblem, type Problem } from '../core/validation';
import type { FileProblems } from './services/build';

/**
 * A file of thousands of unknown fields is one mistake, not a screenful of them: past this many
 * the rest are counted, not printed.
 */
export const MAX_PRINTED_PROBLEMS = 100;
/** A field name is printed up to this many characters: a key can be as long as its file. */
export const MAX_PRINTED_PATH = 120;

function shortened(p: Problem): Problem {
  return p.path.length <= MAX_PRINTED_PATH ? p : { ...p, path: `${p.path.slice(0, MAX_PRINTED_PATH)}…` };
}

/** Bad input on stderr: the file, then one `path: message` line per problem (the first hundred). */
export function printProblems(invalid: readonly FileProblems[], write: (line: string) => void): void {
  for (const { file, problems } of invalid) {
    write(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was written`);
    for (const p of problems.slice(0, MAX_PRINTED_PROBLEMS)) write(`  ${formatProblem(shortened(p))}`);
    const rest = problems.length - MAX_PRINTED_PROBLEMS;
    if (rest > 0) write(`  … and ${rest} more problem${rest === 1 ? '' : 's'}`);
  }
}

/** Problems that did not stop the build, on stderr so scripts reading stdout are undisturbed. */
export function printWarnings(warnings: readonly FileProblems[], write: (line: string) => void): void {
  for (const { file, problems } of warnings) for (const p of problems) write(`warning: ${file}: ${formatProblem(shortened(p))}`);
}
