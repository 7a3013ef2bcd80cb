import fc from 'fast-check';
import { checkAdvisor } from '../core/advisor/advisor';
import { checkIntake, type Intake } from '../core/intake/intake';
import { planDeck } from '../core/plan/planDeck';
import { replan, replanInput } from '../core/plan/replan';
import { loadRecipe } from '../electron/services/recipes';
import { advisorArbitrary, intakeArbitrary } from '../test/support/arbitraries';
import { ms, percentile, time, type Row } from './measure';

/** planDeck over 1,000 varied intakes (fixed seed, so every run measures the same inputs). */
export async function benchPlan(): Promise<Row[]> {
  const recipe = await loadRecipe('first-meeting');
  const intakes = fc.sample(intakeArbitrary, { numRuns: 1000, seed: 42 }).map((input) => {
    const checked = checkIntake(input);
    if (!checked.ok) throw new Error('the bench generated an invalid intake');
    return checked.value;
  });
  const advisorChecked = checkAdvisor(fc.sample(advisorArbitrary, { numRuns: 1, seed: 7 })[0]);
  if (!advisorChecked.ok) throw new Error('the bench generated an invalid advisor');
  const advisor = advisorChecked.value;
  const samples = await time<Intake>(intakes, (intake) => planDeck(intake, advisor, recipe), 200);
  const median = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  // Live re-planning, asked every second in present mode: each plan at a random slide, running long.
  const plans = intakes.map((intake) => planDeck(intake, advisor, recipe));
  const moments = plans.map((plan, i) => {
    const slides = plan.deck.slides;
    const at = i % slides.length;
    return replanInput(plan, {
      shownSlideIds: slides.slice(0, at).map((s) => s.id),
      currentSlideId: slides[at]?.id,
      elapsedMinutes: (i % 30) + 0.25,
    });
  });
  const replans = await time(moments, (moment) => replan(moment), 200);
  return [
    { name: 'planDeck median (1,000 varied intakes)', value: ms(median), target: '< 1 ms', ok: median < 1 },
    { name: 'planDeck p95', value: ms(p95), target: '(info)', ok: true },
    {
      name: 'replan median (1,000 plans, mid-meeting, running long)',
      value: ms(percentile(replans, 50)),
      target: '≤ 1 ms',
      ok: percentile(replans, 50) <= 1,
    },
    { name: 'replan p99', value: ms(percentile(replans, 99)), target: '(info)', ok: true },
  ];
}
