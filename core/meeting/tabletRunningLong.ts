// Running long on the tablet that presents: the tablet sends its own clock with each post, and
// the laptop answers with what core/plan/replan.ts proposes for the meeting as it stands (the
// slides shown and skipped, the slide on the tablet). One rule for the laptop's presenter strip
// and the tablet; the tablet's page holds no copy of it.
import type { DeckPlan } from '../plan/planDeck';
import { inQuestionsReserve, replanInput, replan } from '../plan/replan';
import { elapsedSeconds, type LiveMeeting } from './live';

export interface TabletAnswer {
  /** Slides to skip so the rest fits before the questions reserve, with their titles; absent when it fits. */
  runningLong?: { skip: { slideId: string; title: string }[]; minutesSaved: number };
  /** Inside the questions reserve: a gentle reminder on the tablet. */
  questionsTime: boolean;
  /** Skipped for the rest of this meeting (so a reloaded tablet passes over them too). */
  skippedSlideIds: string[];
}

/** What the laptop answers a presenting tablet whose clock says `now` (ms) with `slideId` on screen. */
export function tabletAnswer(
  plan: DeckPlan,
  meeting: LiveMeeting,
  now: number,
  slideId: string | undefined,
): TabletAnswer {
  const elapsedMinutes = elapsedSeconds(meeting.startedAt, now) / 60;
  const skipped = meeting.skippedSlideIds ?? [];
  const current = slideId ?? meeting.visits.at(-1)?.slideId;
  const answer = replan(
    replanInput(plan, {
      shownSlideIds: [...new Set(meeting.visits.map((v) => v.slideId))],
      skippedSlideIds: skipped,
      currentSlideId: current,
      elapsedMinutes,
    }),
  );
  const { budgetMinutes, qaMinutes } = plan.deck;
  const titles = new Map(plan.deck.slides.map((s) => [s.id, s.title]));
  return {
    ...(answer.skip.length
      ? {
          runningLong: {
            skip: answer.skip.map((id) => ({ slideId: id, title: titles.get(id) ?? id })),
            minutesSaved: answer.minutesSaved,
          },
        }
      : {}),
    questionsTime: inQuestionsReserve(elapsedMinutes, budgetMinutes, qaMinutes),
    skippedSlideIds: [...skipped],
  };
}
