// The intake form's model: what the advisor types (all text, as typed) ⇄ the intake file's
// shape. The same conversion makes the draft and the intake, so a draft reopens exactly as it
// was left, and the intake is checked by the CLI's own schema (core/intake/intake.ts).
import { GOALS, type Goal } from '../../../../core/intake/intake';

export interface DependentRow {
  key: number;
  firstName: string;
  age: string;
}

export interface TextRow {
  key: number;
  text: string;
}

export interface IntakeForm {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  age: string;
  occupation: string;
  city: string;
  partnerFirstName: string;
  partnerLastName: string;
  partnerEmail: string;
  partnerAge: string;
  dependents: DependentRow[];
  currency: string;
  investableAssets: string;
  annualIncome: string;
  monthlySavings: string;
  goals: Goal[];
  urgentNeed: string;
  concerns: TextRow[];
  riskTolerance: string;
  timeHorizonYears: string;
  questions: TextRow[];
  notes: string;
  locale: string;
  startsAt: string;
  timeZone: string;
  format: string;
  minutes: string;
}

let nextKey = 1;
export const rowKey = (): number => nextKey++;

export function emptyForm(timeZone: string, locale: string): IntakeForm {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    age: '',
    occupation: '',
    city: '',
    partnerFirstName: '',
    partnerLastName: '',
    partnerEmail: '',
    partnerAge: '',
    dependents: [],
    currency: '',
    investableAssets: '',
    annualIncome: '',
    monthlySavings: '',
    goals: [],
    urgentNeed: '',
    concerns: [],
    riskTolerance: '',
    timeHorizonYears: '',
    questions: [],
    notes: '',
    locale,
    startsAt: '',
    timeZone,
    format: 'in-person',
    minutes: '20',
  };
}

/**
 * A typed number: spaces, commas and apostrophes between digits are group separators
 * (250 000, 250,000, 250'000). Anything else stays text, so the schema names the field.
 */
export function parseNumber(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const compact = trimmed.replace(/(?<=\d)[\s\u00a0\u202f,'’_](?=\d{3}\b)/g, '');
  if (/^-?\d+(\.\d+)?$/.test(compact)) return Number(compact);
  // A decimal comma, as French and most of Europe write it (1 250,50): after the groups.
  if (/^-?\d+,\d{1,2}$/.test(compact)) return Number(compact.replace(',', '.'));
  return trimmed;
}

const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v);

function prune<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The form as an intake file: empty fields left out, blank rows dropped, numbers parsed. */
export function toIntake(form: IntakeForm): Record<string, unknown> {
  const partner = prune({
    firstName: opt(form.partnerFirstName),
    lastName: opt(form.partnerLastName),
    email: opt(form.partnerEmail),
    age: parseNumber(form.partnerAge),
  });
  const dependents = form.dependents
    .filter((d) => d.firstName.trim() !== '' || d.age.trim() !== '')
    .map((d) => prune({ firstName: d.firstName, age: parseNumber(d.age) }));
  const finances = prune({
    currency: opt(form.currency.trim().toUpperCase()),
    investableAssets: parseNumber(form.investableAssets),
    annualIncome: parseNumber(form.annualIncome),
    monthlySavings: parseNumber(form.monthlySavings),
  });
  const concerns = form.concerns.map((r) => r.text).filter((s) => s.trim() !== '');
  const questions = form.questions.map((r) => r.text).filter((s) => s.trim() !== '');
  return prune({
    locale: opt(form.locale.trim()),
    prospect: prune({
      firstName: form.firstName,
      lastName: form.lastName,
      email: opt(form.email),
      phone: opt(form.phone),
      age: parseNumber(form.age),
      occupation: opt(form.occupation),
      city: opt(form.city),
      partner: Object.keys(partner).length ? { firstName: '', ...partner } : undefined,
      dependents: dependents.length ? dependents : undefined,
    }),
    finances: Object.keys(finances).length ? finances : undefined,
    goals: form.goals,
    urgentNeed: opt(form.urgentNeed),
    concerns: concerns.length ? concerns : undefined,
    riskTolerance: opt(form.riskTolerance),
    timeHorizonYears: parseNumber(form.timeHorizonYears),
    questions: questions.length ? questions : undefined,
    meeting: prune({
      startsAt: form.startsAt,
      timeZone: form.timeZone.trim(),
      format: opt(form.format),
      minutes: parseNumber(form.minutes),
    }),
    notes: opt(form.notes),
  });
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** An intake or a draft (any shape a file may have) back into the form. */
export function fromIntake(value: unknown, fallback: IntakeForm): IntakeForm {
  const v = obj(value);
  const prospect = obj(v['prospect']);
  const partner = obj(prospect['partner']);
  const finances = obj(v['finances']);
  const meeting = obj(v['meeting']);
  const known = new Set<string>(GOALS);
  return {
    firstName: str(prospect['firstName']),
    lastName: str(prospect['lastName']),
    email: str(prospect['email']),
    phone: str(prospect['phone']),
    age: str(prospect['age']),
    occupation: str(prospect['occupation']),
    city: str(prospect['city']),
    partnerFirstName: str(partner['firstName']),
    partnerLastName: str(partner['lastName']),
    partnerEmail: str(partner['email']),
    partnerAge: str(partner['age']),
    dependents: list(prospect['dependents']).map((d) => ({
      key: rowKey(),
      firstName: str(obj(d)['firstName']),
      age: str(obj(d)['age']),
    })),
    currency: str(finances['currency']),
    investableAssets: str(finances['investableAssets']),
    annualIncome: str(finances['annualIncome']),
    monthlySavings: str(finances['monthlySavings']),
    goals: list(v['goals'])
      .filter((g): g is Goal => typeof g === 'string' && known.has(g))
      .filter((g, i, all) => all.indexOf(g) === i),
    urgentNeed: str(v['urgentNeed']),
    concerns: list(v['concerns']).map((c) => ({ key: rowKey(), text: str(c) })),
    riskTolerance: str(v['riskTolerance']),
    timeHorizonYears: str(v['timeHorizonYears']),
    questions: list(v['questions']).map((q) => ({ key: rowKey(), text: str(q) })),
    notes: str(v['notes']),
    locale: str(v['locale']) || fallback.locale,
    startsAt: str(meeting['startsAt']).slice(0, 16),
    timeZone: str(meeting['timeZone']) || fallback.timeZone,
    format: str(meeting['format']) || fallback.format,
    minutes: str(meeting['minutes']) || fallback.minutes,
  };
}
