// The advisor's changes to a planned deck, applied by planDeck: pure data, same result every time,
// and never more minutes than the meeting allows.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDeckChanges, NO_CHANGES, type DeckChanges } from '../../core/plan/deckChanges';
import { deckOptions, planDeck, type DeckPlan, type DeckRecipe } from '../../core/plan/planDeck';
import { loadRecipe } from '../../electron/services/recipes';
import { advisor, intake } from '../support/samples';

let recipe: DeckRecipe;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting');
});

const ids = (plan: DeckPlan) => plan.deck.slides.map((s) => s.id);
const changes = (c: Partial<DeckChanges>): DeckChanges => ({ ...NO_CHANGES, ...c });
const available = (plan: DeckPlan) => plan.deck.budgetMinutes - plan.deck.qaMinutes;

describe('deck changes', () => {
  it('changes nothing when there are none: the same plan, byte for byte', () => {
    expect(JSON.stringify(planDeck(intake(), advisor(), recipe, NO_CHANGES))).toBe(
      JSON.stringify(planDeck(intake(), advisor(), recipe)),
    );
  });

  it('hides slides, but never the title, what we heard, next steps or the closing with the disclosure', () => {
    const plan = planDeck(
      intake(),
      advisor(),
      recipe,
      changes({ hidden: ['fees', 'why-us', 'title', 'what-we-heard', 'next-steps', 'closing'] }),
    );
    expect(ids(plan)).not.toContain('fees');
    expect(ids(plan)).not.toContain('why-us');
    for (const locked of ['title', 'what-we-heard', 'next-steps', 'closing']) expect(ids(plan)).toContain(locked);
    expect(plan.deck.plannedMinutes).toBeLessThanOrEqual(available(plan));
    expect(deckOptions(intake(), advisor(), recipe, changes({ hidden: ['fees'] })).hidden.map((o) => o.id)).toEqual([
      'fees',
    ]);
  });

  it('puts slides in the advisor order; slides not named follow in the plan order', () => {
    const plan = planDeck(
      intake(),
      advisor(),
      recipe,
      changes({ order: ['title', 'your-questions', 'what-we-heard'] }),
    );
    expect(ids(plan).slice(0, 4)).toEqual(['title', 'your-questions', 'what-we-heard', 'urgent-need']);
  });

  it('adds what the recipe holds when time allows, and refuses (drops) what would go over', () => {
    const short = intake((i) => {
      i.meeting.minutes = 10;
      i.goals = ['retirement', 'tax', 'estate', 'home'];
    });
    const before = planDeck(short, advisor(), recipe);
    const options = deckOptions(short, advisor(), recipe);
    expect(options.addable.length).toBeGreaterThan(0);
    const everything = options.addable.map((o) => o.id);
    const plan = planDeck(short, advisor(), recipe, changes({ added: everything }));
    expect(plan.deck.plannedMinutes).toBeLessThanOrEqual(available(plan));
    // Hiding makes room for one more.
    const roomy = planDeck(
      short,
      advisor(),
      recipe,
      changes({ hidden: ['urgent-need', 'your-questions'], added: [everything[0] ?? ''] }),
    );
    expect(ids(roomy)).toContain(everything[0]);
    expect(roomy.deck.plannedMinutes).toBeLessThanOrEqual(available(roomy));
    expect(ids(before)).not.toContain(everything[0]);
  });

  it('gives an added goal its own slide and takes it off "also on your list"', () => {
    const many = intake((i) => {
      i.meeting.minutes = 20;
      i.goals = ['retirement', 'tax', 'estate', 'home', 'debt', 'charity'];
    });
    const before = planDeck(many, advisor(), recipe);
    const also = before.deck.slides.find((s) => s.id === 'also-on-your-list');
    expect(also?.goals).toContain('charity');
    const plan = planDeck(
      many,
      advisor(),
      recipe,
      changes({ hidden: ['fees', 'why-us', 'how-we-work'], added: ['goal-charity'] }),
    );
    expect(ids(plan)).toContain('goal-charity');
    expect(plan.deck.slides.find((s) => s.id === 'also-on-your-list')?.goals ?? []).not.toContain('charity');
  });

  it('takes the advisor words, but not over the fine print or a chart', () => {
    const plan = planDeck(
      intake(),
      advisor(),
      recipe,
      changes({
        edits: {
          closing: { title: 'Merci <b>!</b>' },
          'goal-retirement': { points: ['One', 'Two'], notes: 'Say hello' },
        },
      }),
    );
    const closing = plan.deck.slides.find((s) => s.id === 'closing');
    expect(closing?.title).toBe('Merci <b>!</b>');
    expect(closing?.fineprint).toBe(advisor().disclosure);
    const retirement = plan.deck.slides.find((s) => s.id === 'goal-retirement');
    expect(retirement?.points).toEqual(['One', 'Two']);
    expect(retirement?.notes).toBe('Say hello');
    expect(retirement?.chart?.kind).toBe('retirement');
  });

  it('checks a deck.json like any user file, naming the field', () => {
    const bad = checkDeckChanges({ hidden: ['../x'], edits: { title: { title: 'x'.repeat(200), colour: 'red' } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(['hidden[0]', 'edits.title.title', 'edits.title.colour']),
      );
    expect(checkDeckChanges({}).ok).toBe(true);
  });
});
