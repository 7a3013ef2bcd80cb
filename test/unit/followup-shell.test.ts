// The Electron side of follow-ups cannot run here (DESIGN.md): its pure parts are run, and the
// shell files are read as text to prove the wiring is in place, like electron-shell.test.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../core/api';
import { createFollowUp, markFired } from '../../core/followUpRecord';
import { reminderText } from '../../electron/services/followup/reminder';
import type { Firing } from '../../electron/services/followup/scheduler';

const root = resolve(import.meta.dirname, '../..');
const code = (path: string) =>
  readFileSync(join(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/(?!\/ <reference).*$/gm, '$1');

function firing(name: string, missed = false): Firing {
  const now = Date.parse('2026-12-08T18:00:00Z');
  const record = createFollowUp(
    { id: 'fu-1', prospectId: 'p-1', prospectName: name, dueAt: '2026-12-08T10:00:00-08:00', timeZone: 'America/Los_Angeles', channel: 'email', subject: `${name}, following up`, body: '' },
    now,
  );
  return { followUp: markFired(record, now), missed, dueAt: now, lateMs: 0 };
}

describe('reminder notification text', () => {
  it('names the prospect and what to do; a missed one says when it was due', () => {
    expect(reminderText(firing('Maria Lopez'))).toEqual({ title: 'Follow up with Maria Lopez', body: 'Send the follow-up email.\nMaria Lopez, following up' });
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
    await expect(dispatch(core, 'followups:list', undefined)).resolves.toEqual({ ok: false, error: 'followups:list is not available here' });
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

describe('Electron wiring (read as text)', () => {
  const main = code('electron/main.ts');
  const preload = code('electron/preload.ts');

  it('runs the app layer (and its scheduler) in main on the userData folder, re-armed on resume', () => {
    expect(main).toMatch(/openApp\(\{\s*dataDir:\s*app\.getPath\('userData'\)/);
    expect(main).toMatch(/powerMonitor\.on\('resume',\s*\(\)\s*=>\s*advisorDeck\?\.onResume\(\)\)/);
    expect(code('electron/services/app/index.ts')).toMatch(/scheduler\.start\(\)/);
  });

  it('shows a notification per firing whose click focuses the window on that follow-up', () => {
    expect(main).toMatch(/showFollowUpReminder\(firing,\s*focusFollowUp\)/);
    expect(main).toMatch(/webContents\.send\(FOLLOW_UP_FOCUS_EVENT,\s*id\)/);
    expect(code('electron/adapters/notifications.ts')).toMatch(/on\('click',[\s\S]*onClick\(firing\.followUp\.id\)/);
  });

  it('keeps running in the tray with the window closed, and can open at login', () => {
    expect(main).toMatch(/window-all-closed[\s\S]*if \(tray && !quitting\) return;/);
    expect(code('electron/adapters/login.ts')).toMatch(/app\.setLoginItemSettings\(\{\s*openAtLogin:\s*enabled/);
    // Every channel is required on every host: the app layer's handlers are typed `Handlers`.
    expect(code('electron/services/app/index.ts')).toMatch(/const handlers: Handlers = \{/);
  });

  it('exposes the focus event to the page with a checked id, never ipcRenderer', () => {
    expect(preload).toMatch(/onFollowUpFocus:/);
    expect(preload).toMatch(/typeof id === 'string' && FOLLOW_UP_ID\.test\(id\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    // Type-only use of core/api.ts: zod stays out of the sandboxed preload.
    expect(preload).toMatch(/import type \{[^}]*\} from '\.\.\/core\/api'/);
    expect(preload).not.toMatch(/import \{[^}]*\} from '\.\.\/core\//);
  });

  it('keeps the scheduler and the store free of electron (they run under plain Node)', () => {
    for (const file of ['scheduler', 'store', 'mail', 'calendar', 'schedule', 'reminder', 'copy', 'ids']) {
      expect(code(`electron/services/followup/${file}.ts`)).not.toMatch(/from 'electron'/);
    }
  });
});
