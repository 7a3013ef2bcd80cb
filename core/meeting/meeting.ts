// The meeting record (meeting.json): what happened in the meeting as the wrap-up keeps it and
// the CLI reads it: when it ended, the slides shown, the questions and answers, the notes.
import { z } from 'zod';
import { isRealLocalDateTime } from '../intake/intake';
import { LIMITS, text } from '../text/text';
import { type Checked, type Problem, describeIssues } from '../validation';

/**
 * What happened in the meeting, recorded by the app (or written by hand for the CLI): when it
 * ended, which slides were shown, the questions asked with their answers, and a note. Strict
 * like the intake: a typo in a field name is an error, not silently ignored.
 */

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;
/** Slide ids are generated (title, goal-retirement, …): short, lowercase, dashes. */
const SLIDE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const slideId = z.string().regex(SLIDE_ID, 'must be a slide id like "fees" or "goal-retirement"');

export const meetingRecordSchema = z.strictObject({
  /** Local wall-clock time in the meeting's time zone, like the intake's meeting.startsAt. */
  endedAt: z
    .string()
    .refine((v) => LOCAL_DATE_TIME.test(v), 'must be a local date and time like 2026-12-03T14:24')
    .refine((v) => !LOCAL_DATE_TIME.test(v) || isRealLocalDateTime(v), 'is not a real date and time')
    .optional(),
  /** In the order they were shown; a slide shown twice may appear twice. */
  shownSlideIds: z.array(slideId).max(LIMITS.listItems, `has too many items: at most ${LIMITS.listItems}`).optional(),
  /** Slides skipped live to end on time (never shown): the record of what the prospect did not see. */
  skippedSlideIds: z.array(slideId).max(LIMITS.listItems, `has too many items: at most ${LIMITS.listItems}`).optional(),
  questions: z
    .array(
      z.strictObject({
        text: text(LIMITS.text, { required: true }),
        answer: text(LIMITS.text).optional(),
        slideId: slideId.optional(),
        /** Sent by the prospect before the meeting (the intake's questions), not asked in it. */
        before: z.boolean().optional(),
      }),
    )
    .max(LIMITS.listItems, `has too many items: at most ${LIMITS.listItems}`)
    .optional(),
  notes: text(LIMITS.longText).optional(),
});

export type MeetingRecordInput = z.input<typeof meetingRecordSchema>;
export type MeetingRecord = z.output<typeof meetingRecordSchema>;
export type RecordedQuestion = NonNullable<MeetingRecord['questions']>[number];

const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(meetingRecordSchema.shape),
  questions: ['text', 'answer', 'slideId', 'before'],
};

/** Checks a meeting record as read from a file: every problem, each naming its field. */
export function checkMeeting(input: unknown): Checked<MeetingRecord> {
  const result = meetingRecordSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    return {
      ok: false,
      problems: describeIssues(
        result.error.issues,
        (path) => KNOWN_KEYS[path.filter((p) => typeof p === 'string').join('.')] ?? [],
      ),
    };
  }
  const record = result.data;
  // Blank optional texts mean "not given", as in the intake.
  return {
    ok: true,
    value: {
      ...record,
      ...(record.questions
        ? { questions: record.questions.map(({ answer, ...q }) => (answer ? { ...q, answer } : q)) }
        : {}),
      notes: record.notes || undefined,
    },
  };
}

/**
 * The check that needs the deck: every slide the record says was shown must be in it. Done after
 * planning and before anything is written, so a record from another deck writes nothing.
 * A question's slideId only says what was on screen when it was asked; it is not checked
 * against the deck, so a question is never lost because its slide was left out.
 */
export function checkMeetingAgainstDeck(record: MeetingRecord, slideIds: readonly string[]): Problem[] {
  const known = new Set(slideIds);
  const problems: Problem[] = [];
  record.shownSlideIds?.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `shownSlideIds[${i}]`, message: `no slide "${id}" in this deck` });
  });
  record.skippedSlideIds?.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `skippedSlideIds[${i}]`, message: `no slide "${id}" in this deck` });
  });
  return problems;
}
