// The fillable intake form as data: its fields (each named by the intake path it fills), their
// length limits, the money ranges and the numbers they stand for. Shared by the PDF maker and the
// reader so the two never drift. Beside it: the form's words (fillableFormCopy.ts), reading a
// returned form (fillableFormRead.ts), what is filled in ahead (fillableFormKnown.ts) and what a
// returned form changes (fillableFormChanges.ts).
import { GOALS, type Goal } from './intake';
import { LIMITS } from '../text/text';

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

const hidden = (...names: string[]): FormFieldSpec[] => names.map((name) => ({ name, kind: 'hidden' }));

/** Hidden fields: what the form carries back without showing it. */
export const HIDDEN_FIELDS: readonly FormFieldSpec[] = hidden(
  FIELD.version,
  FIELD.prospectId,
  FIELD.secret,
  FIELD.locale,
  FIELD.currency,
);

/** The meeting, when the advisor knows it: shown read-only, its data in hidden fields. */
export const KNOWN_MEETING_FIELDS: readonly FormFieldSpec[] = [
  { name: FIELD.meetingWhen, kind: 'text' },
  ...hidden(FIELD.startsAt, FIELD.timeZone, FIELD.meetingFormat, FIELD.meetingMinutes),
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

/** A field's value as read from a PDF: text (a text field, a choice) or ticked (a checkbox). */
export type FieldValue = string | boolean;
