// fast-check 4 draws at most about 10 items or characters unless an arbitrary says `size: 'max'`
// (an explicit maxLength alone is not enough). The shared arbitraries claim texts and lists up to
// the schema's limits: this checks that they do generate them, so a property written for 2,000
// characters or 50 questions is not quietly run on 10.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../core/text/text';
import { intakeArbitrary, meetingArbitrary, typed } from '../support/arbitraries';

// Drawing full-size intakes is the slow part of the property tests too: a few, with a fixed seed.
vi.setConfig({ testTimeout: 120_000 });

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const characters = (s: string) => [...graphemes.segment(s)].length;
const longest = <T>(arbitrary: fc.Arbitrary<T>, measure: (value: T) => number, runs = 300) =>
  Math.max(...fc.sample(arbitrary, { numRuns: runs, seed: 17 }).map(measure));

describe('the shared arbitraries reach the lengths they claim', () => {
  it('typed(max) draws texts of exactly max characters', () => {
    expect(longest(typed(LIMITS.text), characters, 40)).toBe(LIMITS.text);
    expect(longest(typed(LIMITS.name), characters, 40)).toBe(LIMITS.name);
  });

  it('intakes carry up to 50 concerns, questions and dependents, and notes of thousands of characters', () => {
    const intakes = fc.sample(intakeArbitrary, { numRuns: 12, seed: 17 });
    const most = (pick: (i: (typeof intakes)[number]) => unknown[] | undefined) =>
      Math.max(...intakes.map((i) => pick(i)?.length ?? 0));
    expect(most((i) => i.concerns)).toBeGreaterThan(25);
    expect(most((i) => i.questions)).toBeGreaterThan(25);
    expect(most((i) => i.prospect.dependents)).toBeGreaterThan(25);
    expect(Math.max(...intakes.map((i) => characters(i.notes ?? '')))).toBeGreaterThan(1000);
  });

  it('meetings carry up to 50 questions', () => {
    expect(longest(meetingArbitrary, (m) => m.questions?.length ?? 0, 12)).toBeGreaterThan(25);
  });
});
