import { createHash } from 'node:crypto';
import type { Intake } from '../../../core/intake/intake';
import type { DeckPlan } from '../../../core/plan/planDeck';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Who the prospect is, stably across runs: their email, else their name (case-insensitive). */
export function prospectIdFor(intake: Intake): string {
  const p = intake.prospect;
  const who = p.email
    ? `email:${p.email.toLowerCase()}`
    : `name:${p.firstName.toLowerCase()}|${p.lastName.toLowerCase()}`;
  return `p-${sha256(who).slice(0, 20)}`;
}

/** One follow-up per prospect and meeting: building the same meeting again finds the same one. */
export function followUpIdFor(intake: Intake): string {
  return `fu-${sha256(`${prospectIdFor(intake)}|${intake.meeting.startsAt}|${intake.meeting.timeZone}`).slice(0, 24)}`;
}

/** The key of one email draft (its Message-ID): stable for the same prospect, meeting and due time. */
export function followUpKey(intake: Intake, plan: Pick<DeckPlan, 'followUp'>): string {
  return sha256(
    `${prospectIdFor(intake)}|${intake.meeting.startsAt}|${intake.meeting.timeZone}|${plan.followUp.dueAt}`,
  ).slice(0, 32);
}
