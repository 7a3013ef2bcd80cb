// The follow-up wrap-up proposes: the slot rule (core/followUp/slotRule.ts) applied to the day the
// meeting actually ended, not to the day it was planned for. A meeting held late (rescheduled,
// or wrapped up after a delay) still gets its follow-up 2 to 3 business days after it.
import { DateTime } from 'luxon';
import { dayInZone, followUpSlot, type FollowUpSlot } from './slotRule';

export interface ProposalInput {
  /** The intake's planned start, local wall-clock time (YYYY-MM-DDTHH:mm). */
  plannedStartsAt: string;
  /** When the meeting ended (or its last step), local wall-clock time in its zone; absent while nothing has been presented. */
  endedAtLocal?: string | undefined;
  timeZone: string;
  /** HH:mm. */
  preferredTime: string;
  holidays: readonly string[];
  /** The app's clock, epoch ms. */
  now: number;
}

/** A local wall-clock time (YYYY-MM-DDTHH:mm) in a zone as epoch ms. */
export function localInstant(local: string, zone: string): number {
  return DateTime.fromISO(local, { zone }).toMillis();
}

/**
 * The slot rule on the day the meeting ended, else on the planned day while nothing has been
 * presented. Never at or before the meeting's end nor in the past: a slot already gone (a
 * wrap-up days late, a planned day long past) is the slot rule applied to today instead.
 */
export function proposeFollowUp(input: ProposalInput): FollowUpSlot {
  const rule = { timeZone: input.timeZone, preferredTime: input.preferredTime, holidays: input.holidays };
  const day = (input.endedAtLocal ?? input.plannedStartsAt).slice(0, 10);
  const slot = followUpSlot({ ...rule, meetingDate: day });
  const ended = input.endedAtLocal ? localInstant(input.endedAtLocal, input.timeZone) : -Infinity;
  const floor = Math.max(input.now, ended);
  if (Date.parse(slot.dueAt) > floor) return slot;
  // Two business days after the floor's day at the earliest: always after the floor.
  return followUpSlot({ ...rule, meetingDate: dayInZone(floor, input.timeZone) });
}
