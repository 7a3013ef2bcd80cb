// The events of the contract: what the app layer tells an open window without being asked.
// Both transports carry them by name: IPC (main sends on a channel of the event's name, the
// preload forwards it) and server-sent events (the web host's /api/events stream, an `event:`
// line with the name). The window subscribes through its ApiClient (`onReminder`…), and each
// payload is checked as it arrives, because it crossed a process boundary. No zod here: the
// sandboxed preload imports this file and stays small.
import type { ShareStatus } from '../meeting/tabletShare';

/** What a reminder says, for an in-window notice. */
export interface Reminder {
  followUpId: string;
  title: string;
  body: string;
}

/** The share of a prospect's meeting changed (a tablet joined, swiped, asked to join; sharing stopped). */
export interface ShareChange {
  /** The prospect. */
  id: string;
  status: ShareStatus;
}

/** Every event by name, with its payload. */
export interface AppEvents {
  /**
   * A follow-up came due while the window is open. The browser host sends these (the window
   * shows a notice, and the browser's notification when allowed); the desktop app shows a
   * system notification instead and does not send it.
   */
  reminder: Reminder;
  /** The advisor clicked a follow-up's reminder (a desktop notification): show that follow-up. */
  'followups:focus': string;
  'share:changed': ShareChange;
}
export type AppEvent = keyof AppEvents;

/** Main → renderer: the advisor clicked a follow-up's reminder; show that follow-up. */
export const FOLLOW_UP_FOCUS_EVENT = 'followups:focus' satisfies AppEvent;

/** The ApiClient's subscription for each event. */
export const eventSubscriptions = {
  onReminder: 'reminder',
  onFollowUpFocus: 'followups:focus',
  onShareChange: 'share:changed',
} as const satisfies Record<string, AppEvent>;
export type EventSubscription = keyof typeof eventSubscriptions;

/** What the window subscribes with: each returns its unsubscribe. */
export type EventSubscriptions = {
  readonly [S in EventSubscription]: (
    listener: (payload: AppEvents[(typeof eventSubscriptions)[S]]) => void,
  ) => () => void;
};

// The id pattern of core/followUp/record.ts (FOLLOW_UP_ID, checked equal by a test), copied so
// the preload does not load zod with that file.
const FOLLOW_UP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

/** The payload as its event declares it, or undefined for anything else (which the window ignores). */
export function eventPayload<E extends AppEvent>(event: E, data: unknown): AppEvents[E] | undefined {
  const checks: { [K in AppEvent]: (d: unknown) => AppEvents[K] | undefined } = {
    reminder: (d) =>
      isObject(d) &&
      typeof d['followUpId'] === 'string' &&
      typeof d['title'] === 'string' &&
      typeof d['body'] === 'string'
        ? { followUpId: d['followUpId'], title: d['title'], body: d['body'] }
        : undefined,
    'followups:focus': (d) => (typeof d === 'string' && FOLLOW_UP_ID.test(d) ? d : undefined),
    'share:changed': (d) =>
      isObject(d) &&
      typeof d['id'] === 'string' &&
      isObject(d['status']) &&
      typeof d['status']['active'] === 'boolean' &&
      typeof d['status']['version'] === 'number'
        ? { id: d['id'], status: d['status'] as unknown as ShareStatus }
        : undefined,
  };
  return (checks[event] as (d: unknown) => AppEvents[E] | undefined)(data);
}

export type AppEventListener = <E extends AppEvent>(event: E, payload: AppEvents[E]) => void;

/**
 * Where the app layer raises events and each transport picks them up: main forwards them to the
 * window over IPC, the web host to each open page as server-sent events.
 */
export class AppEventHub {
  readonly #listeners = new Set<AppEventListener>();

  emit<E extends AppEvent>(event: E, payload: AppEvents[E]): void {
    for (const listener of [...this.#listeners]) listener(event, payload);
  }

  subscribe(listener: AppEventListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
