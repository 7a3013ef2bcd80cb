// Win-back calls in the follow-up store (the rule is core/followUp/winBackRule.ts): one per done
// follow-up with no next step, cancelled when the prospect becomes a client or closes.
import type { FollowUp } from '../../../core/followUp/record';
import { winBackDueAt } from '../../../core/followUp/winBackRule';
import type { FollowUpStore } from './store';

const WIN_BACK = '-win-back';

export const isWinBack = (f: Pick<FollowUp, 'id'>): boolean => f.id.endsWith(WIN_BACK);

/**
 * A follow-up done with no next step brings the advisor back: a win-back call
 * settings.winBackDays later (0 = off), on a good day at the preferred time in the prospect's
 * zone. A win-back call done does not make another; the same one is never made twice.
 */
export function scheduleWinBack(
  store: FollowUpStore,
  done: FollowUp,
  options: { now: number; holidays?: readonly string[] },
): FollowUp | undefined {
  if (isWinBack(done)) return undefined;
  const settings = store.settings();
  const dueAt = winBackDueAt({
    doneAt: options.now,
    days: settings.winBackDays,
    timeZone: done.timeZone,
    preferredTime: settings.preferredTime,
    holidays: options.holidays ?? [],
  });
  if (!dueAt) return undefined;
  const id = `${done.id.slice(0, 64 - WIN_BACK.length)}${WIN_BACK}`;
  if (store.has(id)) return undefined;
  return store.schedule({
    id,
    prospectId: done.prospectId,
    prospectName: done.prospectName,
    dueAt,
    timeZone: done.timeZone,
    channel: done.prospectPhone ? 'call' : 'email',
    subject: done.subject,
    body: done.body,
    ...(done.prospectEmail ? { prospectEmail: done.prospectEmail } : {}),
    ...(done.prospectPhone ? { prospectPhone: done.prospectPhone } : {}),
  });
}

/** A client or a closed prospect needs no win-back call: the open ones are cancelled. */
export function cancelWinBacks(store: FollowUpStore, prospectId: string): void {
  for (const f of store.all())
    if (
      f.prospectId === prospectId &&
      isWinBack(f) &&
      (f.status === 'scheduled' || f.status === 'snoozed' || f.status === 'due')
    )
      store.cancel(f.id);
}
