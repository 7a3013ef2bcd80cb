// What the advisor already knows when sending the form (an intake, or the valid parts of a
// draft), and the fields it fills in ahead for the prospect.
import type { z } from 'zod';
import { intakeSchema, type Goal, type Intake } from './intake';
import {
  CHILD_LINES,
  CONCERN_LINES,
  FIELD,
  MONEY_FIELDS,
  QUESTION_LINES,
  childField,
  concernField,
  goalField,
  questionField,
  rangeFor,
  type FieldValue,
} from './fillableForm';

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
