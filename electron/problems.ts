import { formatProblem, type Problem } from '../core/validation';
import type { FileProblems } from './services/build';

/**
 * A file of thousands of unknown fields is one mistake, not a screenful of them: past this many
 * the rest are counted, not printed.
 */
export const MAX_PRINTED_PROBLEMS = 100;
/** A field name is printed up to this many characters: a key can be as long as its file. */
export const MAX_PRINTED_PATH = 120;

/**
 * What a terminal would act on instead of printing, or would print so that it reads as something
 * else: C0 controls (tab and newline too: one problem is one line), DEL, C1 controls (U+009B alone
 * starts an escape sequence in many terminals), the line and paragraph separators, bidi controls,
 * zero-width characters and lone surrogates.
 */
const UNPRINTABLE = new RegExp(
  String.raw`[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]` +
    String.raw`|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  'g',
);

/**
 * Text from a file (a field name, a value a message quotes, a file name) as the terminal should
 * show it: every character of UNPRINTABLE written as its escape, `\u001b` for ESC, so a hostile
 * intake can neither move the cursor, clear the screen, retitle the window nor reorder a line.
 */
export function forTerminal(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The path cut at MAX_PRINTED_PATH code points (never inside a surrogate pair), then escaped. */
function printable(p: Problem): string {
  let end = 0;
  for (let n = 0; end < p.path.length && n < MAX_PRINTED_PATH; n++)
    end += (p.path.codePointAt(end) as number) > 0xffff ? 2 : 1;
  const path = end >= p.path.length ? p.path : `${p.path.slice(0, end)}…`;
  return forTerminal(formatProblem({ path, message: p.message }));
}

/** Bad input on stderr: the file, then one `path: message` line per problem (the first hundred). */
export function printProblems(invalid: readonly FileProblems[], write: (line: string) => void): void {
  for (const { file, problems } of invalid) {
    write(`${forTerminal(file)}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was written`);
    for (const p of problems.slice(0, MAX_PRINTED_PROBLEMS)) write(`  ${printable(p)}`);
    const rest = problems.length - MAX_PRINTED_PROBLEMS;
    if (rest > 0) write(`  … and ${rest} more problem${rest === 1 ? '' : 's'}`);
  }
}

/** Problems that did not stop the build, on stderr so scripts reading stdout are undisturbed. */
export function printWarnings(warnings: readonly FileProblems[], write: (line: string) => void): void {
  for (const { file, problems } of warnings)
    for (const p of problems) write(`warning: ${forTerminal(file)}: ${printable(p)}`);
}

/**
 * Bad input of a batch on stderr: one line per problem, `file: path: message`, so each line
 * names the file and the field on its own (the first hundred per file).
 */
export function printBatchProblems(invalid: readonly FileProblems[], write: (line: string) => void): void {
  for (const { file, problems } of invalid) {
    const name = forTerminal(file);
    // A problem of the whole file (not found, not JSON, too large) names the file as its path: once is enough.
    for (const p of problems.slice(0, MAX_PRINTED_PROBLEMS))
      write(p.path === file ? `${name}: ${forTerminal(p.message)}` : `${name}: ${printable(p)}`);
    const rest = problems.length - MAX_PRINTED_PROBLEMS;
    if (rest > 0) write(`${name}: … and ${rest} more problem${rest === 1 ? '' : 's'}`);
  }
}
