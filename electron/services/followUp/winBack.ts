// The win-back rule in the app (when the call is due is core/followUp/winBackRule.ts): a follow-up
// done with no next step makes one win-back call; the prospect becoming a client or closing
// cancels the open ones. The follow-up and prospect channels call in here (handlers.ts).
import type { FollowUp } from '../../../core/followUp/record';
import type { StoredStatus } from '../../../core/prospect/prospect';
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

/** A follow-up done: completed at once, then its win-back call scheduled (when the rule makes one). */
export async function completeWithWinBack(
  store: FollowUpStore,
  id: string,
  options: { now: () => number; holidays: () => Promise<readonly string[]> },
): Promise<FollowUp> {
  const done = store.complete(id);
  scheduleWinBack(store, done, { now: options.now(), holidays: await options.holidays() });
  return done;
}

/** The prospect's stage changed: a client or a closed prospect gets no win-back call. */
export function winBackAfterStage(store: FollowUpStore | null, prospectId: string, status: StoredStatus): void {
  if ((status === 'client' || status === 'closed') && store) cancelWinBacks(store, prospectId);
}
