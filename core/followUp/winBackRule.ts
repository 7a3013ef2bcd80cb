// The win-back call: a prospect whose follow-up is done with no next step (neither a client nor
// closed) is called again some days later, so a "not now" is not lost for good.
import { DateTime } from 'luxon';
import { atPreferredTime, dayInZone, goodDayFrom } from './slotRule';

export interface WinBackRule {
  /** When the follow-up was done, epoch ms. */
  doneAt: number;
  /** settings.winBackDays: how many calendar days later (0 = no win-back call). */
  days: number;
  /** The prospect's zone: the call is at the preferred time there. */
  timeZone: string;
  /** HH:mm. */
  preferredTime: string;
  /** YYYY-MM-DD days the advisor does not work. */
  holidays?: readonly string[];
}

/**
 * When the win-back call is due: `days` calendar days after the day it was done, moved on to
 * the first good day (a business day, not a Monday morning nor a Friday afternoon) at the
 * preferred time. Undefined when win-back calls are off.
 */
export function winBackDueAt(rule: WinBackRule): string | undefined {
  if (rule.days <= 0) return undefined;
  const day = DateTime.fromISO(dayInZone(rule.doneAt, rule.timeZone), { zone: 'UTC' })
    .plus({ days: rule.days })
    .toISODate();
  if (!day) return undefined;
  return atPreferredTime(goodDayFrom(day, rule.preferredTime, rule.holidays), rule.preferredTime, rule.timeZone);
}
