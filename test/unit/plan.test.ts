import { beforeAll, describe, expect, it } from 'vitest';
import { GOALS, type Goal } from '../../core/intake/intake';
import { planDeck, pointsShown, qaMinutes, type DeckPlan, type DeckRecipe } from '../../core/plan/planDeck';
import { loadRecipe } from '../../electron/services/recipes';
import { advisor, intake } from '../support/samples';

let recipe: DeckRecipe;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting');
});

const ids = (plan: DeckPlan) => plan.deck.slides.map((s) => s.id);
/** The goals covered by goal and also-on-your-list slides, in deck order. */
const covered = (plan: DeckPlan): Goal[] =>
  plan.deck.slides.filter((s) => s.layout === 'goal' || s.layout === 'also-on-your-list').flatMap((s) => s.goals);

describe('planDeck', () => {
  it('tailors the sample: title, what we heard, urgent need, goals in order, questions, next steps, closing', () => {
    const plan = planDeck(intake(), advisor(), recipe);
    expect(ids(plan)).toEqual([
      'title',
      'what-we-heard',
      'urgent-need',
      'goal-retirement',
      'goal-education',
      'goal-tax',
      'how-we-work',
      'why-us',
      'fees',
      'your-questions',
      'next-steps',
      'closing',
    ]);
    // Maria comes with her husband Daniel: the deck is for the couple.
    expect(plan.prospect.fullName).toBe('Maria Lopez & Daniel Lopez');
    expect(plan.deck).toMatchObject({ aspectRatio: '4:3', budgetMinutes: 20, qaMinutes: 5 });
    expect(plan.deck.plannedMinutes).toBeLessThanOrEqual(15);
    expect(plan.deck.plannedMinutes).toBe(plan.deck.slides.reduce((s, x) => s + x.minutes, 0));
    expect(plan.followUp).toEqual({
      dueAt: '2026-12-08T10:00:00-08:00',
      timeZone: 'America/Los_Angeles',
      businessDaysAfter: 3,
    });
  });

  it('puts the prospect’s name, the advisor and the date on the title slide', () => {
    const [title] = planDeck(intake(), advisor(), recipe).deck.slides;
    expect(title?.title).toBe('Maria Lopez & Daniel Lopez');
    expect(JSON.stringify(title)).toContain('Jordan Avery');
    expect(title?.subtitle).toContain('Thursday, December 3, 2026');
  });

  it('lists the goals in the prospect’s order and their concerns on "what we heard"', () => {
    const heard = planDeck(
      intake((i) => (i.goals = ['tax', 'home', 'retirement'])),
      advisor(),
      recipe,
    ).deck.slides[1];
    expect(heard?.id).toBe('what-we-heard');
    expect(heard?.chips).toEqual(['Taxes', 'Home', 'Retirement']);
    expect(heard?.points).toContain('Am I on track to retire at 62?');
  });

  it('shows the urgent need on one of the first three slides, and drops its slide when there is none', () => {
    const plan = planDeck(intake(), advisor(), recipe);
    expect(plan.deck.slides.slice(0, 3).some((s) => s.quote === 'Sell the practice within three years')).toBe(true);
    const without = planDeck(
      intake((i) => delete i.urgentNeed),
      advisor(),
      recipe,
    );
    expect(ids(without)).not.toContain('urgent-need');
  });

  it('answers the prospect’s own questions, and has no questions slide without them', () => {
    const plan = planDeck(intake(), advisor(), recipe);
    expect(plan.deck.slides.find((s) => s.id === 'your-questions')?.points).toEqual([
      'How are you paid?',
      'How often would we meet?',
    ]);
    expect(
      ids(
        planDeck(
          intake((i) => (i.questions = [])),
          advisor(),
          recipe,
        ),
      ),
    ).not.toContain('your-questions');
  });

  it('names the follow-up date on next steps and the disclosure on the closing slide', () => {
    const plan = planDeck(intake(), advisor(), recipe);
    const next = plan.deck.slides.find((s) => s.id === 'next-steps');
    expect(next?.points.join(' ')).toContain('Tuesday, December 8 at 10:00 AM');
    const closing = plan.deck.slides.at(-1);
    expect(closing?.id).toBe('closing');
    expect(closing?.fineprint).toBe(advisor().disclosure);
  });

  it('shows credentials and firm on "why us"', () => {
    const why = planDeck(intake(), advisor(), recipe).deck.slides.find((s) => s.id === 'why-us');
    expect(why?.chips).toEqual(['CFP®', 'CFA']);
    expect(JSON.stringify(why)).toContain('Harbor & Pine Wealth Partners');
  });

  it('keeps a quarter of the meeting for questions, rounded to the half minute', () => {
    expect([10, 11, 13, 15, 20, 45, 60, 120].map((m) => qaMinutes(m, 0.25))).toEqual([2.5, 3, 3.5, 4, 5, 11.5, 15, 30]);
  });

  it('a 10-minute meeting with every goal still has title, what we heard, next steps and covers every goal in order', () => {
    const plan = planDeck(
      intake((i) => ((i.goals = [...GOALS]), (i.meeting.minutes = 10))),
      advisor(),
      recipe,
    );
    expect(ids(plan)).toEqual(expect.arrayContaining(['title', 'what-we-heard', 'next-steps', 'closing']));
    expect(plan.deck.plannedMinutes).toBeLessThanOrEqual(10 - 2.5);
    expect(covered(plan)).toEqual([...GOALS]);
    const also = plan.deck.slides.find((s) => s.id === 'also-on-your-list');
    expect(also?.goals.length).toBeGreaterThan(0);
    expect(also?.points.length).toBeLessThanOrEqual(6);
  });

  it('gives every goal its own slide when there is time, and never plans past the budget', () => {
    const plan = planDeck(
      intake((i) => ((i.goals = [...GOALS]), (i.meeting.minutes = 60))),
      advisor(),
      recipe,
    );
    expect(plan.deck.slides.filter((s) => s.layout === 'goal').map((s) => s.goals[0])).toEqual([...GOALS]);
    expect(ids(plan)).not.toContain('also-on-your-list');
    expect(plan.deck.plannedMinutes).toBeLessThanOrEqual(45);
  });

  it('a 120-minute meeting with one goal plans a short deck with discussion time', () => {
    const plan = planDeck(
      intake((i) => ((i.goals = ['estate']), (i.meeting.minutes = 120))),
      advisor(),
      recipe,
    );
    expect(covered(plan)).toEqual(['estate']);
    expect(plan.deck.qaMinutes).toBe(30);
    expect(plan.deck.plannedMinutes).toBeLessThanOrEqual(90);
    expect(plan.deck.slides.find((s) => s.id === 'goal-estate')?.minutes).toBeGreaterThan(1.5);
  });

  it('uses 4:3 in person and 16:9 for video and webinar', () => {
    expect(
      planDeck(
        intake((i) => (i.meeting.format = 'video')),
        advisor(),
        recipe,
      ).deck.aspectRatio,
    ).toBe('16:9');
    expect(
      planDeck(
        intake((i) => (i.meeting.format = 'webinar')),
        advisor(),
        recipe,
      ).deck.aspectRatio,
    ).toBe('16:9');
    expect(
      planDeck(
        intake((i) => delete i.meeting.format),
        advisor(),
        recipe,
      ).deck.aspectRatio,
    ).toBe('4:3');
  });

  it('speaks French for fr and fr-CA, formatting with the full tag; falls back to English', () => {
    const fr = planDeck(
      intake((i) => ((i.locale = 'fr-CA'), (i.finances = { investableAssets: 850000, monthlySavings: 4000 }))),
      advisor(),
      recipe,
    );
    expect(fr.language).toBe('fr');
    expect(fr.deck.slides[1]?.title).toBe('Ce que vous nous avez dit');
    expect(JSON.stringify(fr)).toContain('850\u00a0000\u00a0$'); // fr-CA money, in CAD by default
    expect(fr.deck.slides[0]?.subtitle).toContain('jeudi 3 décembre 2026');
    const de = planDeck(
      intake((i) => (i.locale = 'de-DE')),
      advisor(),
      recipe,
    );
    expect(de.language).toBe('en');
    expect(de.deck.slides[0]?.subtitle).toContain('Donnerstag, 3. Dezember 2026');
  });

  it('plans for an undetermined language tag in English', () => {
    const plan = planDeck(
      intake((i) => (i.locale = 'und')),
      advisor(),
      recipe,
    );
    expect(plan.language).toBe('en');
  });

  it('keeps CJK text within the room of a slide: a wide character counts twice', () => {
    const plan = planDeck(
      intake((i) => ((i.locale = 'ja-JP'), (i.questions = ['老後資金は足りるでしょうか'.repeat(20)]))),
      advisor(),
      recipe,
    );
    const question = plan.deck.slides.find((s) => s.id === 'your-questions')?.points[0] ?? '';
    expect([...question].length).toBeLessThanOrEqual(56);
    expect(question.endsWith('…')).toBe(true);
  });

  it('shows at most six credentials, each short', () => {
    const why = planDeck(
      intake(),
      advisor(
        (a) => (a.credentials = Array.from({ length: 20 }, (_, n) => `Credential number ${n} ${'x'.repeat(60)}`)),
      ),
      recipe,
    ).deck.slides.find((s) => s.id === 'why-us');
    expect(why?.chips).toHaveLength(6);
    expect(why?.chips?.at(-1)).toBe('+15 more');
    for (const chip of why?.chips ?? []) expect(chip.length).toBeLessThanOrEqual(40);
  });

  it('puts the family name first for Japanese, Chinese and Korean locales', () => {
    const plan = planDeck(
      intake(
        (i) => (
          (i.locale = 'ja-JP'),
          (i.prospect.firstName = '花子'),
          (i.prospect.lastName = '山田'),
          delete i.prospect.partner
        ),
      ),
      advisor(),
      recipe,
    );
    expect(plan.prospect.fullName).toBe('山田 花子');
  });

  it('never reads what a prospect typed as a template', () => {
    const plan = planDeck(
      intake((i) => ((i.prospect.firstName = '{advisorName}'), (i.urgentNeed = '${process.exit()} {{x}}'))),
      advisor(),
      recipe,
    );
    expect(plan.prospect.fullName).toBe('{advisorName} Lopez & Daniel Lopez');
    expect(plan.deck.slides.find((s) => s.id === 'closing')?.title).toBe('Thank you, {advisorName} & Daniel');
    expect(plan.deck.slides.find((s) => s.id === 'urgent-need')?.quote).toBe('${process.exit()} {{x}}');
  });

  it('shortens long texts and long lists so they fit a slide, keeping them whole in the notes', () => {
    const long = 'word '.repeat(390).trim();
    const plan = planDeck(
      intake(
        (i) => (
          (i.urgentNeed = long),
          (i.questions = Array.from({ length: 50 }, (_, n) => `Question ${n + 1}: ${long}`))
        ),
      ),
      advisor(),
      recipe,
    );
    const questions = plan.deck.slides.find((s) => s.id === 'your-questions');
    expect(questions?.points).toHaveLength(6);
    expect(questions?.points.at(-1)).toBe('+45 more questions');
    for (const slide of plan.deck.slides) for (const p of slide.points) expect([...p].length).toBeLessThanOrEqual(110);
    expect(plan.deck.slides.find((s) => s.id === 'urgent-need')?.quote?.length).toBeLessThanOrEqual(180);
    expect(questions?.notes).toContain(`Question 50: ${long}`);
  });

  it('drops a copy line whose value the prospect did not give', () => {
    const plan = planDeck(
      intake((i) => delete i.finances),
      advisor(),
      recipe,
    );
    const retirement = plan.deck.slides.find((s) => s.id === 'goal-retirement');
    expect(retirement?.points.join(' ')).not.toMatch(/[{}]/);
    expect(retirement?.points).toHaveLength(2);
  });

  it('is deterministic: the same input gives a byte-identical plan', () => {
    expect(JSON.stringify(planDeck(intake(), advisor(), recipe))).toBe(
      JSON.stringify(planDeck(intake(), advisor(), recipe)),
    );
  });
});

describe('points a layout draws (issue 21)', () => {
  it('holds no more points than the layout shows: two beside a chart at 4:3, three at 16:9, none on the closing', () => {
    for (const format of ['in-person', 'video'] as const) {
      const base = intake();
      const plan = planDeck({ ...base, meeting: { ...base.meeting, format } }, advisor(), recipe, {
        v: 1,
        order: [],
        hidden: [],
        added: [],
        edits: { 'goal-retirement': { points: ['a', 'b', 'c', 'd'] } },
      });
      const retirement = plan.deck.slides.find((s) => s.id === 'goal-retirement');
      if (!retirement?.chart) throw new Error('the sample’s retirement slide has a chart');
      const max = pointsShown(retirement, plan.deck.aspectRatio);
      expect(max).toBe(format === 'in-person' ? 2 : 3);
      expect(retirement?.points).toEqual(['a', 'b', 'c', 'd'].slice(0, max));
      for (const slide of plan.deck.slides)
        expect(slide.points.length, slide.id).toBeLessThanOrEqual(pointsShown(slide, plan.deck.aspectRatio));
    }
  });
});
