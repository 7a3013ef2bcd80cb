// Wrap-up and Follow-ups end to end: a real `npm run web` on a temp data folder, a meeting
// recorded through the host's API (as present mode records it), then the wrap-up screen driven
// in Chromium by accessible names, and everything it wrote read back from disk with the tools a
// person's mail app, calendar and PDF reader would use. Waits are on events, never on time.
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeckSetupOutcome, Result } from '../../core/api';
import type { FollowUpLists } from '../../core/followUp/record';
import { planDeck } from '../../core/plan/planDeck';
import { HOSTILE } from '../support/samples';
import type { RunningHost } from '../support/web-host';
import { openApp, prospectFolders, startWebHost, tabTo, tempDataFolder } from './app';
import { IPAD, launch } from './browser';

const run = promisify(execFile);
vi.setConfig({ testTimeout: 150_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE_ADVISOR = join(ROOT, 'templates/samples/advisor.json');
const SAMPLE_INTAKE = join(ROOT, 'templates/samples/intake.json');
/** The sample intake's meeting (2026-12-03T14:00, America/Los_Angeles) names its folder. */
const MEETING = '2026-12-03T1400';
const ZONE = 'America/Los_Angeles';
const SIX_FILES = ['deck.html', 'follow-up.eml', 'follow-up.ics', 'meeting.json', 'plan.json', 'summary.pdf'];

let browser: Browser;
const hosts: RunningHost[] = [];
const folders: string[] = [];

beforeAll(async () => {
  browser = await launch();
});

afterEach(async () => {
  while (hosts.length) await hosts.pop()?.stop();
});

afterAll(async () => {
  await browser?.close();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

/** One call to the host's API, as the window makes it (cookie, the page's secret, same Origin, JSON). */
async function api<T>(host: RunningHost, channel: string, input?: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await host.session()) },
    body: JSON.stringify({ input }),
  });
  expect(response.status).toBe(200);
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error}`);
  return result.value;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The follow-up records on disk (one file per record; temporary and damaged files aside). */
async function followUpFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, 'follow-ups'))).filter(
      (n) => n.endsWith('.json') && !n.startsWith('.') && !n.includes('.damaged-'),
    );
  } catch {
    return [];
  }
}

type StoredFollowUp = { id: string; dueAt: string; status: string; prospectId: string; snoozedUntil?: string };
async function followUpRecords(dir: string): Promise<StoredFollowUp[]> {
  return Promise.all(
    (await followUpFiles(dir)).map(
      async (n) => JSON.parse(await readFile(join(dir, 'follow-ups', n), 'utf8')) as StoredFollowUp,
    ),
  );
}

async function prospectStatus(dir: string, id: string): Promise<string> {
  return (JSON.parse(await readFile(join(dir, 'prospects', id, 'prospect.json'), 'utf8')) as { status: string }).status;
}

/**
 * A data folder with the sample advisor, the sample intake imported through the window, and a
 * meeting recorded and ended through the API: two slides shown, one question caught.
 */
async function preparedMeeting(options?: BrowserContextOptions) {
  const dir = await tempDataFolder();
  folders.push(dir);
  await copyFile(SAMPLE_ADVISOR, join(dir, 'advisor.json'));
  const host = await startWebHost(dir);
  hosts.push(host);
  const page = await openApp(browser, host, options);
  await page
    .locator('input[type=file]')
    .setInputFiles([{ name: 'intake.json', mimeType: 'application/json', buffer: await readFile(SAMPLE_INTAKE) }]);
  await expect.poll(async () => (await prospectFolders(dir)).length).toBe(1);
  const [id] = await prospectFolders(dir);
  if (!id) throw new Error('no prospect');
  await expect.poll(() => prospectStatus(dir, id).catch(() => '')).toBe('open');
  // prospect.json is written before intake.json: the deck is there once the import has saved both.
  await expect.poll(async () => (await api<DeckSetupOutcome>(host, 'deck:get', { id })).ready).toBe(true);

  const deck = await api<DeckSetupOutcome>(host, 'deck:get', { id });
  if (!deck.ready) throw new Error('deck not ready');
  const plan = planDeck(deck.value.intake, deck.value.advisor, deck.value.recipe, deck.value.changes);
  const [first, second] = plan.deck.slides;
  if (!first || !second) throw new Error('a deck of fewer than two slides');
  await api(host, 'meeting:start', { id });
  await api(host, 'meeting:record', { id, event: { kind: 'slide', slideId: first.id } });
  await api(host, 'meeting:record', { id, event: { kind: 'slide', slideId: second.id } });
  await api(host, 'meeting:record', { id, event: { kind: 'question', text: 'How are you paid?', slideId: second.id } });
  await api(host, 'meeting:end', { id });
  const proposed = (await api<{ proposedFollowUp: { local: string } | null }>(host, 'meeting:get', { id }))
    .proposedFollowUp;
  if (!proposed) throw new Error('no follow-up proposed');
  return { dir, host, page, id, slides: [first.title, second.title] as const, proposed: proposed.local };
}

/** A follow-up time a week from now at 15:30 in the meeting's zone: always still to come, never today. */
function aWeekFromNow(hour = 15, minute = 30): string {
  return DateTime.now()
    .setZone(ZONE)
    .plus({ days: 7 })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toFormat("yyyy-MM-dd'T'HH:mm");
}
const instantOf = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();

describe('wrap-up', () => {
  it('edits the questions, moves the follow-up, writes the six files and schedules one follow-up, then Follow-ups completes it', async () => {
    const { dir, host, page, id, slides, proposed } = await preparedMeeting();
    const wrapUps: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/meeting:wrapUp')) wrapUps.push(r.status());
    });
    await page.goto(`${host.origin}/#/wrap-up/${id}`);
    await page.getByRole('heading', { name: 'Wrap-up: Maria Lopez', level: 2 }).waitFor();

    // What was shown, in order, and the question caught on the way.
    const shown = page.getByRole('list', { name: 'Slides shown' });
    await expect
      .poll(() => shown.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining(slides[0]), expect.stringContaining(slides[1])]);
    const question1 = page.getByLabel('Question 1', { exact: true });
    expect(await question1.inputValue()).toBe('How are you paid?');
    // The question they sent before the meeting and did not ask again is a row of its own.
    const sentGroup = page.getByRole('group', { name: 'Questions they sent before the meeting' });
    expect(await sentGroup.getByLabel('Question sent before the meeting 1', { exact: true }).inputValue()).toBe(
      'How often would we meet?',
    );
    await sentGroup
      .getByLabel('Answer to the question sent before the meeting 1', { exact: true })
      .fill('Every quarter, and whenever you need us.');
    expect(await page.getByLabel('Follow-up date and time', { exact: true }).inputValue()).toBe(proposed);

    // Edit it, answer it, add the one that was missed (hostile text), write notes, move the slot.
    await question1.fill('How are you paid, and by whom?');
    await page.getByLabel('Answer 1', { exact: true }).fill('A flat yearly fee, paid by you alone: no commissions.');
    await page.getByRole('button', { name: 'Add question' }).click();
    const question2 = page.getByLabel('Question 2', { exact: true });
    await expect.poll(() => question2.evaluate((el) => el === document.activeElement)).toBe(true);
    const hostile = HOSTILE[0];
    await page.keyboard.type(hostile);
    await page.getByLabel('Notes', { exact: true }).fill('Send the fee schedule before Friday.');
    const chosen = aWeekFromNow();
    await page.getByLabel('Follow-up date and time', { exact: true }).fill(chosen);
    await page.getByRole('button', { name: 'Create summary and follow-up' }).click();
    await page.getByRole('heading', { name: 'Summary and follow-up created' }).waitFor();
    expect(wrapUps).toEqual([200]);

    // The page preview: the summary's words, hostile text shown as text.
    const preview = page.getByRole('article', { name: 'Summary page preview' });
    await expect.poll(() => preview.textContent()).toContain('Maria Lopez');
    expect(await preview.textContent()).toContain('How are you paid, and by whom?');
    expect(await preview.textContent()).toContain(hostile);
    expect(await preview.locator('img, script, svg').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // On disk: the six files, one page, the words, the event at the chosen time, the draft.
    const folder = join(dir, 'prospects', id, 'meetings', MEETING);
    expect((await readdir(folder)).filter((n) => !n.startsWith('.')).sort()).toEqual(SIX_FILES);
    const pdf = join(folder, 'summary.pdf');
    expect((await run('pdfinfo', [pdf])).stdout).toMatch(/^Pages:\s+1$/m);
    const text = (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout.replace(/\s+/g, ' ');
    for (const words of [
      'Maria Lopez',
      'How are you paid, and by whom?',
      'A flat yearly fee',
      hostile,
      'How often would we meet? Every quarter, and whenever you need us.',
    ])
      expect(text).toContain(words);
    const calendar = new ICAL.Component(ICAL.parse(await readFile(join(folder, 'follow-up.ics'), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(new ICAL.Event(events[0]).startDate.toJSDate().getTime()).toBe(instantOf(chosen));
    const mail = await simpleParser(await readFile(join(folder, 'follow-up.eml')));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toContainEqual(['summary.pdf', 'application/pdf']);
    const meeting = JSON.parse(await readFile(join(folder, 'meeting.json'), 'utf8')) as {
      questions: { text: string; answer?: string }[];
      notes: string;
    };
    expect(meeting.questions).toEqual([
      {
        text: 'How are you paid, and by whom?',
        answer: 'A flat yearly fee, paid by you alone: no commissions.',
        slideId: expect.any(String),
      },
      { text: 'How often would we meet?', answer: 'Every quarter, and whenever you need us.', before: true },
      { text: hostile },
    ]);
    expect(meeting.notes).toBe('Send the fee schedule before Friday.');
    expect(await prospectStatus(dir, id)).toBe('met');
    const records = await followUpRecords(dir);
    expect(records).toHaveLength(1);
    expect(Date.parse(records[0]?.dueAt ?? '')).toBe(instantOf(chosen));
    expect(records[0]?.prospectId).toBe(id);

    // In a browser the files download (Electron's window hands them to the system instead).
    const [ics] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Add to calendar' }).click(),
    ]);
    expect(ics.suggestedFilename()).toBe('follow-up.ics');
    expect(await readFile(await ics.path(), 'utf8')).toBe(await readFile(join(folder, 'follow-up.ics'), 'utf8'));
    const [eml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Open email draft' }).click(),
    ]);
    expect(eml.suggestedFilename()).toBe('follow-up.eml');
    await page.getByRole('button', { name: 'Show files' }).click();
    await page.getByRole('button', { name: 'Download summary.pdf' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);

    // Again, an hour later: the one follow-up moves; none is added.
    const later = aWeekFromNow(16, 30);
    await page.getByLabel('Follow-up date and time', { exact: true }).fill(later);
    await page.getByRole('button', { name: 'Create summary and follow-up' }).click();
    // A whole wrap-up (PDF, deck, mail): seconds on a busy machine.
    await expect.poll(() => wrapUps.length, { timeout: 60_000 }).toBe(2);
    expect(wrapUps).toEqual([200, 200]);
    await expect
      .poll(async () => (await followUpRecords(dir)).map((r) => Date.parse(r.dueAt)))
      .toEqual([instantOf(later)]);
    // The first wrap-up's files may have been sent: kept under superseded/<time>/ (issue 19).
    expect((await readdir(folder)).filter((n) => !n.startsWith('.')).sort()).toEqual([...SIX_FILES, 'superseded']);

    // Follow-ups: under Upcoming, with its actions; its time in the advisor's zone.
    await page.getByRole('button', { name: 'Follow-ups' }).click();
    await page.getByRole('heading', { name: 'Follow-ups', level: 2 }).waitFor();
    const upcoming = page.getByRole('region', { name: 'Upcoming' });
    const item = upcoming.getByRole('listitem', { name: 'Maria Lopez' });
    await item.waitFor();
    for (const name of ['Done', 'Snooze an hour', 'Snooze until tomorrow', 'Reschedule', 'Open email draft'])
      expect(await item.getByRole('button', { name, exact: true }).count()).toBe(1);
    expect(await item.getByRole('link', { name: 'Call +1 415 555 0134' }).getAttribute('href')).toBe(
      'tel:+14155550134',
    );
    expect(await page.getByRole('region', { name: 'Overdue' }).textContent()).toContain('Nothing overdue.');
    expect(await seriousViolations(page)).toEqual([]);

    // The email draft: a browser cannot start the mail app, so it offers the mailto: link.
    await item.getByRole('button', { name: 'Open email draft' }).click();
    const mailto = item.getByRole('link', { name: 'Write the email in your mail app' });
    expect(await mailto.getAttribute('href')).toMatch(/^mailto:maria\.lopez@example\.com\?subject=.+&body=.+/);

    // Reschedule with the keyboard alone: the box takes the focus, Enter saves.
    await item.getByRole('button', { name: 'Done' }).focus();
    await tabTo(page, 'Reschedule');
    await page.keyboard.press('Enter');
    const box = page.getByLabel('New date and time', { exact: true });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const moved = DateTime.now().plus({ days: 9 }).set({ hour: 11, minute: 15, second: 0, millisecond: 0 });
    await box.fill(moved.toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(async () => (await followUpRecords(dir)).map((r) => Date.parse(r.dueAt)))
      .toEqual([moved.toMillis()]);
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor({ state: 'detached' });

    // A reminder's click opens its follow-up: in view, its name focused.
    const [record] = await followUpRecords(dir);
    await page.getByRole('button', { name: 'Prospects' }).click();
    await page.goto(`${host.origin}/#/follow-ups/${record?.id}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Maria Lopez');

    // Snoozed an hour: the navigation counts what is due, the way the app layer groups it.
    await page.getByRole('button', { name: 'Snooze an hour' }).click();
    await expect.poll(async () => (await followUpRecords(dir)).map((r) => r.status)).toEqual(['snoozed']);
    const lists = await api<FollowUpLists>(host, 'followups:list');
    const due = lists.overdue.length + lists.today.length;
    await expect
      .poll(() => page.getByRole('navigation').getByRole('button', { name: 'Follow-ups' }).textContent())
      .toBe(due ? `Follow-ups, ${due} due` : 'Follow-ups');
    // Not due for 9 days: an hour after its due time, never earlier (issue 21); Undo puts it back.
    expect((await followUpRecords(dir)).map((r) => Date.parse(r.snoozedUntil ?? ''))).toEqual([
      moved.toMillis() + 3_600_000,
    ]);
    await page.getByRole('status').filter({ hasText: 'snoozed until' }).getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await followUpRecords(dir)).map((r) => [r.status, Date.parse(r.dueAt), r.snoozedUntil]))
      .toEqual([['scheduled', moved.toMillis(), undefined]]);
    await page.getByRole('status').filter({ hasText: 'back to' }).waitFor();

    // Done, and the prospect became a client: both kept.
    await page.getByRole('listitem', { name: 'Maria Lopez' }).getByRole('button', { name: 'Done' }).click();
    // Done with no next step yet: a win-back call waits 90 days on…
    await expect
      .poll(async () => (await followUpRecords(dir)).map((r) => r.status).sort())
      .toEqual(['done', 'scheduled']);
    await page.getByRole('button', { name: 'Became a client' }).click();
    await expect.poll(() => prospectStatus(dir, id)).toBe('client');
    // …and goes once the prospect is a client.
    await expect
      .poll(async () => (await followUpRecords(dir)).map((r) => r.status).sort())
      .toEqual(['cancelled', 'done']);
    await page.getByRole('heading', { name: 'No follow-ups yet' }).waitFor();
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('speaks French on an iPad, with large touch targets and nothing wider than the screen', async () => {
    const { dir, host, page, id } = await preparedMeeting(IPAD);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('App language').selectOption('fr');
    await page.goto(`${host.origin}/#/wrap-up/${id}`);
    await page.getByRole('heading', { name: 'Bilan : Maria Lopez', level: 2 }).waitFor();
    expect(await page.getByLabel('Question 1', { exact: true }).inputValue()).toBe('How are you paid?');
    await page.getByLabel('Réponse 1', { exact: true }).fill('Des honoraires fixes.');
    await page.getByLabel('Date et heure du suivi', { exact: true }).fill(aWeekFromNow());
    await page.getByRole('button', { name: 'Créer le résumé et le suivi' }).click();
    await page.getByRole('heading', { name: 'Résumé et suivi créés' }).waitFor();
    expect(await prospectStatus(dir, id)).toBe('met');
    await checkLayout(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Suivis' }).click();
    await page.getByRole('heading', { name: 'Suivis', level: 2 }).waitFor();
    const item = page.getByRole('region', { name: 'À venir' }).getByRole('listitem', { name: 'Maria Lopez' });
    // The heading shows at once; the list comes with the app layer's answer.
    await item.waitFor();
    for (const name of [
      'Fait',
      'Reporter d’une heure',
      'Reporter à demain',
      'Replanifier',
      'Ouvrir le brouillon de courriel',
    ])
      expect(await item.getByRole('button', { name, exact: true }).count()).toBe(1);
    await checkLayout(page);
    expect(await seriousViolations(page)).toEqual([]);
    await item.getByRole('button', { name: 'Fait', exact: true }).click();
    await page.getByRole('button', { name: 'Fermé' }).click();
    await expect.poll(() => prospectStatus(dir, id)).toBe('closed');
  });

  it('shows problems at their fields: a blank question with an answer, no follow-up time', async () => {
    const { host, page, id } = await preparedMeeting();
    await page.goto(`${host.origin}/#/wrap-up/${id}`);
    await page.getByLabel('Question 1', { exact: true }).fill('');
    await page.getByLabel('Answer 1', { exact: true }).fill('An answer without its question');
    await page.getByLabel('Follow-up date and time', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Create summary and follow-up' }).click();
    const question = page.getByLabel('Question 1', { exact: true });
    await expect.poll(() => question.getAttribute('aria-invalid')).toBe('true');
    // The first problem has the focus, and its message is what describes it.
    // Focus moves in the render after the problems show: waited for, not assumed.
    await expect.poll(() => question.evaluate((el) => el === document.activeElement)).toBe(true);
    const describedBy = (await question.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toContain(
      'Write the question, or remove it.',
    );
    expect(await page.getByLabel('Follow-up date and time', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/** Every button, link and field at least 44 px both ways, and no sideways scrolling. */
async function checkLayout(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main a[href], main input, main textarea, main select, header button',
      ),
    ]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(
        ({ el, r }) =>
          `${el.tagName} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
      ),
  );
  expect(small).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}
