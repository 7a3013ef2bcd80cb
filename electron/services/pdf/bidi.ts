// Right-to-left text in lines of mixed direction: which words read right to left, in what order
// a line's words are drawn, and the text pdfkit is handed for a run. Word-level, not the full
// Unicode bidi algorithm: a summary line holds words, numbers and punctuation, nothing nested.

// Right-to-left letters; Arabic-Indic digits are numbers, which read left to right.
export const RTL_CHAR = /[\u0590-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
export const NUMBER = /^[\p{P}\p{S}]*[\p{Nd}][\p{Nd}\p{P}\p{S}]*$/u;
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1EFF\u2E80-\u9FFF\uAC00-\uD7AF]/u;

const ARABIC_SCRIPT = /[\u0600-\u06FF]/u;

/**
 * The text pdfkit is handed for a run, and measured as such. fontkit lays out any run with
 * Arabic-script characters right to left; Arabic-Indic digits (٢٠٢٦) are Arabic script but read
 * left to right, so a run of them with no right-to-left letter is handed over reversed. A run
 * with letters is never reversed: its word would read backwards, shaped differently.
 */
export function drawnText(text: string): string {
  return ARABIC_SCRIPT.test(text) && !RTL_CHAR.test(text) ? [...text].reverse().join('') : text;
}

/** The direction of the first strong character, if any. */
export function direction(text: string): boolean | undefined {
  for (const char of text) {
    if (RTL_CHAR.test(char)) return true;
    if (LTR_CHAR.test(char)) return false;
  }
  return undefined;
}

/**
 * Word-level bidi: runs of right-to-left words are reversed in a left-to-right paragraph; in a
 * right-to-left paragraph the whole line is reversed and left-to-right runs are put back.
 * Neutral words (numbers, punctuation) between two words of one direction take it.
 */
export function visualOrder(
  directions: readonly (boolean | undefined)[],
  paragraphRtl: boolean,
  numbers: readonly boolean[] = [],
): number[] {
  return reorder(resolveDirections(directions, paragraphRtl, numbers), paragraphRtl);
}

/** Each word's direction (true: right to left); neutral words take that of their neighbours. */
export function resolveDirections(
  directions: readonly (boolean | undefined)[],
  paragraphRtl: boolean,
  numbers: readonly boolean[],
): boolean[] {
  return directions.map((d, i) => {
    if (d !== undefined) return d;
    const before =
      directions
        .slice(0, i)
        .reverse()
        .find((x) => x !== undefined) ?? paragraphRtl;
    // A number after right-to-left text belongs to it (UBA: numbers take a higher level).
    if (numbers[i] && before) return true;
    const after = directions.slice(i + 1).find((x) => x !== undefined) ?? paragraphRtl;
    return before === after ? before : paragraphRtl;
  });
}

/** The visual order of items of resolved directions. */
export function reorder(resolved: readonly boolean[], paragraphRtl: boolean): number[] {
  const order = resolved.map((_, i) => i);
  const reverseRuns = (list: number[], rtl: boolean) => {
    const out: number[] = [];
    let run: number[] = [];
    for (const i of list) {
      if (resolved[i] === rtl) run.push(i);
      else {
        out.push(...run.reverse(), i);
        run = [];
      }
    }
    out.push(...run.reverse());
    return out;
  };
  if (!paragraphRtl) return reverseRuns(order, true);
  return reverseRuns(order.reverse(), false);
}
