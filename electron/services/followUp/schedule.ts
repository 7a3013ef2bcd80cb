import { DateTime } from 'luxon';
import { isoWithOffset, wallClockInZone } from '../../../core/locale/time';
import type { Advisor } from '../../../core/advisor/advisor';
import { buildFollowUpDraft, type FollowUpCopy, type RecordedMeeting } from '../../../core/followUp/email';
import {
  FollowUpTransitionError,
  normaliseInstant,
  type FollowUp,
  type NewFollowUp,
} from '../../../core/followUp/record';
import type { Intake } from '../../../core/intake/intake';
import { fullName } from '../../../core/locale/locale';
import type { DeckPlan } from '../../../core/plan/planDeck';
import { loadFollowUpCopy } from './copy';
import { followUpIdFor, prospectIdFor } from './ids';
import type { FollowUpStore } from './store';

/** The advisor's choice over the slot rule: another instant, or another time on the same day. */
export type DueOverride = { dueAt: string } | { time: string };

export interface FollowUpFromMeetingInput {
  intake: Intake;
  advisor: Advisor;
  /** Its followUp is the slot of the slot rule (core/followUp/slotRule.ts). */
  plan: DeckPlan;
  meeting?: RecordedMeeting | undefined;
  override?: DueOverride | undefined;
  copy?: Readonly<Record<string, FollowUpCopy>>;
}

/** The due time: the slot rule's, unless the advisor overrode it. */
export function dueAtFor(plan: Pick<DeckPlan, 'followUp'>, override?: DueOverride): string {
  const { dueAt, timeZone } = plan.followUp;
  if (!override) return dueAt;
  if ('dueAt' in override) return normaliseInstant(override.dueAt, timeZone);
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(override.time);
  if (!m) throw new FollowUpTransitionError(`"${override.time}" is not a time like 10:00`);
  const day = DateTime.fromISO(dueAt, { zone: timeZone });
  return isoWithOffset(
    wallClockInZone(
      { year: day.year, month: day.month, day: day.day, hour: Number(m[1]), minute: Number(m[2]) },
      timeZone,
    ),
  );
}

/** The follow-up record of a meeting: due at the slot, with the email to send then. */
export function followUpFromMeeting(input: FollowUpFromMeetingInput): NewFollowUp {
  const { intake, advisor, plan, meeting, override } = input;
  const draft = buildFollowUpDraft({ intake, advisor, plan, meeting, copy: input.copy ?? loadFollowUpCopy() });
  const p = intake.prospect;
  return {
    id: followUpIdFor(intake),
    prospectId: prospectIdFor(intake),
    prospectName: fullName(intake.locale, p.firstName, p.lastName),
    dueAt: dueAtFor(plan, override),
    timeZone: plan.followUp.timeZone,
    // Without an email address the follow-up is a call.
    channel: p.email ? 'email' : 'call',
    subject: draft.subject,
    body: draft.body,
    prospectEmail: p.email,
    prospectPhone: p.phone,
  };
}

/**
 * Schedules the meeting's follow-up. Scheduling the same meeting again (a rebuilt deck, a
 * changed time) moves the one follow-up while it has not fired; after that it is left alone.
 */
export function scheduleFromMeeting(store: FollowUpStore, input: FollowUpFromMeetingInput): FollowUp {
  return store.schedule(followUpFromMeeting(input), { replace: true });
}
