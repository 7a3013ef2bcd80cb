// Live re-planning (core/plan/replan.ts): what it proposes to skip when a meeting runs long. Properties
// over random decks (up to the 100 slides deck.json allows) and random moments of the meeting, and
// over real plans of random intakes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAdvisor } from '../../core/advisor/advisor';
import { GOALS, checkIntake, type Goal } from '../../core/intake/intake';
import { planDeck, type DeckRecipe } from '../../core/plan/planDeck';
import type { SlideKind } from '../../core/plan/recipe';
import { replan, replanInput, type ReplanInput } from '../../core/plan/replan';
import { loadRecipe } from '../../electron/services/recipes';
import { advisorArbitrary, intakeArbitrary } from '../support/arbitraries';

const LOCKED = ['title', 'what-we-heard', 'next-steps', 'closing'];
const halfMinutes = fc.integer({ min: 1, max: 12 }).map((n) => n / 2);
type TestSlide = ReplanInput['slides'][number];

/** A deck shaped like the recipe's: the spine, the urgent need, goal slides in the prospect's order, the firm's slides. */
const deckArbitrary = (fillerMin: number) =>
  fc
    .record({
      goals: fc.shuffledSubarray([...GOALS], { minLength: 1 }),
      dedicated: fc.integer({ min: 1, max: GOALS.length }),
      urgent: fc.boolean(),
      extras: fc.subarray(['how-we-work', 'why-us', 'fees', 'your-questions'] as SlideKind[]),
      // Extra generic slides up to deck.json's 100, for long inputs.
      filler: fc.integer({ min: fillerMin, max: 80 }),
      minutes: fc.array(halfMinutes, { minLength: 100, maxLength: 100 }),
      shuffle: fc.boolean(),
      seed: fc.integer(),
    })
    .map(({ goals, dedicated, urgent, extras, filler, minutes, shuffle, seed }) => {
      const slides: TestSlide[] = [];
      const add = (id: string, layout: SlideKind, slideGoals: Goal[] = []) =>
        slides.push({ id, layout, goals: slideGoals, minutes: minutes[slides.length] ?? 1 });
      add('title', 'title');
      add('what-we-heard', 'what-we-heard');
      if (urgent) add('urgent-need', 'urgent-need');
      const own = goals.slice(0, dedicated);
      for (const goal of own) add(`goal-${goal}`, 'goal', [goal]);
      if (goals.length > own.length) add('also-on-your-list', 'also-on-your-list', goals.slice(own.length));
      for (const kind of extras) add(kind, kind);
      for (let i = 0; i < filler; i++) add(`extra-${i}`, 'how-we-work');
      add('next-steps', 'next-steps');
      add('closing', 'closing');
      if (!shuffle) return slides;
      // The advisor's own order (deck.json may move anything but keeps every slide once).
      let state = seed;
      const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      for (let i = slides.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [slides[i], slides[j]] = [slides[j] as TestSlide, slides[i] as TestSlide];
      }
      return slides;
    });

/** A moment of the meeting on that deck: where we are, what was shown, what was skipped, the clock. */
const momentArbitrary = (fillerMin = 0) =>
  deckArbitrary(fillerMin).chain((slides) =>
    fc.record({
      slides: fc.constant(slides),
      current: fc.integer({ min: -1, max: slides.length - 1 }),
      shown: fc.subarray(slides.map((s) => s.id)),
      skipped: fc.subarray(slides.map((s) => s.id).filter((id) => !LOCKED.includes(id))),
      elapsed: fc.double({ min: 0, max: 600, noNaN: true }),
      meeting: fc.constantFrom(10, 15, 20, 30, 45, 60, 90),
    }),
  );

function inputOf(m: {
  slides: TestSlide[];
  current: number;
  shown: string[];
  skipped: string[];
  elapsed: number;
  meeting: number;
}): ReplanInput {
  return {
    slides: m.slides,
    shownSlideIds: m.shown,
    skippedSlideIds: m.skipped,
    currentSlideId: m.current < 0 ? undefined : m.slides[m.current]?.id,
    elapsedMinutes: m.elapsed,
    meetingMinutes: m.meeting,
    questionsMinutes: Math.round(m.meeting * 0.25 * 2) / 2,
  };
}

/** The properties every answer must have, whatever the deck and the moment. */
function checkAnswer(input: ReplanInput): void {
  const answer = replan(input);
  const at = input.slides.findIndex((s) => s.id === input.currentSlideId);
  const gone = new Set([...input.shownSlideIds, ...(input.skippedSlideIds ?? [])]);
  const rest = input.slides.filter((s, i) => i > at && !gone.has(s.id) && s.id !== input.currentSlideId);
  const skip = new Set(answer.skip);
  const kept = rest.filter((s) => !skip.has(s.id));
  const minutes = (list: readonly TestSlide[]) => list.reduce((n, s) => n + s.minutes, 0);

  // Only slides still to come; never a locked one, never the one on screen; in deck order.
  expect(answer.skip.every((id) => rest.some((s) => s.id === id))).toBe(true);
  expect(answer.skip.filter((id) => LOCKED.includes(id))).toEqual([]);
  if (input.currentSlideId) expect(skip.has(input.currentSlideId)).toBe(false);
  expect(answer.skip).toEqual(rest.filter((s) => skip.has(s.id)).map((s) => s.id));
  expect(new Set(answer.skip).size).toBe(answer.skip.length);

  // The rest fits before the questions reserve, or only locked slides remain.
  const left = input.meetingMinutes - input.questionsMinutes - input.elapsedMinutes;
  const fits = minutes(kept) <= left + 1e-6;
  expect(fits || kept.every((s) => LOCKED.includes(s.id))).toBe(true);
  expect(answer.restMinutesAfter).toBeCloseTo(minutes(kept), 6);
  expect(answer.minutesSaved).toBeCloseTo(minutes(rest) - minutes(kept), 6);
  // Nothing skipped when the rest already fits.
  if (minutes(rest) <= left + 1e-6) expect(answer.skip).toEqual([]);
  // No more than needed: putting back the last one to go would no longer fit.
  expect(answer.fits).toBe(answer.skip.length === 0 && minutes(rest) <= left + 1e-6);

  // The most important goal and the urgent need stay as long as anything else can go.
  const ranks = new Map<string, number>();
  for (const s of input.slides) for (const g of s.goals) if (!ranks.has(g)) ranks.set(g, ranks.size);
  const rankOf = (s: TestSlide) => (s.goals.length ? Math.min(...s.goals.map((g) => ranks.get(g) ?? 0)) : -1);
  const precious = (s: TestSlide) => s.layout === 'urgent-need' || rankOf(s) === 0;
  if (rest.some((s) => precious(s) && skip.has(s.id))) {
    expect(kept.filter((s) => !precious(s) && !LOCKED.includes(s.id)).map((s) => s.id)).toEqual([]);
  }
  // Lower-ranked goals go first: a goal slide skipped means every lower-ranked one is skipped.
  for (const s of rest) {
    if (!skip.has(s.id) || rankOf(s) <= 0) continue;
    expect(kept.filter((k) => rankOf(k) > rankOf(s)).map((k) => k.id)).toEqual([]);
  }

  // Same input, same answer.
  expect(replan(structuredClone(input))).toEqual(answer);
}

describe('replan', () => {
  it('skips only slides to come, never locked ones or the one on screen, so the rest fits; deterministic', () => {
    fc.assert(
      fc.property(momentArbitrary(), (m) => checkAnswer(inputOf(m))),
      { numRuns: 300 },
    );
  }, 120_000);

  it('holds at the largest decks and the longest overruns', () => {
    fc.assert(
      fc.property(momentArbitrary(70), (m) => checkAnswer(inputOf(m))),
      { numRuns: 100 },
    );
  }, 120_000);

  it('a rest that fills the minutes left exactly still fits, a nanosecond into the meeting', () => {
    // Found by the property above: 20 − 5.5 − 1e-9 rounds below 14.5 − 1e-9, and a 1e-9 margin
    // then proposed skipping a slide from a deck that was on time.
    const answer = replan({
      slides: [
        { id: 'title', layout: 'title', goals: [], minutes: 0.5 },
        { id: 'what-we-heard', layout: 'what-we-heard', goals: [], minutes: 1.5 },
        { id: 'goal-retirement', layout: 'goal', goals: ['retirement'], minutes: 4 },
        { id: 'fees', layout: 'fees', goals: [], minutes: 3 },
        { id: 'your-questions', layout: 'your-questions', goals: [], minutes: 2.5 },
        { id: 'next-steps', layout: 'next-steps', goals: [], minutes: 2 },
        { id: 'closing', layout: 'closing', goals: [], minutes: 1.5 },
      ],
      shownSlideIds: [],
      currentSlideId: 'title',
      elapsedMinutes: 1.000000970918791e-9,
      meetingMinutes: 20,
      questionsMinutes: 5.5,
    });
    expect(answer.skip).toEqual([]);
    expect(answer.fits).toBe(true);
  });

  it('on time: nothing to skip; running long: the lowest-ranked goal first, then the firm’s slides', () => {
    const slides: TestSlide[] = [
      { id: 'title', layout: 'title', goals: [], minutes: 0.5 },
      { id: 'what-we-heard', layout: 'what-we-heard', goals: [], minutes: 1.5 },
      { id: 'urgent-need', layout: 'urgent-need', goals: [], minutes: 2 },
      { id: 'goal-retirement', layout: 'goal', goals: ['retirement'], minutes: 2 },
      { id: 'goal-education', layout: 'goal', goals: ['education'], minutes: 2 },
      { id: 'goal-home', layout: 'goal', goals: ['home'], minutes: 1.5 },
      { id: 'fees', layout: 'fees', goals: [], minutes: 1 },
      { id: 'your-questions', layout: 'your-questions', goals: [], minutes: 1.5 },
      { id: 'next-steps', layout: 'next-steps', goals: [], minutes: 1 },
      { id: 'closing', layout: 'closing', goals: [], minutes: 0.5 },
    ];
    const at = (elapsedMinutes: number) =>
      replan({
        slides,
        shownSlideIds: ['title'],
        currentSlideId: 'what-we-heard',
        elapsedMinutes,
        meetingMinutes: 20,
        questionsMinutes: 5,
      });
    // 11.5 minutes to come (urgent need to closing) and 15 left before the reserve.
    expect(at(0).skip).toEqual([]);
    expect(at(0).fits).toBe(true);
    expect(at(3.5).skip).toEqual([]);
    expect(at(4).skip).toEqual(['goal-home']);
    expect(at(4).minutesSaved).toBe(1.5);
    expect(at(6).skip).toEqual(['goal-education', 'goal-home']);
    expect(at(8).skip).toEqual(['goal-education', 'goal-home', 'fees']);
    expect(at(9).skip).toEqual(['goal-education', 'goal-home', 'fees', 'your-questions']);
    expect(at(10).skip).toEqual(['goal-retirement', 'goal-education', 'goal-home', 'fees', 'your-questions']);
    expect(at(30).skip).toEqual([
      'urgent-need',
      'goal-retirement',
      'goal-education',
      'goal-home',
      'fees',
      'your-questions',
    ]);
    // The slide on screen stays, even when it is the one that would go first.
    expect(
      replan({
        slides,
        shownSlideIds: [],
        currentSlideId: 'goal-home',
        elapsedMinutes: 12,
        meetingMinutes: 20,
        questionsMinutes: 5,
      }).skip,
    ).toEqual(['fees']);
  });
});

let recipe: DeckRecipe;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting');
});

describe('replan over real plans', () => {
  it('keeps its properties on the plans of random intakes, at every slide and any overrun', () => {
    fc.assert(
      fc.property(
        intakeArbitrary,
        advisorArbitrary,
        fc.nat(),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (intakeInput, advisorInput, where, elapsedMinutes) => {
          const intake = checkIntake(intakeInput);
          const advisor = checkAdvisor(advisorInput);
          if (!intake.ok || !advisor.ok) return;
          const plan = planDeck(intake.value, advisor.value, recipe);
          const slides = plan.deck.slides;
          const current = where % slides.length;
          checkAnswer(
            replanInput(plan, {
              shownSlideIds: slides.slice(0, current).map((s) => s.id),
              currentSlideId: slides[current]?.id,
              elapsedMinutes,
            }),
          );
        },
      ),
      { numRuns: 30 },
    );
  }, 240_000);
});
