// Starting the follow-ups with the app: the store and its scheduler, reminders shown through
// the host and noted in the prospect's history, and the Prospects list told each prospect's next
// follow-up. A damaged store must not keep the advisor out of the app: reminders are then off
// and the problem is reported, never silently papered over.
import type { Clock } from '../clock';
import type { FollowUpIndex, ProspectStore } from '../prospects/store';
import { FollowUpScheduler, type Firing } from './scheduler';
import { FollowUpStore } from './store';

export interface FollowUps {
  store: FollowUpStore | null;
  scheduler: FollowUpScheduler | null;
  /** What was found on open, for the log. */
  problems: string[];
}

/** What the log says when the follow-ups cannot start. */
export const followUpsOff = (error: unknown): string =>
  `Follow-ups could not start; reminders are off until this is fixed: ${(error as Error).message}`;

/** Opens the store and makes its scheduler (started by the caller, once). */
export function openFollowUps(options: {
  dataDir: string;
  clock: Clock;
  prospects: ProspectStore;
  /** The host shows the reminder; false when it has no notifications. */
  notify: (firing: Firing) => boolean;
}): FollowUps {
  const { clock, prospects } = options;
  const now = () => clock.now();
  const problems: string[] = [];
  let store: FollowUpStore | null = null;
  let scheduler: FollowUpScheduler | null = null;
  try {
    store = FollowUpStore.open({ cwd: options.dataDir, now });
    for (const p of store.problems) problems.push(`${p.file}: ${p.message}`);
    scheduler = new FollowUpScheduler({
      store,
      clock,
      notify: (firing) => {
        if (!options.notify(firing)) console.warn(`Follow-up ${firing.followUp.id} is due.`);
        // Met → Follow-up due: a step in the prospect's history (the list shows it from the store).
        prospects
          .note(firing.followUp.prospectId, 'follow-up due')
          .catch((error: unknown) => console.warn(`History of ${firing.followUp.prospectId}: ${String(error)}`));
      },
    });
  } catch (error) {
    problems.push(followUpsOff(error));
  }
  prospects.setFollowUps(nextFollowUps(store, now));
  store?.subscribe(() => prospects.invalidate());
  return { store, scheduler, problems };
}

/** Each prospect's earliest open follow-up, for the Prospects list. */
function nextFollowUps(store: FollowUpStore | null, now: () => number): FollowUpIndex {
  if (!store) return { get: () => undefined };
  // Rebuilt when the follow-ups change, not per list call: listing 5,000 prospects stays cheap.
  let index: Map<string, { dueAt: string; due: boolean }> | undefined;
  store.subscribe(() => {
    index = undefined;
  });
  return {
    get(prospectId) {
      if (!index) {
        index = new Map();
        const t = now();
        for (const f of store.all()) {
          if (f.status === 'done' || f.status === 'cancelled') continue;
          const dueAt = f.status === 'snoozed' && f.snoozedUntil ? f.snoozedUntil : f.dueAt;
          const current = index.get(f.prospectId);
          if (!current || Date.parse(dueAt) < Date.parse(current.dueAt))
            index.set(f.prospectId, { dueAt, due: f.status === 'due' || Date.parse(dueAt) <= t });
        }
      }
      return index.get(prospectId);
    },
  };
}
