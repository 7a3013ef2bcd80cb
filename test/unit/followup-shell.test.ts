// The Electron side of follow-ups cannot run here (DESIGN.md): its pure parts are run here, the
// shell's wiring in electron-main.test.ts against a fake electron, and the rest read as text.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../core/api';
import { createFollowUp, markFired } from '../../core/followUp/record';
import { reminderText } from '../../electron/services/followUp/reminder';
import type { Firing } from '../../electron/services/followUp/scheduler';

const root = resolve(import.meta.dirname, '../..');
const code = (path: string) =>
  readFileSync(join(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/(?!\/ <reference).*$/gm, '$1');

function firing(name: string, missed = false): Firing {
  const now = Date.parse('2026-12-08T18:00:00Z');
  const record = createFollowUp(
    {
      id: 'fu-1',
      prospectId: 'p-1',
      prospectName: name,
      dueAt: '2026-12-08T10:00:00-08:00',
      timeZone: 'America/Los_Angeles',
      channel: 'email',
      subject: `${name}, following up`,
      body: '',
    },
    now,
  );
  return { followUp: markFired(record, now), missed, dueAt: now, lateMs: 0 };
}

describe('reminder notification text', () => {
  it('names the prospect and what to do; a missed one says when it was due', () => {
    expect(reminderText(firing('Maria Lopez'))).toEqual({
      title: 'Follow up with Maria Lopez',
      body: 'Send the follow-up email.\nMaria Lopez, following up',
    });
    expect(reminderText(firing('Maria Lopez', true)).title).toBe('Missed follow-up: Maria Lopez');
    expect(reminderText(firing('Maria Lopez', true)).body).toMatch(/^Was due Dec 8, 2026, 10:00 AM\. /);
  });

  it('escapes markup for notification servers that read the body as markup', () => {
    const text = reminderText(firing('<a href="https://evil.example">Tom & Co</a>'), { markup: true });
    expect(text.body).not.toMatch(/[<>]/);
    expect(text.body).toContain('&lt;a href="https://evil.example"&gt;Tom &amp; Co&lt;/a&gt;');
  });
});

describe('follow-up channels (core/api.ts)', () => {
  // A partial host: dispatch must still answer an error, not crash, for a missing handler.
  const core = { 'app:info': () => ({ name: 'Advisor Deck', version: '0.1.0' }) } as unknown as Handlers;

  it('answers an error, not a crash, for a feature the host does not implement', async () => {
    await expect(dispatch(core, 'followups:list', undefined)).resolves.toEqual({
      ok: false,
      error: 'followups:list is not available here',
    });
  });

  it('refuses ids that are not follow-up ids before any handler runs', async () => {
    let ran = false;
    const handlers = { ...core, 'followups:complete': () => ((ran = true), undefined as never) } as unknown as Handlers;
    for (const id of ['../../etc/passwd', 'A', '', 'x'.repeat(65)]) {
      expect((await dispatch(handlers, 'followups:complete', { id })).ok).toBe(false);
    }
    expect((await dispatch(handlers, 'settings:set', { keepInTray: 'yes' })).ok).toBe(false);
    expect((await dispatch(handlers, 'followups:snooze', { id: 'fu-1', until: { kind: 'week' } })).ok).toBe(false);
    expect(ran).toBe(false);
  });
});

// main.ts's follow-up wiring (the app layer on userData, notifications whose click focuses the
// follow-up, re-arming on resume, the tray) runs against a fake electron in
// electron-main.test.ts, and the preload's focus event in electron-preload.test.ts. What is
// left here is read as text because no run under Node reaches it.
describe('Electron wiring (read as text)', () => {
  it('starts the scheduler in the app layer and requires every channel of every host', () => {
    expect(code('electron/services/app/index.ts')).toMatch(/scheduler\.start\(\)/);
    // Every channel is required on every host: the app layer's handlers are typed `Handlers`.
    expect(code('electron/services/app/index.ts')).toMatch(/const handlers: Handlers = \{/);
  });

  it('opens at login through Electron on macOS and Windows', () => {
    expect(code('electron/adapters/login.ts')).toMatch(/app\.setLoginItemSettings\(\{\s*openAtLogin:\s*enabled/);
  });

  it('keeps the scheduler and the store free of electron (they run under plain Node)', () => {
    for (const file of ['scheduler', 'store', 'mail', 'calendar', 'schedule', 'reminder', 'copy', 'ids']) {
      expect(code(`electron/services/followUp/${file}.ts`)).not.toMatch(/from 'electron'/);
    }
  });
});
