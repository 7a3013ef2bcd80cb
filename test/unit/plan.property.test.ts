import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAdvisor } from '../../core/advisor/advisor';
import { checkIntake } from '../../core/intake/intake';
import { planDeck, type DeckRecipe } from '../../core/plan/planDeck';
import { loadRecipe } from '../../electron/services/recipes';
import { advisorArbitrary, intakeArbitrary } from '../support/arbitraries';

let recipe: DeckRecipe;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting');
});

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Characters as a person counts them, counted here without the app's own helpers. */
const length = (s: string) => [...graphemes.segment(s)].length;

// Texts at the schema's sizes (names of 100 characters, 50 items of 2,000), so every run is
// heavier than a typical intake: a few hundred runs, not thousands.
describe('planDeck over random valid intakes at the schema’s limits', () => {
  it('never throws, holds the budget, covers every goal in order, and is deterministic', () => {
    fc.assert(
      fc.property(intakeArbitrary, advisorArbitrary, (intakeInput, advisorInput) => {
        const intake = checkIntake(intakeInput);
        const advisor = checkAdvisor(advisorInput);
        expect(intake.ok, JSON.stringify(!intake.ok && intake.problems)).toBe(true);
        expect(advisor.ok, JSON.stringify(!advisor.ok && advisor.problems)).toBe(true);
        if (!intake.ok || !advisor.ok) return;

        const plan = planDeck(intake.value, advisor.value, recipe);
        const { deck } = plan;
        const slides = deck.slides;

        // Budget: a quarter kept for questions; the slides never plan more than the rest.
        expect(deck.qaMinutes).toBe(Math.round(deck.budgetMinutes / 2) / 2);
        expect(deck.plannedMinutes).toBe(slides.reduce((sum, s) => sum + s.minutes, 0));
        expect(deck.plannedMinutes).toBeLessThanOrEqual(deck.budgetMinutes - deck.qaMinutes);

        // The spine of every deck, even a 10-minute one.
        const ids = slides.map((s) => s.id);
        expect(ids[0]).toBe('title');
        expect(ids[1]).toBe('what-we-heard');
        expect(ids).toContain('next-steps');
        expect(ids.at(-1)).toBe('closing');
        expect(new Set(ids).size).toBe(ids.length);

        // Every goal covered, in the prospect's order.
        const covered = slides
          .filter((s) => s.layout === 'goal' || s.layout === 'also-on-your-list')
          .flatMap((s) => s.goals);
        expect(covered).toEqual(intake.value.goals);

        // The urgent need, when given, is on one of the first three slides.
        if (intake.value.urgentNeed) expect(slides.slice(0, 3).some((s) => s.quote !== undefined)).toBe(true);

        // Slide-sized content: however long the input, what a slide shows was shortened.
        for (const s of slides) {
          expect(s.points.length).toBeLessThanOrEqual(6);
          expect(length(s.title), s.id).toBeLessThanOrEqual(80);
          if (s.subtitle !== undefined) expect(length(s.subtitle), s.id).toBeLessThanOrEqual(140);
          if (s.quote !== undefined) expect(length(s.quote), s.id).toBeLessThanOrEqual(180);
          for (const point of s.points) expect(length(point), s.id).toBeLessThanOrEqual(110);
          for (const chip of s.chips ?? []) expect(length(chip), s.id).toBeLessThanOrEqual(40);
        }

        expect(deck.aspectRatio).toBe(intake.value.meeting.format === 'in-person' ? '4:3' : '16:9');
        expect(plan.followUp.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);

        // Deterministic: byte-identical on a second run.
        expect(JSON.stringify(planDeck(intake.value, advisor.value, recipe))).toBe(JSON.stringify(plan));
      }),
      { numRuns: 250 },
    );
  }, 90_000);
});
