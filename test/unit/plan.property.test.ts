import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAdvisor } from '../../core/advisor';
import { checkIntake } from '../../core/intake';
import { planDeck, type DeckRecipe } from '../../core/plan';
import { loadRecipe } from '../../electron/services/recipes';
import { advisorArbitrary, intakeArbitrary } from '../support/arbitraries';

let recipe: DeckRecipe;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting');
});

describe('planDeck over thousands of random valid intakes', () => {
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
        const covered = slides.filter((s) => s.layout === 'goal' || s.layout === 'also-on-your-list').flatMap((s) => s.goals);
        expect(covered).toEqual(intake.value.goals);

        // The urgent need, when given, is on one of the first three slides.
        if (intake.value.urgentNeed) expect(slides.slice(0, 3).some((s) => s.quote !== undefined)).toBe(true);

        // Slide-sized content.
        for (const s of slides) expect(s.points.length).toBeLessThanOrEqual(6);

        expect(deck.aspectRatio).toBe(intake.value.meeting.format === 'in-person' ? '4:3' : '16:9');
        expect(plan.followUp.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);

        // Deterministic: byte-identical on a second run.
        expect(JSON.stringify(planDeck(intake.value, advisor.value, recipe))).toBe(JSON.stringify(plan));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});
