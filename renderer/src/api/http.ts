// The API client over HTTP, for `npm run web`: one POST per call to /api/<channel>, answered
// by the same app layer as the Electron window. Same-origin, so the session cookie goes along,
// and with it the page's own secret: the cookie reaches every port of 127.0.0.1, the secret
// only this page (the host writes it into the page it serves for the printed address).
import type { ApiClient, Reminder, Result } from '../../../core/api';

const SESSION_HEADER = 'X-Advisor-Deck-Session';
const SESSION_KEY = 'advisor-deck-session';

/**
 * The page's secret: from the page the printed address served (which also drops the token from
 * the address bar), else as kept by an earlier load of this origin. Storage belongs to the
 * origin, port included, so no other local server's page can read it.
 */
function pageSecret(): string {
  const meta = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="advisor-deck-session"]');
  const served = meta?.content ?? '';
  try {
    if (served) globalThis.localStorage?.setItem(SESSION_KEY, served);
    const url = new URL(globalThis.location.href);
    if (url.searchParams.has('token')) {
      url.searchParams.delete('token');
      globalThis.history.replaceState(globalThis.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    }
    return served || (globalThis.localStorage?.getItem(SESSION_KEY) ?? '');
  } catch {
    return served;
  }
}

async function call(secret: string, channel: string, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: secret },
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
  const secret = pageSecret();
  const functions = new Map<string, (input?: unknown) => Promise<Result<unknown>>>();
  // A click on a reminder is handled in the window itself (the notice's own button).
  const onFollowUpFocus = () => () => undefined;
  // Reminders come from the host as server-sent events, on one stream opened on first use.
  const listeners = new Set<(reminder: Reminder) => void>();
  let events: EventSource | null = null;
  const onReminder = (listener: (reminder: Reminder) => void) => {
    listeners.add(listener);
    if (!events && typeof EventSource !== 'undefined') {
      // EventSource sends no headers: the secret goes in the address, which stays in this page.
      events = new EventSource(`/api/events?session=${encodeURIComponent(secret)}`);
      events.addEventListener('reminder', (event) => {
        try {
          const value = JSON.parse((event as MessageEvent<string>).data) as Partial<Reminder>;
          if (typeof value.followUpId !== 'string' || typeof value.title !== 'string' || typeof value.body !== 'string')
            return;
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
        fn = (input?: unknown) => call(secret, name, input);
        functions.set(name, fn);
      }
      return fn;
    },
  });
}
