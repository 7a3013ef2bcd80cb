// The fillable intake form end to end: made by the CLI, filled by an independent implementation
// (pypdf, from Python: test/support/fill_form.py), imported by the CLI (pdf-lib) and compared
// field by field; bad and hostile files exit 2 naming the problem, with nothing written.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOALS } from '../../core/intake/intake';
import {
  FIELD,
  FORM_VERSION,
  MONEY_RANGES,
  REQUIRED_FIELDS,
  rangeFor,
  type FieldValue,
} from '../../core/intake/fillableForm';
import { intakeFromFields } from '../../core/intake/fillableFormRead';
import { sampleIntakeInput } from '../support/samples';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
// Debian's python3 has python3-pypdf; a pyenv or venv python3 earlier on PATH may not.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const FILL = join(ROOT, 'test/support/fill_form.py');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['--tsconfig', 'tsconfig.node.json', 'electron/cli.ts', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-intake-form-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fill(
  form: string,
  out: string,
  values: Record<string, FieldValue>,
  ...options: string[]
): Promise<void> {
  const valuesPath = join(dir, `${out}.values.json`);
  await writeFile(valuesPath, JSON.stringify(values));
  await run(PYTHON, [FILL, form, join(dir, out), valuesPath, ...options]);
}

const everyGoal = Object.fromEntries(GOALS.map((g) => [`goals.${g}`, true]));

// Values a prospect might type, and values a hostile tool might put in.
const HOSTILE = {
  'prospect.firstName': 'Zoë-Hélène',
  'prospect.lastName': '山田 太郎',
  'prospect.email': 'zoe@example.fr',
  'prospect.phone': '+33 6 12 34 56 78',
  'prospect.age': '47',
  'prospect.occupation': 'Ingénieure <b>système</b>',
  'prospect.partner.firstName': 'נועה',
  'prospect.partner.lastName': 'Cohen',
  'prospect.dependents.0.firstName': 'فاطمة',
  'prospect.dependents.0.age': '9',
  // The second line is left empty: the third child is the second of the intake.
  'prospect.dependents.2.firstName': 'Kim 민준',
  urgentNeed: '<script>alert(1)</script>\r\nBcc: evil@example.com',
  'concerns.0': '"); DROP TABLE prospects;--',
  'concerns.2': 'Line one\r\nSubject: injected',
  'questions.1': 'Combien ça coûte ?',
  riskTolerance: 'moderately-aggressive',
  'goals.mostImportant': 'tax',
  'finances.investableAssets': '250k-500k',
  'finances.monthlySavings': '1k-2.5k',
  timeHorizonYears: '15',
  ...everyGoal,
} satisfies Record<string, FieldValue>;

const HOSTILE_EXPECTED = {
  prospect: {
    firstName: 'Zoë-Hélène',
    lastName: '山田 太郎',
    email: 'zoe@example.fr',
    phone: '+33 6 12 34 56 78',
    age: 47,
    occupation: 'Ingénieure <b>système</b>',
    partner: { firstName: 'נועה', lastName: 'Cohen' },
    dependents: [{ firstName: 'فاطمة', age: 9 }, { firstName: 'Kim 민준' }],
  },
  finances: { investableAssets: 375_000, monthlySavings: 1_750 },
  // The most important first, then the others in the form's order.
  goals: ['tax', ...GOALS.filter((g) => g !== 'tax')],
  urgentNeed: '<script>alert(1)</script>\nBcc: evil@example.com',
  // A single-line field holds one line: a line break put in it by a tool is a space.
  concerns: ['"); DROP TABLE prospects;--', 'Line one Subject: injected'],
  questions: ['Combien ça coûte ?'],
  riskTolerance: 'moderately-aggressive',
  timeHorizonYears: 15,
};

/** Each file made once, by whichever test needs it first: every test also passes alone. */
const madeOnce = new Map<string, Promise<string>>();
function once(name: string, make: (path: string) => Promise<void>): Promise<string> {
  let made = madeOnce.get(name);
  if (!made) {
    const path = join(dir, name);
    made = make(path).then(() => path);
    madeOnce.set(name, made);
  }
  return made;
}

/** The English form made from an intake, for the prospect id maria-lopez. */
const formEn = () =>
  once('form-en.pdf', async (form) => {
    const intake = join(dir, 'intake.json');
    await writeFile(
      intake,
      JSON.stringify({
        ...sampleIntakeInput(),
        prospect: { firstName: 'Maria', lastName: 'Lopez' },
        concerns: undefined,
        questions: undefined,
        goals: ['retirement'],
      }),
    );
    const made = await cli('intake-form', intake, '--prospect-id', 'maria-lopez', '--out', form);
    if (made.code !== 0) throw new Error(made.stderr);
  });

/** The blank French form. */
const formFr = () =>
  once('form-fr.pdf', async (form) => {
    const made = await cli('intake-form', '--locale', 'fr-FR', '--out', form);
    if (made.code !== 0) throw new Error(made.stderr);
  });

/** The English form filled by pypdf: every goal but two ticked, the hostile values typed. */
const filledEn = () =>
  once('filled-en.pdf', async () => {
    const values: Record<string, FieldValue> = Object.fromEntries(
      Object.entries(HOSTILE).filter(([name]) => name !== 'prospect.firstName'),
    );
    await fill(await formEn(), 'filled-en.pdf', { ...values, 'goals.retirement': false, 'goals.home': false });
  });

async function importForm(pdf: string, out: string) {
  const target = join(dir, out);
  const result = await cli('import', join(dir, pdf), '--out', target);
  return { ...result, target, written: existsSync(target) };
}

describe('intake form', { timeout: 120_000 }, () => {
  it('is made from an intake in English, filled by pypdf, imported and compared field by field', async () => {
    const form = await formEn();
    const info = (await run('pdfinfo', [form])).stdout;
    expect(info).toMatch(/Form:\s+AcroForm/);
    expect(info).toMatch(/Pages:\s+2/);
    const text = (await run('pdftotext', ['-layout', form, '-'])).stdout;
    expect(text).toContain('Before we meet');
    expect(text).toContain('Harbor & Pine Wealth Partners');
    // The pages render (looked at as PNGs at tablet size while making the layout).
    await run('pdftoppm', ['-png', '-r', '60', form, join(dir, 'page-en')]);
    expect((await readdir(dir)).filter((f) => f.startsWith('page-en') && f.endsWith('.png'))).toHaveLength(2);

    // Fields a reader left alone keep what the advisor filled in; every goal ticked.
    await filledEn();
    const imported = await importForm('filled-en.pdf', 'imported-en.json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('maria-lopez');
    const got = JSON.parse(await readFile(imported.target, 'utf8'));
    const goals = ['tax', ...GOALS.filter((g) => g !== 'tax' && g !== 'retirement' && g !== 'home')];
    expect(got).toEqual({
      ...HOSTILE_EXPECTED,
      locale: 'en-US',
      prospect: { ...HOSTILE_EXPECTED.prospect, firstName: 'Maria' },
      finances: {
        currency: 'USD',
        ...HOSTILE_EXPECTED.finances,
        ...{ annualIncome: rangeFor('annualIncome', 320_000).value },
      },
      goals,
      meeting: { startsAt: '2026-12-03T14:00', timeZone: 'America/Los_Angeles', format: 'in-person', minutes: 20 },
    });
  });

  it('is made blank in French, filled with the meeting typed in, and imported', async () => {
    const form = await formFr();
    expect((await run('pdfinfo', [form])).stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = (await run('pdftotext', ['-layout', form, '-'])).stdout;
    expect(text).toContain('Avant notre rencontre');
    expect(text).toContain('Vos objectifs');
    await fill(form, 'filled-fr.pdf', {
      ...HOSTILE,
      [FIELD.startsAt]: '2027-01-14 09:30',
      [FIELD.timeZone]: 'Europe/Paris',
      'goals.mostImportant': 'Fiscalité',
      riskTolerance: 'Équilibré : croissance et sécurité',
    });
    const imported = await importForm('filled-fr.pdf', 'imported-fr.json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(await readFile(imported.target, 'utf8'))).toEqual({
      ...HOSTILE_EXPECTED,
      locale: 'fr-FR',
      finances: { currency: 'EUR', ...HOSTILE_EXPECTED.finances },
      // A choice filled with its French label is understood.
      riskTolerance: 'moderate',
      meeting: { startsAt: '2027-01-14T09:30', timeZone: 'Europe/Paris', format: 'in-person', minutes: 20 },
    });
  });

  it('reports empty required fields and bad values by field, writing nothing', async () => {
    const form = await formFr();
    await fill(form, 'bad-values.pdf', {
      'prospect.lastName': 'Durand',
      'prospect.age': 'quarante',
      'prospect.email': 'not an email',
      [FIELD.startsAt]: '14/01/2027',
      [FIELD.timeZone]: 'Europe/Paris',
    });
    const imported = await importForm('bad-values.pdf', 'bad-values.json');
    expect(imported.code).toBe(2);
    expect(imported.written).toBe(false);
    expect(imported.stderr).toContain('prospect.firstName: is required');
    expect(imported.stderr).toContain('prospect.age: must be a whole number');
    expect(imported.stderr).toContain('prospect.email: must be an email address');
    expect(imported.stderr).toContain('meeting.startsAt: must be a local date and time');
    expect(imported.stderr).toContain('goals: is required');
  });

  it('reads fields as data only: JavaScript and launch actions in the PDF never run', async () => {
    const form = await formEn();
    await fill(form, 'actions.pdf', { 'prospect.firstName': 'Ada' }, '--actions');
    const raw = (await readFile(join(dir, 'actions.pdf'))).toString('latin1');
    expect(raw).toContain('/JavaScript');
    expect(raw).toContain('/Launch');
    const imported = await importForm('actions.pdf', 'actions.json');
    expect(imported.code, imported.stderr).toBe(0);
    // The script would have set the first name to Mallory.
    expect(JSON.parse(await readFile(imported.target, 'utf8')).prospect.firstName).toBe('Ada');
  });

  const BAD: [name: string, make: () => Promise<void>, message: RegExp][] = [
    [
      'flattened.pdf',
      async () => fill(await formEn(), 'flattened.pdf', { 'prospect.age': '40' }, '--flatten'),
      /has no form fields: .*flattened/,
    ],
    [
      'dropped.pdf',
      async () => fill(await formEn(), 'dropped.pdf', { 'prospect.age': '40' }, '--drop', 'prospect.age', 'goals.tax'),
      /prospect\.age: is missing from the form[^\n]*\n\s+goals\.tax: is missing from the form/,
    ],
    [
      'encrypted.pdf',
      async () => fill(await formEn(), 'encrypted.pdf', { 'prospect.age': '40' }, '--encrypt'),
      /is encrypted/,
    ],
    [
      'foreign.pdf',
      async () => fill(await formEn(), 'foreign.pdf', { [FIELD.version]: 'other-firm-form-7' }),
      /form\.version: is "other-firm-form-7": the form was made from another template/,
    ],
    ['empty.pdf', () => writeFile(join(dir, 'empty.pdf'), ''), /is not a PDF file/],
    ['not-a-pdf.pdf', () => writeFile(join(dir, 'not-a-pdf.pdf'), '{"prospect": {}}'), /is not a PDF file/],
    [
      'truncated.pdf',
      async () => {
        const bytes = await readFile(await filledEn());
        await writeFile(join(dir, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length / 3)));
      },
      /cannot be read: the PDF is damaged|is missing from the form/,
    ],
    [
      'huge.pdf',
      async () => {
        const head = await readFile(await filledEn());
        await writeFile(
          join(dir, 'huge.pdf'),
          Buffer.concat([head, Buffer.alloc(50 * 1024 * 1024 - head.length, 0x20)]),
        );
      },
      /is too large: 50 MB, at most 10 MB/,
    ],
  ];
  it.each(BAD)('refuses %s: exit 2 naming the problem, nothing written', async (name, make, message) => {
    await make();
    const imported = await importForm(name, `${name}.json`);
    expect(imported.code, imported.stdout).toBe(2);
    expect(imported.written).toBe(false);
    expect(imported.stderr).toContain(join(dir, name));
    expect(imported.stderr).toMatch(message);
  });
});

describe('intake form fields (core)', () => {
  const base = (extra: Record<string, FieldValue> = {}) =>
    new Map<string, FieldValue>(
      Object.entries({
        ...Object.fromEntries(REQUIRED_FIELDS.map((n) => [n, ''])),
        [FIELD.version]: FORM_VERSION,
        'prospect.firstName': 'Ana',
        'prospect.lastName': 'Silva',
        [FIELD.startsAt]: '2026-12-03T14:00',
        [FIELD.timeZone]: 'Europe/Lisbon',
        ...extra,
      }),
    );

  it('leaves empty fields out, never invents them', () => {
    const read = intakeFromFields(base({ 'goals.home': true }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { intake } = read.value;
    expect(intake.prospect).toEqual({ firstName: 'Ana', lastName: 'Silva' });
    expect(intake.goals).toEqual(['home']);
    expect(intake.concerns).toBeUndefined();
    expect(intake.riskTolerance).toBeUndefined();
    expect(intake.finances).toEqual({ currency: 'USD' });
  });

  it('puts the most important goal first even when it is not ticked', () => {
    const read = intakeFromFields(base({ 'goals.home': true, 'goals.debt': true, [FIELD.mostImportant]: 'estate' }));
    expect(read.ok && read.value.intake.goals).toEqual(['estate', 'home', 'debt']);
  });

  it('maps every range to a number inside it, and a number back to its range', () => {
    for (const [field, list] of Object.entries(MONEY_RANGES)) {
      for (const range of list) {
        expect(range.value).toBeGreaterThanOrEqual(range.min);
        if (range.max !== undefined) expect(range.value).toBeLessThan(range.max);
        expect(rangeFor(field as keyof typeof MONEY_RANGES, range.value).id).toBe(range.id);
      }
    }
  });

  it('names the form field of a problem in a list line', () => {
    const read = intakeFromFields(
      base({ 'goals.home': true, 'concerns.1': 'x'.repeat(2001), 'prospect.dependents.1.age': '200' }),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['concerns.1', 'prospect.dependents.1.age']),
    );
  });

  it("refuses a choice that is not one of the form's", () => {
    const read = intakeFromFields(
      base({ 'goals.home': true, 'finances.annualIncome': 'a lot', riskTolerance: 'yolo' }),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['finances.annualIncome', 'riskTolerance']),
    );
  });
});

describe('a returned form over the intake (core)', () => {
  it('keeps list items the form had no line for, and the exact numbers in the ranges chosen', async () => {
    const { checkIntake } = await import('../../core/intake/intake');
    const { mergeFormIntake } = await import('../../core/intake/fillableFormChanges');
    const previous = checkIntake({ ...sampleIntakeInput(), questions: ['q1', 'q2', 'q3', 'q4', 'q5'] });
    const form = checkIntake({
      ...sampleIntakeInput(),
      questions: ['Q1 reworded', 'q2', 'q3'],
      finances: { investableAssets: 750_000 },
      notes: undefined,
    });
    if (!previous.ok || !form.ok) throw new Error('samples');
    const { merged, changed } = mergeFormIntake(previous.value, form.value);
    expect(merged.questions).toEqual(['Q1 reworded', 'q2', 'q3', 'q4', 'q5']);
    expect(merged.finances.investableAssets).toBe(850_000);
    expect(merged.notes).toBe('Referred by Dr. Chen');
    expect(changed).toEqual(['questions']);
  });
});
