// Live re-planning: when a meeting runs long, which of the slides still to come to skip so the rest
// ends before the questions reserve (the seed's rule: the prospect's questions are kept). Pure and
// deterministic, so the presenter strip can ask it every second and a test can ask it anything.
import type { DeckPlan, Slide } from './planDeck';
import { LOCKED_SLIDES } from './lockedSlides';

export interface ReplanInput {
  /** The slides in deck order with their planned minutes (the plan's, or any subset of its fields). */
  slides: readonly Pick<Slide, 'id' | 'layout' | 'minutes' | 'goals'>[];
  /** Slides already shown in this meeting: behind us, never proposed. */
  shownSlideIds: readonly string[];
  /** Slides already skipped in this meeting: out of the rest, never proposed again. */
  skippedSlideIds?: readonly string[];
  /** The slide on screen now (its time is under way): never skipped. */
  currentSlideId: string | undefined;
  /** Minutes since the meeting started. */
  elapsedMinutes: number;
  /** The meeting's length, questions included (the plan's budgetMinutes). */
  meetingMinutes: number;
  /** Minutes kept at the end for the prospect's questions (the plan's qaMinutes). */
  questionsMinutes: number;
}

export interface Replan {
  /** The slides to skip, in deck order; empty when the rest fits. */
  skip: string[];
  /** Planned minutes of the skipped slides. */
  minutesSaved: number;
  /** Minutes the slides still to come need, before and after the skips. */
  restMinutes: number;
  restMinutesAfter: number;
  /** Minutes left before the questions reserve starts (negative once inside it). */
  minutesLeft: number;
  /** Whether the rest fits before the reserve without skipping anything. */
  fits: boolean;
}

/** Slides a first meeting must have: what we heard, next steps, the closing with the disclosure. */
const LOCKED = new Set(LOCKED_SLIDES);
/**
 * Slide minutes are half minutes; elapsed time is not: a hair over is still on time. A millionth
 * of a minute (60 µs), well above the rounding of the subtraction that gives the minutes left.
 */
const EPSILON = 1e-6;

/** The plan's own inputs, for callers that hold a whole DeckPlan. */
export function replanInput(
  plan: DeckPlan,
  meeting: Omit<ReplanInput, 'slides' | 'meetingMinutes' | 'questionsMinutes'>,
): ReplanInput {
  return {
    ...meeting,
    slides: plan.deck.slides,
    meetingMinutes: plan.deck.budgetMinutes,
    questionsMinutes: plan.deck.qaMinutes,
  };
}

/** Inside the questions reserve (the last minutes, kept for the prospect): the gentle reminder's moment. */
export function inQuestionsReserve(elapsedMinutes: number, meetingMinutes: number, questionsMinutes: number): boolean {
  return elapsedMinutes >= meetingMinutes - questionsMinutes && elapsedMinutes < meetingMinutes;
}

/**
 * The slides to skip so the slides after the one on screen fit the minutes left before the
 * questions reserve. Locked slides (title, what we heard, next steps, closing) and the slide on
 * screen are never skipped; when even the locked ones do not fit, everything else is skipped.
 */
export function replan(input: ReplanInput): Replan {
  const { slides } = input;
  const gone = new Set([...input.shownSlideIds, ...(input.skippedSlideIds ?? [])]);
  const at = input.currentSlideId === undefined ? -1 : slides.findIndex((s) => s.id === input.currentSlideId);
  const rest = slides.filter((s, i) => i > at && !gone.has(s.id) && s.id !== input.currentSlideId);
  const restMinutes = sum(rest);
  const minutesLeft = input.meetingMinutes - input.questionsMinutes - Math.max(0, input.elapsedMinutes);
  const fits = restMinutes <= minutesLeft + EPSILON;
  if (fits) return { skip: [], minutesSaved: 0, restMinutes, restMinutesAfter: restMinutes, minutesLeft, fits };

  // Skipped first to last, only as many as needed: what goes is always a first part of this
  // order, so nothing more important goes while something less important stays.
  const skipped = new Set<string>();
  let need = restMinutes;
  for (const slide of skipOrder(rest, goalRanks(slides))) {
    if (need <= minutesLeft + EPSILON) break;
    skipped.add(slide.id);
    need -= slide.minutes;
  }
  const skip = rest.filter((s) => skipped.has(s.id)).map((s) => s.id);
  return { skip, minutesSaved: restMinutes - need, restMinutes, restMinutesAfter: need, minutesLeft, fits };
}

const sum = (list: readonly { minutes: number }[]) => list.reduce((total, s) => total + s.minutes, 0);

/**
 * Each goal's rank in the prospect's order (0 = most important). Goal slides are planned in the
 * prospect's order and "also on your list" holds the goals after them, so the deck's order of
 * first appearance is the prospect's order (an advisor who moved a goal slide ranked it so).
 */
function goalRanks(slides: ReplanInput['slides']): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const slide of slides) for (const goal of slide.goals) if (!ranks.has(goal)) ranks.set(goal, ranks.size);
  return ranks;
}

/** Tiers, lowest first: what goes first when time runs short. */
const TIER = {
  lowGoals: 0,
  general: 1,
  theirQuestions: 2,
  topGoal: 3,
  urgentNeed: 4,
} as const;
/** Slides about the firm: the prospect can read these later; their own questions matter more. */
const GENERAL_ORDER = ['how-we-work', 'why-us', 'fees'];

/** The slides that may go, the first to go first; ties broken by deck order, later first. */
function skipOrder(rest: ReplanInput['slides'], ranks: Map<string, number>): ReplanInput['slides'] {
  const keyed = rest
    .map((slide, position) => {
      if (LOCKED.has(slide.id)) return null;
      const goalRank = slide.goals.length ? Math.min(...slide.goals.map((g) => ranks.get(g) ?? 0)) : -1;
      let tier: number;
      let within: number;
      if (slide.layout === 'urgent-need') [tier, within] = [TIER.urgentNeed, 0];
      else if (goalRank === 0) [tier, within] = [TIER.topGoal, 0];
      else if (goalRank > 0) [tier, within] = [TIER.lowGoals, -goalRank];
      else if (slide.layout === 'your-questions') [tier, within] = [TIER.theirQuestions, 0];
      else {
        const general = GENERAL_ORDER.indexOf(slide.layout);
        [tier, within] = [TIER.general, general < 0 ? -1 : general];
      }
      return { slide, tier, within, position };
    })
    .filter((k) => k !== null);
  keyed.sort((a, b) => a.tier - b.tier || a.within - b.within || b.position - a.position);
  return keyed.map((k) => k.slide);
}
