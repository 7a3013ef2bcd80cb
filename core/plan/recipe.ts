// A deck recipe (templates/recipes/<id>/recipe.json and its copy): which slides, in which order,
// how many minutes each, what to add first when time allows, and the words per language.
import { z } from 'zod';
import { GOALS } from '../intake/intake';
import { type Checked, describeIssues } from '../validation';

/**
 * A deck recipe and its copy are data (templates/recipes, templates/copy), so a firm can add
 * its own without touching code. Both are checked like user files because a firm edits them.
 */

export const SLIDE_KINDS = [
  'title',
  'what-we-heard',
  'urgent-need',
  'goal',
  'also-on-your-list',
  'how-we-work',
  'why-us',
  'fees',
  'your-questions',
  'next-steps',
  'closing',
] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

const halfMinutes = z
  .number()
  .positive()
  .refine((n) => Number.isInteger(n * 2), 'must be a whole number of half minutes');

export const recipeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.literal(1),
  /** Share of the meeting kept for the prospect's questions (DESIGN: a quarter). */
  qaShare: z.number().min(0).max(0.9),
  /** Slides in deck order; `goal` stands for the goal slides, followed by also-on-your-list. */
  order: z.array(z.enum(SLIDE_KINDS)).min(1),
  /** Always in the deck, whatever the budget. */
  required: z.array(z.enum(SLIDE_KINDS)),
  /** What to add, in priority order, while the budget allows: `goal` adds the next goal's own slide, `goal*` as many as fit. */
  fill: z.array(z.enum([...SLIDE_KINDS, 'goal*'])),
  minutes: z.record(z.enum(SLIDE_KINDS), halfMinutes),
  /** Time left over goes to these slides (in this order, half a minute at a time) up to their cap: discussion time. */
  extraTimeTo: z.partialRecord(z.enum(SLIDE_KINDS), halfMinutes),
});
export type Recipe = z.output<typeof recipeSchema>;

const lines = z.array(z.string()).max(6);
const slideCopy = z.strictObject({
  title: z.string(),
  subtitle: z.string().optional(),
  points: lines.default([]),
  takeaway: z.string(),
  notes: z.string(),
});
export type SlideCopy = z.output<typeof slideCopy>;

export const copySchema = z.strictObject({
  language: z.string(),
  deckTitle: z.string(),
  slides: z.partialRecord(z.enum(SLIDE_KINDS), slideCopy),
  goals: z.record(
    z.enum(GOALS),
    z.strictObject({ label: z.string(), title: z.string(), points: lines, takeaway: z.string(), notes: z.string() }),
  ),
  risk: z.record(z.string(), z.string()),
  /** Short phrases the planner composes with: "+{count} more", "Most urgent", … */
  phrases: z.record(z.string(), z.string()),
});
export type Copy = z.output<typeof copySchema>;

export function checkRecipe(input: unknown): Checked<Recipe> {
  const result = recipeSchema.safeParse(input);
  if (!result.success) return { ok: false, problems: describeIssues(result.error.issues) };
  return { ok: true, value: result.data };
}

export function checkCopy(input: unknown): Checked<Copy> {
  const result = copySchema.safeParse(input);
  if (!result.success) return { ok: false, problems: describeIssues(result.error.issues) };
  const copy = result.data;
  const problems = SLIDE_KINDS.filter((k) => k !== 'goal' && copy.slides[k] === undefined).map((k) => ({
    path: `slides.${k}`,
    message: 'is required',
  }));
  return problems.length ? { ok: false, problems } : { ok: true, value: copy };
}
