import { formatProblem } from '../core/validation';
import type { FileProblems } from './services/build';

/** Bad input on stderr: the file, then one `path: message` line per problem. */
export function printProblems(invalid: readonly FileProblems[], write: (line: string) => void): void {
  for (const { file, problems } of invalid) {
    write(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was written`);
    for (const p of problems) write(`  ${formatProblem(p)}`);
  }
}

/** Problems that did not stop the build, on stderr so scripts reading stdout are undisturbed. */
export function printWarnings(warnings: readonly FileProblems[], write: (line: string) => void): void {
  for (const { file, problems } of warnings) for (const p of problems) write(`warning: ${file}: ${formatProblem(p)}`);
}
