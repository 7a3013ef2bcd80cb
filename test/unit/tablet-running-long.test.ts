// Running long on the tablet (core/meeting/tabletRunningLong.ts): the laptop's answer to a
// presenting tablet's clock is exactly core/plan/replan's proposal, with titles, measured from
// the meeting's start by the tablet's time.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkAdvisor } from '../../core/advisor/advisor';
import { checkIntake } from '../../core/intake/intake';
import type { LiveMeeting } from '../../core/meeting/live';
import { tabletAnswer } from '../../core/meeting/tabletRunningLong';
import { planDeck } from '../../core/plan/planDeck';
import { replan, replanInput } from '../../core/plan/replan';
import { loadRecipe } from '../../electron/services/recipes';

async function samplePlan() {
  const read = async (name: string) => JSON.parse(await readFile(`templates/samples/${name}`, 'utf8')) as unknown;
  const intake = checkIntake(await read('intake.json'));
  const advisor = checkAdvisor(await read('advisor.json'));
  if (!intake.ok || !advisor.ok) throw new Error('samples must be valid');
  return planDeck(intake.value, advisor.value, await loadRecipe('first-meeting', 'templates'));
}

const START = Date.parse('2027-03-04T14:00:00.000Z');
const meetingAt = (slideIds: string[], skipped?: string[]): LiveMeeting => ({
  v: 1,
  startedAt: new Date(START).toISOString(),
  visits: slideIds.map((slideId, i) => ({ slideId, at: new Date(START + i * 60_000).toISOString() })),
  questions: [],
  ...(skipped ? { skippedSlideIds: skipped } : {}),
});

describe('running long on the tablet', () => {
  it('proposes nothing while the meeting is on time', async () => {
    const plan = await samplePlan();
    const ids = plan.deck.slides.map((s) => s.id);
    const answer = tabletAnswer(plan, meetingAt(ids.slice(0, 2)), START + 2 * 60_000, ids[1]);
    expect(answer).toEqual({ questionsTime: false, skippedSlideIds: [] });
  });

  it('answers with replan’s skips and their titles once the rest no longer fits, by the tablet’s clock', async () => {
    const plan = await samplePlan();
    const ids = plan.deck.slides.map((s) => s.id);
    const meeting = meetingAt(ids.slice(0, 2));
    const now = START + 8 * 60_000;
    const answer = tabletAnswer(plan, meeting, now, ids[1]);
    const expected = replan(
      replanInput(plan, {
        shownSlideIds: ids.slice(0, 2),
        skippedSlideIds: [],
        currentSlideId: ids[1],
        elapsedMinutes: 8,
      }),
    );
    expect(expected.skip.length).toBeGreaterThan(0);
    expect(answer.runningLong?.skip.map((s) => s.slideId)).toEqual(expected.skip);
    expect(answer.runningLong?.minutesSaved).toBe(expected.minutesSaved);
    const titles = new Map(plan.deck.slides.map((s) => [s.id, s.title]));
    for (const slide of answer.runningLong?.skip ?? []) expect(slide.title).toBe(titles.get(slide.slideId));
    // What was skipped before is out of the rest and reported back to a reloaded tablet.
    const after = tabletAnswer(plan, meetingAt(ids.slice(0, 2), expected.skip), now, ids[1]);
    expect(after.runningLong).toBeUndefined();
    expect(after.skippedSlideIds).toEqual(expected.skip);
  });

  it('reminds the advisor when the questions reserve starts, and not after the meeting’s end', async () => {
    const plan = await samplePlan();
    const { budgetMinutes, qaMinutes } = plan.deck;
    const ids = plan.deck.slides.map((s) => s.id);
    const at = (minutes: number) =>
      tabletAnswer(plan, meetingAt(ids), START + minutes * 60_000, ids.at(-1)).questionsTime;
    expect(at(budgetMinutes - qaMinutes - 0.5)).toBe(false);
    expect(at(budgetMinutes - qaMinutes)).toBe(true);
    expect(at(budgetMinutes + 1)).toBe(false);
  });
});
