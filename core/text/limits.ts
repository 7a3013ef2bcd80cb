/**
 * How long what a person types may be, in characters (grapheme clusters). Apart from the
 * schemas (core/text/text.ts) so a screen can size a text box without loading the validation code.
 */
export const LIMITS = {
  name: 100,
  text: 2000,
  longText: 5000,
  listItems: 50,
} as const;
