// One grapheme segmenter per process, made when first needed: the first Intl.Segmenter of a
// process loads ICU's break rules (~16 ms), and most texts (plain ASCII) never need one.
let segmenter: Intl.Segmenter | undefined;

/** A text's user-perceived characters, as Intl.Segmenter finds them. */
export function segmentGraphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}
