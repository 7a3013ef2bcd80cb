import { formatProblem } from '../core/validation';
import type { FileProblems } from './services/build';

/** Bad input on stderr: the file, then one `path: message` line per problem. */
export function printProblems(invalid: readonly FileProblems[], write: (line: string) => void): void {
  for (const { file, problems } of invalid) {
    write(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was written`);
    for (const p of problems) write(`  ${formatProblem(p)}`);
  }
}
