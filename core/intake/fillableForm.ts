// The fillable intake form as data: its fields (each named by the intake path it fills), their
// length limits, the money ranges and the numbers they stand for, and the way filled-in field
// values become an intake. Shared by the PDF maker and the reader so the two never drift.
import { z } from 'zod';
import { GOALS, RISK_TOLERANCES, intakeSchema, type Goal, type Intake } from './intake';
import { LIMITS } from '../text/text';
import { PROSPECT_ID } from '../prospect/prospect';
import { DEFAULT_LOCALE, canonicalLocale, defaultCurrency, isCurrencyCode } from '../locale/locale';
import { type Checked, type Problem, describeIssues, fieldsOf, formatPath } from '../validation';

/** Written in the form's hidden `form.version` field: a form of another template is recognised. */
export const FORM_VERSION = 'advisor-deck-intake-1';

/** How many lines the form offers for concerns, questions and children. */
export const CONCERN_LINES = 3;
export const QUESTION_LINES = 3;
export const CHILD_LINES = 3;

export const FIELD = {
  version: 'form.version',
  prospectId: 'form.prospectId',
  /** The prospect's form secret (prospect.json): with the id, what ties a returned form to them. */
  secret: 'form.secret',
  locale: 'locale',
  currency: 'finances.currency',
  /** The meeting as words, read-only (the advisor fills it). */
  meetingWhen: 'meeting.when',
  startsAt: 'meeting.startsAt',
  timeZone: 'meeting.timeZone',
  meetingFormat: 'meeting.format',
  meetingMinutes: 'meeting.minutes',
  mostImportant: 'goals.mostImportant',
  riskTolerance: 'riskTolerance',
  urgentNeed: 'urgentNeed',
  timeHorizonYears: 'timeHorizonYears',
} as const;

export const goalField = (goal: Goal) => `goals.${goal}`;
export const concernField = (i: number) => `concerns.${i}`;
export const questionField = (i: number) => `questions.${i}`;
export const childField = (i: number, key: 'firstName' | 'age') => `prospect.dependents.${i}.${key}`;

export type FieldKind = 'text' | 'multiline' | 'choice' | 'checkbox' | 'hidden';

export interface FormFieldSpec {
  name: string;
  kind: FieldKind;
  /** The intake schema's limit for the text (the PDF's MaxLen). */
  maxLength?: number;
}

const AGE_LENGTH = 3;
const YEARS_LENGTH = 3;

/** The fields the prospect fills in, in the form's order. Names are intake paths. */
export const PROSPECT_FIELDS: readonly FormFieldSpec[] = [
  { name: 'prospect.firstName', kind: 'text', maxLength: LIMITS.name },
  { name: 'prospect.lastName', kind: 'text', maxLength: LIMITS.name },
  { name: 'prospect.email', kind: 'text', maxLength: 254 },
  { name: 'prospect.phone', kind: 'text', maxLength: LIMITS.text },
  { name: 'prospect.age', kind: 'text', maxLength: AGE_LENGTH },
  { name: 'prospect.occupation', kind: 'text', maxLength: LIMITS.text },
  { name: 'prospect.city', kind: 'text', maxLength: LIMITS.text },
  { name: 'prospect.partner.firstName', kind: 'text', maxLength: LIMITS.name },
  { name: 'prospect.partner.lastName', kind: 'text', maxLength: LIMITS.name },
  { name: 'prospect.partner.age', kind: 'text', maxLength: AGE_LENGTH },
  ...Array.from({ length: CHILD_LINES }, (_, i) => [
    { name: childField(i, 'firstName'), kind: 'text' as const, maxLength: LIMITS.name },
    { name: childField(i, 'age'), kind: 'text' as const, maxLength: AGE_LENGTH },
  ]).flat(),
  { name: 'finances.investableAssets', kind: 'choice' },
  { name: 'finances.annualIncome', kind: 'choice' },
  { name: 'finances.monthlySavings', kind: 'choice' },
  ...GOALS.map((goal) => ({ name: goalField(goal), kind: 'checkbox' as const })),
  { name: FIELD.mostImportant, kind: 'choice' },
  { name: FIELD.urgentNeed, kind: 'multiline', maxLength: LIMITS.text },
  ...Array.from({ length: CONCERN_LINES }, (_, i) => ({
    name: concernField(i),
    kind: 'text' as const,
    maxLength: LIMITS.text,
  })),
  { name: FIELD.riskTolerance, kind: 'choice' },
  { name: FIELD.timeHorizonYears, kind: 'text', maxLength: YEARS_LENGTH },
  ...Array.from({ length: QUESTION_LINES }, (_, i) => ({
    name: questionField(i),
    kind: 'text' as const,
    maxLength: LIMITS.text,
  })),
];

/** Hidden fields: what the form carries back without showing it. */
export const HIDDEN_FIELDS: readonly FormFieldSpec[] = [
  { name: FIELD.version, kind: 'hidden' },
  { name: FIELD.prospectId, kind: 'hidden' },
  { name: FIELD.secret, kind: 'hidden' },
  { name: FIELD.locale, kind: 'hidden' },
  { name: FIELD.currency, kind: 'hidden' },
];

/** The meeting, when the advisor knows it: shown read-only, its data in hidden fields. */
export const KNOWN_MEETING_FIELDS: readonly FormFieldSpec[] = [
  { name: FIELD.meetingWhen, kind: 'text' },
  { name: FIELD.startsAt, kind: 'hidden' },
  { name: FIELD.timeZone, kind: 'hidden' },
  { name: FIELD.meetingFormat, kind: 'hidden' },
  { name: FIELD.meetingMinutes, kind: 'hidden' },
];

/** A blank form (no intake yet): the meeting is typed in. */
export const BLANK_MEETING_FIELDS: readonly FormFieldSpec[] = [
  { name: FIELD.startsAt, kind: 'text', maxLength: 16 },
  { name: FIELD.timeZone, kind: 'text', maxLength: 64 },
];

/**
 * Every field a form of this version has, whether or not its meeting was known. The secret is
 * not required: a blank form, or one made before secrets, has none (and so updates nobody).
 */
export const REQUIRED_FIELDS: readonly string[] = [
  ...HIDDEN_FIELDS,
  ...PROSPECT_FIELDS,
  { name: FIELD.startsAt },
  { name: FIELD.timeZone },
]
  .map((f) => f.name)
  .filter((name) => name !== FIELD.secret);

/** A form secret: 128 bits or more, base64url (made by the app layer, kept in prospect.json). */
export const FORM_SECRET = /^[A-Za-z0-9_-]{22,88}$/;

// ---------------------------------------------------------------------------------------------
// Money ranges: a prospect ticks a range, the intake keeps one number that stands for it.

export const MONEY_FIELDS = ['investableAssets', 'annualIncome', 'monthlySavings'] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export interface MoneyRange {
  /** The choice's export value, stable across languages. */
  id: string;
  min: number;
  /** Undefined for the open top range. */
  max?: number;
  /** The number the intake keeps: the middle of the range, or the bottom of the open one. */
  value: number;
}

const ranges = (bounds: readonly number[]): MoneyRange[] => {
  const short = (n: number) => (n >= 1e6 ? `${n / 1e6}m` : n >= 1e3 ? `${n / 1e3}k` : String(n));
  const out: MoneyRange[] = [];
  for (let i = 0; i <= bounds.length; i++) {
    const min = i === 0 ? 0 : (bounds[i - 1] as number);
    const max = bounds[i];
    if (max === undefined) out.push({ id: `${short(min)}-plus`, min, value: min });
    else
      out.push({
        id: i === 0 ? `under-${short(max)}` : `${short(min)}-${short(max)}`,
        min,
        max,
        value: (min + max) / 2,
      });
  }
  return out;
};

export const MONEY_RANGES: Readonly<Record<MoneyField, readonly MoneyRange[]>> = {
  investableAssets: ranges([50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000]),
  annualIncome: ranges([50_000, 100_000, 200_000, 500_000]),
  monthlySavings: ranges([500, 1_000, 2_500, 5_000]),
};

/** The range an amount the advisor already knows falls in (the top of a range belongs to the next). */
export function rangeFor(field: MoneyField, amount: number): MoneyRange {
  const list = MONEY_RANGES[field];
  return list.find((r) => r.max === undefined || amount < r.max) ?? (list[list.length - 1] as MoneyRange);
}

// ---------------------------------------------------------------------------------------------
// The form's words (templates/intake-form/<language>.json): data, checked when loaded.

const words = z.string().min(1).max(2000);
export const intakeFormCopySchema = z.strictObject({
  language: z.string().min(2),
  documentTitle: words,
  title: words,
  greeting: words,
  greetingBlank: words,
  intro: words,
  meeting: words,
  meetingWhen: words,
  meetingBlankStartsAt: words,
  meetingBlankTimeZone: words,
  sections: z.strictObject({
    about: words,
    family: words,
    finances: words,
    goals: words,
    urgent: words,
    concerns: words,
    risk: words,
    questions: words,
  }),
  hints: z.strictObject({ finances: words, goals: words, concerns: words, questions: words }),
  labels: z.strictObject({
    firstName: words,
    lastName: words,
    email: words,
    phone: words,
    age: words,
    occupation: words,
    city: words,
    partnerFirstName: words,
    partnerLastName: words,
    partnerAge: words,
    childFirstName: words,
    childAge: words,
    investableAssets: words,
    annualIncome: words,
    monthlySavings: words,
    mostImportant: words,
    urgentNeed: words,
    concern: words,
    question: words,
    riskTolerance: words,
    timeHorizonYears: words,
  }),
  goals: z.strictObject(Object.fromEntries(GOALS.map((g) => [g, words])) as Record<Goal, typeof words>),
  risk: z.strictObject(
    Object.fromEntries(RISK_TOLERANCES.map((r) => [r, words])) as Record<
      (typeof RISK_TOLERANCES)[number],
      typeof words
    >,
  ),
  ranges: z.strictObject({ under: words, between: words, over: words }),
  choose: words,
  pageOf: words,
  footer: words,
  email: z.strictObject({ subject: words, body: words, meetingOn: words }),
});
export type IntakeFormCopy = z.output<typeof intakeFormCopySchema>;

export function checkIntakeFormCopy(input: unknown): Checked<IntakeFormCopy> {
  const result = intakeFormCopySchema.safeParse(input);
  if (!result.success) return { ok: false, problems: describeIssues(result.error.issues) };
  return { ok: true, value: result.data };
}

/** `{name}` placeholders filled; unknown ones are left as they are. */
export function fillCopy(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

// ---------------------------------------------------------------------------------------------
// Reading: filled-in field values → an intake.

/** A field's value as read from a PDF: text (a text field, a choice) or ticked (a checkbox). */
export type FieldValue = string | boolean;

export interface FormReadOptions {
  /** Every copy the form could have been made with: a tool that fills a choice with its label is understood. */
  copies?: readonly IntakeFormCopy[];
}

export interface FormIntake {
  intake: Intake;
  /** The hidden prospect id, when the form was made for a prospect of the app. */
  prospectId?: string;
  /** The hidden form secret: only a form that carries the prospect's own secret may change them. */
  secret?: string;
}

const SINGLE_LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

/** A PDF reader ends lines with CR (Acrobat) or CRLF; the intake's newline is LF. */
function textOf(value: FieldValue | undefined, multiline: boolean): string | undefined {
  if (typeof value !== 'string') return undefined;
  const normalised = multiline ? value.replace(/\r\n?/g, '\n') : value.replace(SINGLE_LINE_BREAKS, ' ');
  return normalised.trim() === '' ? undefined : normalised;
}

const WHOLE_NUMBER = /^\d{1,4}$/;

interface Builder {
  input: Record<string, unknown>;
  problems: Problem[];
  /** Intake path (as formatPath writes it) → the form field it came from. */
  fieldOf: Map<string, string>;
}

function put(b: Builder, path: (string | number)[], value: unknown, field: string): void {
  let node = b.input;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string | number;
    const nextIsIndex = typeof path[i + 1] === 'number';
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string | number] = value;
  b.fieldOf.set(formatPath(path), field);
}

function wholeNumber(b: Builder, value: string | undefined, path: (string | number)[], field: string): void {
  if (value === undefined) return;
  const digits = value.trim();
  if (WHOLE_NUMBER.test(digits)) put(b, path, Number(digits), field);
  else b.problems.push({ path: field, message: notANumber(value) });
}

const notANumber = (value: string) =>
  `must be a whole number, like 52 (the form says "${[...value].slice(0, 40).join('')}")`;

/** The id a choice field holds: its export value, or the label any known copy gives it. */
function choiceId(
  value: string,
  ids: readonly string[],
  labels: (copy: IntakeFormCopy, id: string) => string[],
  copies: readonly IntakeFormCopy[],
): string | undefined {
  const v = value.trim();
  if (ids.includes(v)) return v;
  for (const copy of copies) for (const id of ids) if (labels(copy, id).includes(v)) return id;
  return undefined;
}

/**
 * The intake a filled form holds. Empty fields are left out (never invented); values go through
 * the intake schema, and every problem names the form field it is in.
 */
export function intakeFromFields(
  values: ReadonlyMap<string, FieldValue>,
  options: FormReadOptions = {},
): Checked<FormIntake> {
  const copies = options.copies ?? [];
  const b: Builder = { input: {}, problems: [], fieldOf: new Map() };
  const get = (name: string, multiline = false) => textOf(values.get(name), multiline);

  const locale = get(FIELD.locale);
  if (locale !== undefined) put(b, ['locale'], locale.trim(), FIELD.locale);

  for (const key of ['firstName', 'lastName', 'email', 'phone', 'occupation', 'city'] as const) {
    const v = get(`prospect.${key}`);
    if (v !== undefined) put(b, ['prospect', key], v, `prospect.${key}`);
  }
  // The schema names a missing first or last name: the prospect object is always there.
  b.input['prospect'] ??= {};
  wholeNumber(b, get('prospect.age'), ['prospect', 'age'], 'prospect.age');
  for (const key of ['firstName', 'lastName'] as const) {
    const v = get(`prospect.partner.${key}`);
    if (v !== undefined) put(b, ['prospect', 'partner', key], v, `prospect.partner.${key}`);
  }
  wholeNumber(b, get('prospect.partner.age'), ['prospect', 'partner', 'age'], 'prospect.partner.age');
  // Children: the lines filled in, in order (a skipped line is not a child).
  const dependents: Record<string, unknown>[] = [];
  for (let i = 0; i < CHILD_LINES; i++) {
    const name = get(childField(i, 'firstName'));
    const age = get(childField(i, 'age'));
    if (name === undefined && age === undefined) continue;
    const at = dependents.length;
    const entry: Record<string, unknown> = {};
    dependents.push(entry);
    b.fieldOf.set(formatPath(['prospect', 'dependents', at, 'firstName']), childField(i, 'firstName'));
    b.fieldOf.set(formatPath(['prospect', 'dependents', at]), childField(i, 'firstName'));
    if (name !== undefined) entry['firstName'] = name;
    if (age === undefined) continue;
    b.fieldOf.set(formatPath(['prospect', 'dependents', at, 'age']), childField(i, 'age'));
    if (WHOLE_NUMBER.test(age.trim())) entry['age'] = Number(age.trim());
    else b.problems.push({ path: childField(i, 'age'), message: notANumber(age) });
  }
  if (dependents.length) (b.input['prospect'] as Record<string, unknown>)['dependents'] = dependents;

  const currency = get(FIELD.currency);
  if (currency !== undefined) put(b, ['finances', 'currency'], currency.trim(), FIELD.currency);
  for (const key of MONEY_FIELDS) {
    const field = `finances.${key}`;
    const v = get(field);
    if (v === undefined) continue;
    const list = MONEY_RANGES[key];
    const shownIn = canonicalLocale(locale?.trim() ?? DEFAULT_LOCALE) ?? DEFAULT_LOCALE;
    const shownCurrency =
      currency !== undefined && isCurrencyCode(currency.trim()) ? currency.trim() : defaultCurrency(shownIn);
    const id = choiceId(
      v,
      list.map((r) => r.id),
      (copy, rid) => [rangeLabel(copy, shownIn, shownCurrency, list.find((r) => r.id === rid) as MoneyRange)],
      copies,
    );
    const range = list.find((r) => r.id === id);
    if (range) put(b, ['finances', key], range.value, field);
    else
      b.problems.push({
        path: field,
        message: `must be one of the form's ranges: ${list.map((r) => r.id).join(', ')}`,
      });
  }

  // Goals: the most important first, then the other ticked goals in the form's order.
  const goals: Goal[] = [];
  const most = get(FIELD.mostImportant);
  if (most !== undefined) {
    const id = choiceId(most, GOALS, (copy, g) => [copy.goals[g as Goal]], copies) as Goal | undefined;
    if (id) goals.push(id);
    else b.problems.push({ path: FIELD.mostImportant, message: `must be one of: ${GOALS.join(', ')}` });
  }
  for (const goal of GOALS) if (values.get(goalField(goal)) === true && !goals.includes(goal)) goals.push(goal);
  if (goals.length) put(b, ['goals'], goals, goals.length === 1 && most !== undefined ? FIELD.mostImportant : 'goals');
  else b.fieldOf.set('goals', 'goals');

  const urgent = get(FIELD.urgentNeed, true);
  if (urgent !== undefined) put(b, ['urgentNeed'], urgent, FIELD.urgentNeed);
  listOf(b, get, 'concerns', CONCERN_LINES, concernField);
  const risk = get(FIELD.riskTolerance);
  if (risk !== undefined) {
    const id = choiceId(risk, RISK_TOLERANCES, (copy, r) => [copy.risk[r as (typeof RISK_TOLERANCES)[number]]], copies);
    put(b, ['riskTolerance'], id ?? risk.trim(), FIELD.riskTolerance);
  }
  wholeNumber(b, get(FIELD.timeHorizonYears), ['timeHorizonYears'], FIELD.timeHorizonYears);
  listOf(b, get, 'questions', QUESTION_LINES, questionField);

  const meeting: Record<string, unknown> = {};
  b.input['meeting'] = meeting;
  const startsAt = get(FIELD.startsAt);
  // A person may type a space where ISO puts a T: "2026-12-03 14:00".
  if (startsAt !== undefined)
    put(b, ['meeting', 'startsAt'], startsAt.trim().replace(/^(\d{4}-\d{2}-\d{2})\s+(?=\d)/, '$1T'), FIELD.startsAt);
  else b.fieldOf.set('meeting.startsAt', FIELD.startsAt);
  const zone = get(FIELD.timeZone);
  if (zone !== undefined) put(b, ['meeting', 'timeZone'], zone.trim(), FIELD.timeZone);
  else b.fieldOf.set('meeting.timeZone', FIELD.timeZone);
  const format = get(FIELD.meetingFormat);
  if (format !== undefined) put(b, ['meeting', 'format'], format.trim(), FIELD.meetingFormat);
  wholeNumber(b, get(FIELD.meetingMinutes), ['meeting', 'minutes'], FIELD.meetingMinutes);

  const idText = get(FIELD.prospectId)?.trim();
  if (idText !== undefined && !PROSPECT_ID.test(idText))
    b.problems.push({ path: FIELD.prospectId, message: 'is not a prospect id of this app' });

  const result = intakeSchema.safeParse(b.input, { reportInput: true });
  const schemaProblems = result.success
    ? []
    : describeIssues(result.error.issues, fieldsOf(intakeSchema)).map((p) => ({
        ...p,
        path: b.fieldOf.get(p.path) ?? p.path,
      }));
  const problems = [...b.problems, ...schemaProblems.filter((p) => !b.problems.some((q) => q.path === p.path))];
  if (problems.length || !result.success) return { ok: false, problems };
  // A secret that is not one of ours is no secret: the form then changes no prospect (never an error).
  const secret = get(FIELD.secret)?.trim();
  return {
    ok: true,
    value: {
      intake: result.data,
      ...(idText !== undefined ? { prospectId: idText } : {}),
      ...(secret !== undefined && FORM_SECRET.test(secret) ? { secret } : {}),
    },
  };
}

function listOf(
  b: Builder,
  get: (name: string, multiline?: boolean) => string | undefined,
  key: 'concerns' | 'questions',
  lines: number,
  field: (i: number) => string,
): void {
  let n = 0;
  for (let i = 0; i < lines; i++) {
    const v = get(field(i));
    if (v === undefined) continue;
    put(b, [key, n], v, field(i));
    n++;
  }
}

/**
 * A range in words, short enough for a drop-down on a phone: "Under $50K", "$50K to $100K",
 * "$5M or more". The narrow no-break space French puts in numbers becomes a no-break space:
 * the standard font readers draw choices in (Helvetica) has the one, not the other.
 */
export function rangeLabel(copy: IntakeFormCopy, locale: string, currency: string, range: MoneyRange): string {
  const money = (n: number) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    })
      .format(n)
      .replace(/\u202F/g, '\u00A0');
  if (range.min === 0 && range.max !== undefined) return fillCopy(copy.ranges.under, { max: money(range.max) });
  if (range.max === undefined) return fillCopy(copy.ranges.over, { min: money(range.min) });
  return fillCopy(copy.ranges.between, { min: money(range.min), max: money(range.max) });
}

/**
 * What the advisor knows before the prospect fills the form: a whole intake, or the parts of a
 * draft that are valid (names, contact, meeting) when the intake is not complete yet.
 */
export interface KnownIntake {
  locale?: string;
  prospect: Partial<Intake['prospect']> & { firstName?: string; lastName?: string };
  finances?: Partial<Intake['finances']>;
  goals?: readonly Goal[];
  urgentNeed?: string | undefined;
  concerns?: readonly string[] | undefined;
  questions?: readonly string[] | undefined;
  riskTolerance?: Intake['riskTolerance'];
  timeHorizonYears?: number | undefined;
  meeting?: Intake['meeting'];
}

/** The valid parts of a draft (the intake screen's unsaved content): each kept only if the schema accepts it. */
export function knownFromDraft(draft: Record<string, unknown>): KnownIntake {
  const shape = (intakeSchema as unknown as { in: { shape: Record<string, z.ZodType> } }).in.shape;
  const pick = <T>(schema: z.ZodType | undefined, value: unknown): T | undefined => {
    if (value === undefined || !schema) return undefined;
    const r = schema.safeParse(value);
    return r.success ? (r.data as T) : undefined;
  };
  const prospectShape = (shape['prospect'] as unknown as { shape: Record<string, z.ZodType> }).shape;
  const rawProspect = (draft['prospect'] && typeof draft['prospect'] === 'object' ? draft['prospect'] : {}) as Record<
    string,
    unknown
  >;
  const prospect: Record<string, unknown> = {};
  for (const key of ['firstName', 'lastName', 'email', 'phone', 'age', 'occupation', 'city']) {
    const v = pick(prospectShape[key], rawProspect[key]);
    if (v !== undefined && v !== '') prospect[key] = v;
  }
  const known: KnownIntake = { prospect: prospect as KnownIntake['prospect'] };
  const locale = pick<string>(shape['locale'], draft['locale']);
  if (locale) known.locale = locale;
  const meeting = pick<Intake['meeting']>(shape['meeting'], draft['meeting']);
  if (meeting) known.meeting = meeting;
  return known;
}

const MERGED_OBJECTS = ['prospect', 'finances', 'meeting'] as const;

/**
 * A returned form over the prospect's intake: what the form says wins, what it does not carry
 * (notes, a fourth child, the partner's age left blank…) stays as the advisor had it. A range
 * that still holds the advisor's exact number keeps the number. `changed` lists the intake
 * fields whose value differs, for the advisor to see.
 */
export function mergeFormIntake(previous: Intake, fromForm: Intake): { merged: Intake; changed: string[] } {
  const merged: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(fromForm)) {
    if (value === undefined) continue;
    if ((MERGED_OBJECTS as readonly string[]).includes(key))
      merged[key] = { ...(previous[key as (typeof MERGED_OBJECTS)[number]] as object), ...(value as object) };
    else merged[key] = value;
  }
  const prospect = merged['prospect'] as Intake['prospect'];
  if (fromForm.prospect.partner && previous.prospect.partner)
    prospect.partner = { ...previous.prospect.partner, ...fromForm.prospect.partner };
  // The form shows the first lines of a list only: the items it had no line for are kept.
  const beyond = <T>(list: readonly T[] | undefined, lines: number) => list?.slice(lines) ?? [];
  if (fromForm.concerns && beyond(previous.concerns, CONCERN_LINES).length)
    merged['concerns'] = [...fromForm.concerns, ...beyond(previous.concerns, CONCERN_LINES)];
  if (fromForm.questions && beyond(previous.questions, QUESTION_LINES).length)
    merged['questions'] = [...fromForm.questions, ...beyond(previous.questions, QUESTION_LINES)];
  if (fromForm.prospect.dependents && beyond(previous.prospect.dependents, CHILD_LINES).length)
    prospect.dependents = [...fromForm.prospect.dependents, ...beyond(previous.prospect.dependents, CHILD_LINES)];
  const finances = merged['finances'] as Intake['finances'];
  for (const key of MONEY_FIELDS) {
    const before = previous.finances[key];
    const now = fromForm.finances[key];
    if (before !== undefined && now !== undefined && rangeFor(key, before).value === now) finances[key] = before;
  }
  const changed: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObject(a) && isObject(b)) {
      const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
      for (const k of keys)
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    } else changed.push(path);
  };
  walk(previous, merged, '');
  return { merged: merged as Intake, changed };
}

/** One change a returned form would make, as the advisor reads it: the intake field, before and after. */
export interface FormChange {
  field: string;
  before: string;
  after: string;
}

/** Contact details first (who the summary and follow-ups go to), then the rest in the intake's order. */
const CONTACT_FIRST = ['prospect.email', 'prospect.phone', 'prospect.firstName', 'prospect.lastName'];

function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function at(intake: unknown, path: string): unknown {
  let node = intake;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The changes `mergeFormIntake` found, old → new as text, contact details first. */
export function formChanges(previous: Intake | undefined, merged: Intake, changed: readonly string[]): FormChange[] {
  const rank = (field: string) => {
    const i = CONTACT_FIRST.indexOf(field);
    return i === -1 ? CONTACT_FIRST.length : i;
  };
  const ordered = changed.map((field, i) => ({ field, i })).sort((a, b) => rank(a.field) - rank(b.field) || a.i - b.i);
  return ordered.map(({ field }) => ({ field, before: shown(at(previous, field)), after: shown(at(merged, field)) }));
}

/** What the form shows already filled in for a known prospect (names, contact, meeting…). */
export function prefilledValues(intake: KnownIntake | undefined): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  if (!intake) return out;
  const set = (name: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') out.set(name, String(v));
  };
  const p = intake.prospect;
  set('prospect.firstName', p.firstName);
  set('prospect.lastName', p.lastName);
  set('prospect.email', p.email);
  set('prospect.phone', p.phone);
  set('prospect.age', p.age);
  set('prospect.occupation', p.occupation);
  set('prospect.city', p.city);
  set('prospect.partner.firstName', p.partner?.firstName);
  set('prospect.partner.lastName', p.partner?.lastName);
  set('prospect.partner.age', p.partner?.age);
  p.dependents?.slice(0, CHILD_LINES).forEach((d, i) => {
    set(childField(i, 'firstName'), d.firstName);
    set(childField(i, 'age'), d.age);
  });
  for (const key of MONEY_FIELDS) {
    const amount = intake.finances?.[key];
    if (amount !== undefined) out.set(`finances.${key}`, rangeFor(key, amount).id);
  }
  const [first] = intake.goals ?? [];
  if (first) out.set(FIELD.mostImportant, first);
  for (const goal of intake.goals ?? []) out.set(goalField(goal), true);
  set(FIELD.urgentNeed, intake.urgentNeed);
  intake.concerns?.slice(0, CONCERN_LINES).forEach((c, i) => set(concernField(i), c));
  intake.questions?.slice(0, QUESTION_LINES).forEach((q, i) => set(questionField(i), q));
  set(FIELD.riskTolerance, intake.riskTolerance);
  set(FIELD.timeHorizonYears, intake.timeHorizonYears);
  return out;
}

/** The form's language for a locale: its language subtag when there is copy for it, else English. */
export function formLanguage(locale: string, available: readonly string[]): string {
  const language = new Intl.Locale(locale).language;
  return available.includes(language) ? language : 'en';
}
