// electron/preload.ts run under plain Node against a fake contextBridge and ipcRenderer: what
// the page gets (one object, one function per channel, one event subscription) and what
// crosses to main (the channel and its one input). Only the import of core/api.ts as types
// (so zod stays out of the sandboxed preload) is read as text: it is a property of the source.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, FOLLOW_UP_FOCUS_EVENT } from '../../core/api';

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
const emit = (id: unknown) =>
  subscribed.get(FOLLOW_UP_FOCUS_EVENT)?.forEach((listener) => listener({ sender: 'main' }, id));

describe('preload (electron/preload.ts)', () => {
  it('exposes one object, window.advisorDeck: a function per channel and the two subscriptions (focus, reminders: a no-op here, the desktop notifies)', () => {
    expect([...exposed.keys()]).toEqual(['advisorDeck']);
    expect(Object.keys(api()).sort()).toEqual([...channelNames, 'onFollowUpFocus', 'onReminder'].sort());
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

  it('imports core/api.ts as types only (read as text: zod must not be bundled into the preload)', () => {
    const source = readFileSync(join(resolve(import.meta.dirname, '../..'), 'electron/preload.ts'), 'utf8');
    expect(source).toMatch(/import type \{[^}]*\} from '\.\.\/core\/api'/);
    expect(source).not.toMatch(/^import \{[^}]*\} from '\.\.\/core\//m);
  });
});
