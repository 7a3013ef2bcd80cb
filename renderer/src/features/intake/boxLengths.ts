// How much each box of the intake form takes (its maxLength, in UTF-16 code units). The schema
// counts characters as a person sees them and refuses uncounted any text longer than its limit
// times UNITS_PER_CHARACTER code units (core/text/text.ts): a box that long cuts no text the schema
// accepts (a name of 100 family emoji), while a paste of a megabyte stops there, so no draft
// grows past what the store keeps (a text over its limit in characters is still named by the
// schema at its field).
import { LIMITS } from '../../../../core/text/limits';
import { UNITS_PER_CHARACTER } from '../../../../core/text/text';

export const BOX_LENGTH = {
  name: LIMITS.name * UNITS_PER_CHARACTER,
  text: LIMITS.text * UNITS_PER_CHARACTER,
  longText: LIMITS.longText * UNITS_PER_CHARACTER,
  /** The schema's own cap on an address (RFC 5321). */
  email: 254,
  /** Ages, amounts, years and minutes: the longest a person writes one is far below this. */
  number: 32,
} as const;
