// electron/preload.ts run under plain Node against a fake contextBridge and ipcRenderer: what
// the page gets (one object, one function per channel, one event subscription) and what
// crosses to main (the channel and its one input). Only the import of core/api.ts as types
// (so zod stays out of the sandboxed preload) is read as text: it is a property of the source.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, eventSubscriptions, FOLLOW_UP_FOCUS_EVENT } from '../../core/api';

type Listener = (...args: unknown[]) => void;

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const subscribed = new Map<string, Set<Listener>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: Listener) => {
      if (!subscribed.has(channel)) subscribed.set(channel, new Set());
      subscribed.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: Listener) => subscribed.get(channel)?.delete(listener),
  },
}));

beforeAll(async () => {
  await import('../../electron/preload');
});

const api = () => exposed.get('advisorDeck') as Record<string, (...args: unknown[]) => unknown>;
const emit = (id: unknown, event: string = FOLLOW_UP_FOCUS_EVENT) =>
  subscribed.get(event)?.forEach((listener) => listener({ sender: 'main' }, id));

describe('preload (electron/preload.ts)', () => {
  it('exposes one object, window.advisorDeck: a function per channel and one subscription per event', () => {
    expect([...exposed.keys()]).toEqual(['advisorDeck']);
    expect(Object.keys(eventSubscriptions).sort()).toEqual(['onFollowUpFocus', 'onReminder', 'onShareChange']);
    expect(Object.keys(api()).sort()).toEqual([...channelNames, ...Object.keys(eventSubscriptions)].sort());
    for (const value of Object.values(api())) expect(typeof value).toBe('function');
  });

  it('sends only the channel and its one input, never more arguments', async () => {
    invoked.length = 0;
    await api()['prospects:get']?.({ id: 'p-1' }, 'extra', { sneaky: true });
    await api()['app:info']?.();
    expect(invoked).toEqual([
      ['prospects:get', { id: 'p-1' }],
      ['app:info', undefined],
    ]);
  });

  it('passes the page only follow-up-shaped ids, and unsubscribes', () => {
    const seen: string[] = [];
    const stop = api()['onFollowUpFocus']?.((id: string) => seen.push(id)) as () => void;
    for (const id of ['fu-1', '<img src=x onerror=alert(1)>', 42, { id: 'fu-2' }, 'A', '', 'x'.repeat(65)]) emit(id);
    expect(seen).toEqual(['fu-1']);
    stop();
    emit('fu-3');
    expect(seen).toEqual(['fu-1']);
    expect(subscribed.get(FOLLOW_UP_FOCUS_EVENT)?.size).toBe(0);
  });

  it('passes reminders and share changes of their shape only, each on its own event', () => {
    const reminders: unknown[] = [];
    const shares: unknown[] = [];
    const stops = [
      api()['onReminder']?.((r: unknown) => reminders.push(r)) as () => void,
      api()['onShareChange']?.((c: unknown) => shares.push(c)) as () => void,
    ];
    const reminder = { followUpId: 'fu-1', title: 'Call Ana', body: 'Today 10:00' };
    for (const r of [reminder, { ...reminder, title: 4 }, 'fu-1', null]) emit(r, 'reminder');
    const change = {
      id: 'p-1',
      status: { active: false, version: 3, mode: 'presents', tablet: 'waiting', pending: [] },
    };
    for (const c of [change, { id: 'p-1' }, reminder]) emit(c, 'share:changed');
    emit(change, 'reminder');
    expect(reminders).toEqual([reminder]);
    expect(shares).toEqual([change]);
    for (const stop of stops) stop();
    expect(subscribed.get('reminder')?.size).toBe(0);
    expect(subscribed.get('share:changed')?.size).toBe(0);
  });

  it('imports core/api.ts as types only, and from core/ only the events file, which has no zod (read as text)', () => {
    const root = resolve(import.meta.dirname, '../..');
    const source = readFileSync(join(root, 'electron/preload.ts'), 'utf8');
    expect(source).toMatch(/import type \{[^}]*\} from '\.\.\/core\/api'/);
    const valueImports = [...source.matchAll(/^import \{[^}]*\} from '(\.\.\/core\/[^']+)'/gm)].map((m) => m[1]);
    expect(valueImports).toEqual(['../core/contract/events']);
    const events = readFileSync(join(root, 'core/contract/events.ts'), 'utf8');
    expect(events.match(/^import .*$/gm)?.every((line) => line.startsWith('import type '))).toBe(true);
  });
});
