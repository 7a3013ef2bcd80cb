// Reading a returned form: the filled-in field values (as the PDF reader found them) become an
// intake, through the intake schema, every problem naming the form field it is in.
import { GOALS, RISK_TOLERANCES, intakeSchema, type Goal, type Intake } from './intake';
import {
  CHILD_LINES,
  CONCERN_LINES,
  FIELD,
  FORM_SECRET,
  MONEY_FIELDS,
  MONEY_RANGES,
  QUESTION_LINES,
  childField,
  concernField,
  goalField,
  questionField,
  type FieldValue,
  type MoneyRange,
} from './fillableForm';
import { type IntakeFormCopy, rangeLabel } from './fillableFormCopy';
import { PROSPECT_ID } from '../prospect/prospect';
import { DEFAULT_LOCALE, canonicalLocale, defaultCurrency, isCurrencyCode } from '../locale/locale';
import { type Checked, type Problem, describeIssues, fieldsOf, formatPath } from '../validation';

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
