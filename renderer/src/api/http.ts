// The API client over HTTP, for `npm run web`: one POST per call to /api/<channel>, answered
// by the same app layer as the Electron window. Same-origin, so the session cookie goes along,
// and with it the page's own secret: the cookie reaches every port of 127.0.0.1, the secret
// only this page (the host writes it into the page it serves for the printed address).
import type { ApiClient, Result } from '../../../core/api';
import { eventPayload, eventSubscriptions, type AppEvent, type EventSubscription } from '../../../core/contract/events';

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
  const subscriptions = subscribeToEvents(secret);
  return new Proxy({} as ApiClient, {
    get(_target, name) {
      if (typeof name === 'string' && Object.hasOwn(eventSubscriptions, name))
        return subscriptions[name as EventSubscription];
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

/**
 * The contract's events (core/contract/events.ts) from the host, as server-sent events on one
 * stream, opened on the first subscription and closed with the last. Each payload is checked
 * against its event's shape; anything else is ignored.
 */
function subscribeToEvents(
  secret: string,
): Record<EventSubscription, (listener: (payload: never) => void) => () => void> {
  const listeners = new Map<AppEvent, Set<(payload: unknown) => void>>();
  let stream: EventSource | null = null;
  let count = 0;
  const open = () => {
    if (stream || typeof EventSource === 'undefined') return;
    // EventSource sends no headers: the secret goes in the address, which stays in this page.
    stream = new EventSource(`/api/events?session=${encodeURIComponent(secret)}`);
    for (const event of Object.values(eventSubscriptions)) {
      stream.addEventListener(event, (message) => {
        let data: unknown;
        try {
          data = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        const payload = eventPayload(event, data);
        if (payload === undefined) return;
        for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
      });
    }
  };
  const subscribe = (event: AppEvent) => (listener: (payload: never) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const each = listener as (payload: unknown) => void;
    set.add(each);
    count += 1;
    open();
    return () => {
      if (!set.delete(each)) return;
      count -= 1;
      if (count === 0) {
        stream?.close();
        stream = null;
      }
    };
  };
  return Object.fromEntries(
    Object.entries(eventSubscriptions).map(([name, event]) => [name, subscribe(event)]),
  ) as Record<EventSubscription, (listener: (payload: never) => void) => () => void>;
}
