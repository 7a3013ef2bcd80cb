// The intake form through the app layer, in process, on real files: `Send intake form` writes
// the form and its email draft; the returned form (filled by pypdf) updates that prospect and
// says what changed; a form without a known id creates a prospect.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type AdvisorDeckApp } from '../../electron/services/app';
import { TEMPLATES_DIR } from '../../electron/services/recipes';
import { sampleIntakeInput } from '../support/samples';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let dir: string;
let app: AdvisorDeckApp;
const ID = 'p-00000000000000bb';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-intake-form-app-'));
  copyFileSync(join(TEMPLATES_DIR, 'samples', 'advisor.json'), join(dir, 'advisor.json'));
  app = await openApp({
    dataDir: dir,
    templatesDir: TEMPLATES_DIR,
    holder: 'a unit test',
    // The app's one clock, fixed: nothing here depends on today's date.
    now: () => Date.parse('2026-11-20T17:00:00Z'),
    platform: {
      name: 'Advisor Deck',
      version: '0',
      openExternal: async () => false,
      openPath: async () => false,
      notify: () => false,
      applySettings: () => undefined,
    },
  });
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fill(form: string, values: Record<string, string | boolean>): Promise<Buffer> {
  const valuesPath = join(dir, 'values.json');
  writeFileSync(valuesPath, JSON.stringify(values));
  const out = join(dir, 'filled.pdf');
  await run(PYTHON, [join(ROOT, 'test/support/fill_form.py'), form, out, valuesPath]);
  return readFileSync(out);
}

describe('the intake form in the app', { timeout: 60_000 }, () => {
  it('sends the form with an email draft, and the returned form updates the prospect', async () => {
    const h = app.handlers;
    expect(
      (await h['prospects:save']({ id: ID, intake: sampleIntakeInput() as unknown as Record<string, unknown> })).saved,
    ).toBe(true);
    const made = await h['prospects:intakeForm']({ id: ID });
    if (!made.made) throw new Error(JSON.stringify(made));
    const folder = join(dir, 'prospects', ID);
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(['intake-form.pdf', 'intake-form.eml']));
    const mail = await simpleParser(readFileSync(join(folder, 'intake-form.eml')));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('maria.lopez@example.com');
    expect(mail.text).toContain('Dear Maria,');
    expect(mail.text).toContain('December 3, 2026');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['intake-form.pdf']);
    const file = await h['prospects:intakeFormFile']({ id: ID, name: 'intake-form.pdf' });
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await h['prospects:intakeFormOpen']({ id: ID, name: 'intake-form.eml' })).opened).toBe(false);

    // The form carries the prospect's secret, kept in prospect.json when the form was made.
    const secret = JSON.parse(readFileSync(join(folder, 'prospect.json'), 'utf8')).formSecret as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const before = readFileSync(join(folder, 'intake.json'), 'utf8');
    const filled = await fill(join(folder, 'intake-form.pdf'), {
      'prospect.phone': '+1 415 555 0199',
      'prospect.email': 'maria.new@example.com',
      'goals.home': true,
      'questions.2': 'Can we retire at 60?',
    });
    const [outcome] = await h['prospects:import']({ files: [{ name: 'Maria.pdf', bytes: filled.toString('base64') }] });
    if (!outcome?.ok || !outcome.pending) throw new Error(JSON.stringify(outcome));
    expect(outcome.prospect.id).toBe(ID);
    // Nothing changes before Apply changes: what would change is shown, contact details first.
    expect(readFileSync(join(folder, 'intake.json'), 'utf8')).toBe(before);
    expect(outcome.pending.changes.map((c) => c.field)).toEqual([
      'prospect.email',
      'prospect.phone',
      'goals',
      'questions',
    ]);
    expect(outcome.pending.changes[0]).toEqual({
      field: 'prospect.email',
      before: 'maria.lopez@example.com',
      after: 'maria.new@example.com',
    });
    const applied = await h['prospects:applyForm']({ id: outcome.pending.id, apply: true });
    if (!applied.applied) throw new Error(JSON.stringify(applied));
    expect(applied.changed).toEqual(['prospect.email', 'prospect.phone', 'goals', 'questions']);
    const intake = JSON.parse(readFileSync(join(folder, 'intake.json'), 'utf8'));
    expect(intake.prospect.phone).toBe('+1 415 555 0199');
    expect(intake.prospect.email).toBe('maria.new@example.com');
    expect(intake.goals).toEqual(['retirement', 'education', 'home', 'tax']);
    // What the form does not carry stays, and the exact numbers in the ranges chosen stay exact.
    expect(intake.notes).toBe('Referred by Dr. Chen');
    expect(intake.finances.investableAssets).toBe(850_000);
    expect(app.prospects.list()).toHaveLength(1);
    // Each pending change is answered once.
    expect(await h['prospects:applyForm']({ id: outcome.pending.id, apply: true })).toEqual({
      applied: false,
      reason: 'unknown',
    });
  });

  it('keeps the prospect as it is when the advisor says so, and a second form keeps the same secret', async () => {
    const h = app.handlers;
    expect(
      (await h['prospects:save']({ id: ID, intake: sampleIntakeInput() as unknown as Record<string, unknown> })).saved,
    ).toBe(true);
    const made = await h['prospects:intakeForm']({ id: ID });
    if (!made.made) throw new Error(JSON.stringify(made));
    const folder = join(dir, 'prospects', ID);
    const secret = JSON.parse(readFileSync(join(folder, 'prospect.json'), 'utf8')).formSecret as string;
    await h['prospects:intakeForm']({ id: ID });
    expect(JSON.parse(readFileSync(join(folder, 'prospect.json'), 'utf8')).formSecret).toBe(secret);
    const before = readFileSync(join(folder, 'intake.json'), 'utf8');
    const filled = await fill(join(folder, 'intake-form.pdf'), { 'prospect.email': 'someone.else@example.com' });
    const [outcome] = await h['prospects:import']({ files: [{ name: 'Maria.pdf', bytes: filled.toString('base64') }] });
    if (!outcome?.ok || !outcome.pending) throw new Error(JSON.stringify(outcome));
    expect(await h['prospects:applyForm']({ id: outcome.pending.id, apply: false })).toMatchObject({
      applied: false,
      reason: 'kept',
    });
    expect(readFileSync(join(folder, 'intake.json'), 'utf8')).toBe(before);
    // A change answered already cannot be applied afterwards.
    expect(await h['prospects:applyForm']({ id: outcome.pending.id, apply: true })).toEqual({
      applied: false,
      reason: 'unknown',
    });
    expect(readFileSync(join(folder, 'intake.json'), 'utf8')).toBe(before);
  });

  it(
    'never lets a forged form (the id without the secret) touch the prospect it names: it becomes a new prospect',
    { timeout: 240_000 },
    async () => {
      const h = app.handlers;
      expect(
        (await h['prospects:save']({ id: ID, intake: sampleIntakeInput() as unknown as Record<string, unknown> }))
          .saved,
      ).toBe(true);
      expect((await h['prospects:intakeForm']({ id: ID })).made).toBe(true);
      const folder = join(dir, 'prospects', ID);
      const before = readFileSync(join(folder, 'intake.json'), 'utf8');
      // What an attacker can make: the CLI's form with the victim's id, and a copy of the real form with the secret changed.
      const forged = join(dir, 'forged.pdf');
      await run(
        join(ROOT, 'node_modules/.bin/tsx'),
        ['--tsconfig', 'tsconfig.node.json', 'electron/cli.ts', 'intake-form', '--prospect-id', ID, '--out', forged],
        { cwd: ROOT },
      );
      const byId = await fill(forged, {
        'prospect.firstName': 'Maria',
        'prospect.lastName': 'Lopez',
        'prospect.email': 'attacker@example.com',
        'goals.tax': true,
        'meeting.startsAt': '2027-01-05T10:00',
        'meeting.timeZone': 'America/Los_Angeles',
      });
      const wrongSecret = await fill(join(folder, 'intake-form.pdf'), {
        'prospect.email': 'attacker@example.com',
        'form.secret': 'A'.repeat(22),
      });
      const outcomes = await h['prospects:import']({
        files: [
          { name: 'forged.pdf', bytes: byId.toString('base64') },
          { name: 'copied.pdf', bytes: wrongSecret.toString('base64') },
        ],
      });
      for (const outcome of outcomes) {
        if (!outcome.ok) throw new Error(JSON.stringify(outcome));
        expect(outcome.pending).toBeUndefined();
        expect(outcome.unmatched).toBe(true);
        expect(outcome.prospect.id).not.toBe(ID);
      }
      expect(readFileSync(join(folder, 'intake.json'), 'utf8')).toBe(before);
      expect(JSON.parse(before).prospect.email).toBe('maria.lopez@example.com');
      expect(app.prospects.list()).toHaveLength(3);
    },
  );

  it('makes a form for a prospect still in draft, and a form without a known id creates a prospect', async () => {
    const h = app.handlers;
    const draft = await h['prospects:saveDraft']({
      draft: {
        prospect: { firstName: 'Léa', lastName: 'Tremblay', email: 'not-yet' },
        meeting: { startsAt: '2027-02-02T10:00', timeZone: 'America/Toronto' },
        locale: 'fr-CA',
      },
    });
    const made = await h['prospects:intakeForm']({ id: draft.id });
    if (!made.made) throw new Error(JSON.stringify(made));
    const form = join(dir, 'prospects', draft.id, 'intake-form.pdf');
    const text = (await run('pdftotext', [form, '-'])).stdout;
    expect(text).toContain('Bonjour Léa,');
    const filled = await fill(form, { 'goals.retirement': true });
    // The draft's prospect is gone: the same form now makes a new prospect.
    await h['prospects:delete']({ id: draft.id });
    const [outcome] = await h['prospects:import']({ files: [{ name: 'lea.pdf', bytes: filled.toString('base64') }] });
    if (!outcome?.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.updated).toBeUndefined();
    expect(outcome.prospect).toMatchObject({
      firstName: 'Léa',
      lastName: 'Tremblay',
      meetingStartsAt: '2027-02-02T10:00',
    });
  });

  it('lists a bad PDF by its problems, beside JSON files', async () => {
    const [pdf, json] = await app.handlers['prospects:import']({
      files: [
        { name: 'scan.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') },
        { name: 'maria.json', text: JSON.stringify(sampleIntakeInput()) },
      ],
    });
    expect(pdf).toMatchObject({ ok: false, name: 'scan.pdf' });
    expect(pdf && !pdf.ok && pdf.problems[0]?.message).toMatch(/damaged|no form fields/);
    expect(json?.ok).toBe(true);
  });
});
