// The advisor's changes to a prospect's planned deck (prospects/<id>/deck.json): order, hidden
// slides, slides added from the recipe, and words. Pure data, applied by planDeck, so the same
// intake, profile, recipe and changes always give the same plan, in the app and in the CLI
// (`--deck deck.json`).
import { z } from 'zod';
import { LIMITS, text } from '../text/text';
import { type Checked, describeIssues, fieldsOf } from '../validation';

export const DECK_CHANGES_VERSION = 1;

const slideId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a slide id from plan.json');
const ids = z.array(slideId).max(100, 'has too many items: at most 100');

/** What the advisor may reword. Fine print (the disclosure) and chart legends are not here: locked. */
export const slideEditSchema = z.strictObject({
  title: text(80).optional(),
  points: z.array(text(110)).max(6, 'has too many items: at most 6').optional(),
  notes: text(LIMITS.longText).optional(),
});
export type SlideEdit = z.output<typeof slideEditSchema>;

export const deckChangesSchema = z.strictObject({
  v: z.literal(DECK_CHANGES_VERSION).default(DECK_CHANGES_VERSION),
  /** Slide ids in the advisor's order; slides not listed follow in the plan's order. */
  order: ids.default([]),
  hidden: ids.default([]),
  /** Slides the recipe holds that the plan left out for time, added by the advisor, in the order added. */
  added: ids.default([]),
  edits: z.record(slideId, slideEditSchema).default({}),
});
export type DeckChanges = z.output<typeof deckChangesSchema>;
export type DeckChangesInput = z.input<typeof deckChangesSchema>;

export const NO_CHANGES: DeckChanges = { v: 1, order: [], hidden: [], added: [], edits: {} };

export { LOCKED_SLIDES } from './lockedSlides';

export function checkDeckChanges(input: unknown): Checked<DeckChanges> {
  const result = deckChangesSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: describeIssues(result.error.issues, fieldsOf(deckChangesSchema)) };
}
