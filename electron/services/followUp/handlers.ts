// The Follow-ups screen's channels (core/api.ts) and the follow-up settings: the store's
// operations, the advisor's holidays for "tomorrow", the win-back rule on completion, and the
// mail app for an email follow-up.
import type { Handlers } from '../../../core/api';
import { mailtoLink } from '../../../core/followUp/email';
import { pageFollowUps, type FollowUpSettings } from '../../../core/followUp/record';
import type { FollowUpStore } from './store';
import { completeWithWinBack } from './winBack';

export interface FollowUpHandlerDeps {
  /** The store; throws when it could not be opened. */
  store: () => FollowUpStore;
  /** The advisor's days off (none while the profile is not set up). */
  holidays: () => Promise<readonly string[]>;
  now: () => number;
  /** The host opens a mailto: link; false when it cannot. */
  openExternal: (url: string) => Promise<boolean>;
  /** The host follows the settings (tray, open at login). */
  applySettings: (settings: FollowUpSettings, change: Partial<FollowUpSettings>) => void;
}

type FollowUpChannels =
  | 'followups:list'
  | 'followups:count'
  | 'followups:snooze'
  | 'followups:reschedule'
  | 'followups:complete'
  | 'followups:cancel'
  | 'followups:email'
  | 'settings:get'
  | 'settings:set';

export function followUpHandlers(deps: FollowUpHandlerDeps): Pick<Handlers, FollowUpChannels> {
  const { store } = deps;
  return {
    'followups:list': (input) => pageFollowUps(store().list(), input ?? {}),
    'followups:count': () => {
      const { overdue, today } = store().counts();
      return { overdue, today };
    },
    'followups:snooze': async ({ id, until }) => {
      // "Tomorrow" is the next business day: the advisor's holidays are not business days.
      if (until.kind !== 'tomorrow') return store().snooze(id, until);
      const holidays = await deps.holidays();
      return store().snooze(id, { kind: 'tomorrow', holidays });
    },
    'followups:reschedule': ({ id, dueAt }) => store().reschedule(id, dueAt),
    'followups:complete': ({ id }) => completeWithWinBack(store(), id, deps),
    'followups:cancel': ({ id }) => store().cancel(id),
    'followups:email': async ({ id }) => {
      const f = store().get(id);
      if (!f) throw new Error('This follow-up no longer exists.');
      // Only a mailto: link the app built itself is ever opened; nothing the renderer sends.
      const mailto = mailtoLink(f.prospectEmail, f.subject, f.body);
      const opened = await deps.openExternal(mailto);
      // The list carries no email's words: a host that cannot open the mail app gives the link.
      return opened ? { opened } : { opened, mailto };
    },
    'settings:get': () => store().settings(),
    'settings:set': (change) => {
      const settings = store().setSettings(change);
      deps.applySettings(settings, change);
      return settings;
    },
  };
}
