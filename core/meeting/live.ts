// The meeting while it happens (prospects/<id>/meeting-live.json): which slide was on screen
// from when, and the questions caught on the way, each kept the moment it happens so a crash
// or a reload loses nothing. At wrap-up it becomes the meeting record (core/meeting/meeting.ts).
import { z } from 'zod';
import { LIMITS, text } from '../text/text';
import type { MeetingRecordInput } from './meeting';

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'must be a UTC instant');
const slideId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a slide id');
/** A meeting is short; these bound a file that is rewritten at every step. */
export const MAX_SLIDE_VISITS = 500;
export const MAX_QUESTIONS = LIMITS.listItems;
/** A deck holds at most 100 slides (deck.json's bound). */
export const MAX_SKIPPED = 100;

export const liveQuestionSchema = z.strictObject({
  text: text(LIMITS.text, { required: true }),
  slideId: slideId.optional(),
  at: instant,
});

export const liveMeetingSchema = z.strictObject({
  v: z.literal(1),
  startedAt: instant,
  endedAt: instant.optional(),
  /** Every time a slide came on screen, in order: the time on each follows from the next one. */
  visits: z.array(z.strictObject({ slideId, at: instant })).max(MAX_SLIDE_VISITS),
  questions: z.array(liveQuestionSchema).max(MAX_QUESTIONS),
  /** Slides the advisor chose to skip for the rest of this meeting (running long); deck.json is untouched. */
  skippedSlideIds: z.array(slideId).max(MAX_SKIPPED).optional(),
});
export type LiveMeeting = z.output<typeof liveMeetingSchema>;

export type MeetingEvent =
  | { kind: 'slide'; slideId: string }
  | { kind: 'question'; text: string; slideId?: string | undefined }
  | { kind: 'skip'; slideIds: string[] };

export const meetingEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('slide'), slideId }),
  z.strictObject({
    kind: z.literal('question'),
    text: text(LIMITS.text, { required: true }),
    slideId: slideId.optional(),
  }),
  z.strictObject({ kind: z.literal('skip'), slideIds: z.array(slideId).min(1).max(MAX_SKIPPED) }),
]);

export function startMeeting(now: string): LiveMeeting {
  return { v: 1, startedAt: now, visits: [], questions: [] };
}

/** The meeting with one more thing that happened; a slide shown again right away is not a new visit. */
export function recordEvent(meeting: LiveMeeting, event: MeetingEvent, now: string): LiveMeeting {
  if (meeting.endedAt) return meeting;
  if (event.kind === 'slide') {
    if (meeting.visits.at(-1)?.slideId === event.slideId || meeting.visits.length >= MAX_SLIDE_VISITS) return meeting;
    return { ...meeting, visits: [...meeting.visits, { slideId: event.slideId, at: now }] };
  }
  if (event.kind === 'skip') {
    const skipped = [...new Set([...(meeting.skippedSlideIds ?? []), ...event.slideIds])].slice(0, MAX_SKIPPED);
    return { ...meeting, skippedSlideIds: skipped };
  }
  if (meeting.questions.length >= MAX_QUESTIONS)
    throw new Error(`At most ${MAX_QUESTIONS} questions can be kept for one meeting.`);
  return {
    ...meeting,
    questions: [
      ...meeting.questions,
      { text: event.text, ...(event.slideId ? { slideId: event.slideId } : {}), at: now },
    ],
  };
}

export function endMeeting(meeting: LiveMeeting, now: string): LiveMeeting {
  return meeting.endedAt ? meeting : { ...meeting, endedAt: now };
}

/** Slides in the order first shown (a slide shown twice appears once), and the seconds on each. */
export function shownSlides(meeting: LiveMeeting): { slideId: string; seconds: number }[] {
  const seconds = new Map<string, number>();
  const end = Date.parse(meeting.endedAt ?? meeting.visits.at(-1)?.at ?? meeting.startedAt);
  meeting.visits.forEach((visit, i) => {
    const until = i + 1 < meeting.visits.length ? Date.parse(meeting.visits[i + 1]?.at ?? visit.at) : end;
    seconds.set(
      visit.slideId,
      (seconds.get(visit.slideId) ?? 0) + Math.max(0, Math.round((until - Date.parse(visit.at)) / 1000)),
    );
  });
  return [...seconds].map(([slideId, s]) => ({ slideId, seconds: s }));
}

/** The meeting record (core/meeting/meeting.ts) of a finished meeting, with the advisor's wrap-up. */
export function meetingRecordOf(
  meeting: LiveMeeting,
  wrapUp: {
    endedAtLocal: string;
    questions: {
      text: string;
      answer?: string | undefined;
      slideId?: string | undefined;
      before?: boolean | undefined;
    }[];
    notes?: string | undefined;
  },
  deckSlideIds: readonly string[],
): MeetingRecordInput {
  const inDeck = new Set(deckSlideIds);
  const shown = shownSlides(meeting)
    .map((s) => s.slideId)
    .filter((id) => inDeck.has(id))
    .slice(0, LIMITS.listItems);
  // Skipped and never shown after all (Jump to still reaches a skipped slide): in deck order.
  const skippedIds = new Set(meeting.skippedSlideIds ?? []);
  const shownIds = new Set(shown);
  const skipped = deckSlideIds.filter((id) => skippedIds.has(id) && !shownIds.has(id)).slice(0, LIMITS.listItems);
  return {
    endedAt: wrapUp.endedAtLocal,
    ...(shown.length ? { shownSlideIds: shown } : {}),
    ...(skipped.length ? { skippedSlideIds: skipped } : {}),
    ...(wrapUp.questions.length
      ? {
          questions: wrapUp.questions.map((q) => ({
            text: q.text,
            ...(q.answer ? { answer: q.answer } : {}),
            ...(q.slideId && inDeck.has(q.slideId) ? { slideId: q.slideId } : {}),
            ...(q.before ? { before: true } : {}),
          })),
        }
      : {}),
    ...(wrapUp.notes ? { notes: wrapUp.notes } : {}),
  };
}

export { elapsedSeconds } from './clock';
