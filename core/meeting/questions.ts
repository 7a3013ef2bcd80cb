// The questions a prospect sent before the meeting (the intake's), as wrap-up rows: kept apart
// from those asked in the meeting, and listed with their answers in the summary and email.
import type { Intake } from '../intake/intake';

/** A question of the meeting: its words, the answer given, and whether it was sent ahead. */
export interface AskedQuestion {
  text: string;
  answer?: string | undefined;
  slideId?: string | undefined;
  before?: boolean | undefined;
}

/**
 * The questions a meeting answers: those the prospect sent before it (the intake's), then those
 * asked in it. The closing is built on *their* questions, so the ones sent ahead are never
 * dropped: a record that does not list one (a meeting record written before they were rows of
 * the wrap-up, or by hand for the CLI) still gets it, after the record's own, waiting for an
 * answer.
 */
export function meetingQuestions(
  intake: Pick<Intake, 'questions'>,
  meeting: { questions?: readonly AskedQuestion[] | undefined } | undefined,
): AskedQuestion[] {
  const recorded = meeting?.questions ?? [];
  const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  const listed = new Set(recorded.map((q) => key(q.text)));
  const sentAhead: AskedQuestion[] = (intake.questions ?? [])
    .filter((q) => q.trim() !== '' && !listed.has(key(q)))
    .map((text) => ({ text, before: true }));
  // The record's order is the wrap-up's (questions sent ahead first); any it left out follow.
  return [...recorded, ...sentAhead];
}
