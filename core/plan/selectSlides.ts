// Which of the recipe's slides fit the meeting's minutes, and where the minutes left over go.
import type { Goal } from '../intake/intake';
import type { Slide } from './deckPlan';
import type { Recipe, SlideKind } from './recipe';

export interface Selection {
  kinds: Set<SlideKind>;
  /** How many of the goals (in the prospect's order) get their own slide. */
  dedicatedGoals: number;
  /** Goals the advisor gave their own slide beyond those. */
  extraGoals?: ReadonlySet<Goal>;
}

/**
 * Which slides fit the budget: the required ones and the top goal's own slide first, then
 * the recipe's fill order while time remains. Goals without their own slide share one
 * "also on your list" slide, so every goal is always covered.
 */
export function selectSlides(
  recipe: Recipe,
  available: number,
  goals: number,
  present: (k: SlideKind) => boolean,
): { selection: Selection; remaining: number } {
  const cost = recipe.minutes;
  const kinds = new Set<SlideKind>(recipe.required.filter(present));
  let dedicatedGoals = Math.min(1, goals);
  const coverage = (k: number) => k * cost.goal + (k < goals ? cost['also-on-your-list'] : 0);
  let remaining = available - [...kinds].reduce((sum, k) => sum + cost[k], 0) - coverage(dedicatedGoals);
  if (remaining < 0) {
    throw new Error(
      `recipe "${recipe.id}" needs ${available - remaining} minutes for its required slides but only ${available} are available`,
    );
  }

  const addGoal = (): boolean => {
    if (dedicatedGoals >= goals) return false;
    const delta = coverage(dedicatedGoals + 1) - coverage(dedicatedGoals);
    if (delta > remaining) return false;
    dedicatedGoals++;
    remaining -= delta;
    return true;
  };

  for (const step of recipe.fill) {
    if (step === 'goal') addGoal();
    else if (step === 'goal*') while (addGoal());
    else if (!kinds.has(step) && step !== 'also-on-your-list' && present(step) && cost[step] <= remaining) {
      kinds.add(step);
      remaining -= cost[step];
    }
  }
  return { selection: { kinds, dedicatedGoals }, remaining };
}

/** Leftover time becomes discussion time on the slides the recipe names, half a minute at a time. */
export function spreadExtraTime(slides: Slide[], recipe: Recipe, remaining: number): void {
  const caps = recipe.extraTimeTo;
  const order = (Object.keys(caps) as SlideKind[]).flatMap((kind) => slides.filter((s) => s.layout === kind));
  let left = remaining;
  let added = true;
  while (left >= 0.5 && added) {
    added = false;
    for (const slide of order) {
      const cap = caps[slide.layout] ?? slide.minutes;
      if (left >= 0.5 && slide.minutes + 0.5 <= cap) {
        slide.minutes += 0.5;
        left -= 0.5;
        added = true;
      }
    }
  }
}
