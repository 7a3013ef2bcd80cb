// The API client over HTTP, for `npm run web`: one POST per call to /api/<channel>, answered
// by the same app layer as the Electron window. Same-origin, so the session cookie goes along.
import type { ApiClient, Reminder, Result } from '../../../core/api';

async function call(channel: string, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input }),
      credentials: 'same-origin',
    });
    if (!response.ok) return { ok: false, error: `${response.status} ${(await response.text()).slice(0, 300)}` };
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: 'The Advisor Deck web host does not answer. Is `npm run web` still running?' };
  }
}

/**
 * Every channel of core/api.ts, by name. A proxy rather than a table keeps the contract's zod
 * schemas out of the window's first script; the host answers 404 for a name that is no channel.
 */
export function createHttpClient(): ApiClient {
  const functions = new Map<string, (input?: unknown) => Promise<Result<unknown>>>();
  // A click on a reminder is handled in the window itself (the notice's own button).
  const onFollowUpFocus = () => () => undefined;
  // Reminders come from the host as server-sent events, on one stream opened on first use.
  const listeners = new Set<(reminder: Reminder) => void>();
  let events: EventSource | null = null;
  const onReminder = (listener: (reminder: Reminder) => void) => {
    listeners.add(listener);
    if (!events && typeof EventSource !== 'undefined') {
      events = new EventSource('/api/events');
      events.addEventListener('reminder', (event) => {
        try {
          const value = JSON.parse((event as MessageEvent<string>).data) as Partial<Reminder>;
          if (typeof value.followUpId !== 'string' || typeof value.title !== 'string' || typeof value.body !== 'string') return;
          for (const l of listeners) l({ followUpId: value.followUpId, title: value.title, body: value.body });
        } catch {
          // Not a reminder: ignored.
        }
      });
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        events?.close();
        events = null;
      }
    };
  };
  return new Proxy({} as ApiClient, {
    get(_target, name) {
      if (name === 'onFollowUpFocus') return onFollowUpFocus;
      if (name === 'onReminder') return onReminder;
      if (typeof name !== 'string' || !/^[a-z]+:[a-zA-Z]+$/.test(name)) return undefined;
      let fn = functions.get(name);
      if (!fn) {
        fn = (input?: unknown) => call(name, input);
        functions.set(name, fn);
      }
      return fn;
    },
  });
}
