// The meeting as it was held, which is not always as it was planned: a meeting rescheduled,
// or presented weeks after the intake's date, is dated by the day it took place (its end, from
// the meeting record), in the summary, the email, the calendar event and the deck plan.
import type { Intake } from '../intake/intake';

/**
 * The intake as the meeting was held: its start moved to when it ended, so the deck plan's
 * meeting date ("We met on …") and follow-up slot are the actual day's. Nothing else in a plan
 * depends on the start.
 */
export function intakeAsHeld(intake: Intake, endedAtLocal: string | undefined): Intake {
  if (!endedAtLocal) return intake;
  return { ...intake, meeting: { ...intake.meeting, startsAt: endedAtLocal.slice(0, 16) } };
}

/** The day the meeting took place, YYYY-MM-DD: the day it ended, else the planned day. */
export function meetingDay(
  intake: Pick<Intake, 'meeting'>,
  meeting?: { endedAt?: string | undefined } | undefined,
): string {
  return (meeting?.endedAt ?? intake.meeting.startsAt).slice(0, 10);
}
