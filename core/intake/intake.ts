// The Intake: what a prospect said before the first meeting (the CLI's intake.json and the
// intake screen's data). Strict: unknown keys are errors; every problem names its field.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { LIMITS, email, localeTag, text, textList } from '../text/text';
import { DEFAULT_LOCALE, defaultCurrency, isCurrencyCode } from '../locale/locale';
import { isTimeZone } from '../locale/time';
import { type Checked, describeIssues, fieldsOf } from '../validation';

export const GOALS = [
  'retirement',
  'education',
  'home',
  'estate',
  'tax',
  'protection',
  'business',
  'debt',
  'cashflow',
  'charity',
  'portfolio',
] as const;
export type Goal = (typeof GOALS)[number];

export const RISK_TOLERANCES = [
  'conservative',
  'moderately-conservative',
  'moderate',
  'moderately-aggressive',
  'aggressive',
] as const;
export type RiskTolerance = (typeof RISK_TOLERANCES)[number];

export const MEETING_FORMATS = ['in-person', 'video', 'webinar'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

const name = (required = true) => text(LIMITS.name, { required });
const age = z.number().int().min(0).max(120);
// Money is never negative; the upper bound only keeps projections finite.
const money = z.number().min(0).max(1e13);

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `YYYY-MM-DDTHH:mm[:ss]` that names a real calendar date and clock time. */
export function isRealLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m;
  // Luxon reads 24:00 as the next midnight; a person typing it made a mistake.
  if (Number(h) > 23) return false;
  const dt = DateTime.fromObject(
    { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s ?? 0) },
    { zone: 'UTC' },
  );
  return dt.isValid;
}

const person = {
  firstName: name(),
  lastName: name(),
};

export const meetingSchema = z.strictObject({
  startsAt: z
    .string()
    .refine((v) => LOCAL_DATE_TIME.test(v), 'must be a local date and time like 2026-12-03T14:00')
    .refine((v) => !LOCAL_DATE_TIME.test(v) || isRealLocalDateTime(v), 'is not a real date and time')
    // A first meeting is in this era: far years are typos, and Date cannot format all of them.
    .refine(
      (v) => !LOCAL_DATE_TIME.test(v) || (Number(v.slice(0, 4)) >= MIN_YEAR && Number(v.slice(0, 4)) <= MAX_YEAR),
      `must be in the years ${MIN_YEAR} to ${MAX_YEAR}`,
    ),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone like America/Los_Angeles'),
  format: z.enum(MEETING_FORMATS).default('in-person'),
  minutes: z.number().int().min(10).max(120).default(20),
});

export const intakeSchema = z
  .strictObject({
    locale: localeTag.default(DEFAULT_LOCALE),
    prospect: z.strictObject({
      ...person,
      email: email.optional(),
      phone: text(LIMITS.text).optional(),
      age: age.optional(),
      occupation: text(LIMITS.text).optional(),
      city: text(LIMITS.text).optional(),
      partner: z
        .strictObject({
          firstName: name(),
          lastName: name(false).optional(),
          email: email.optional(),
          age: age.optional(),
        })
        .optional(),
      dependents: z
        .array(z.strictObject({ firstName: name(), age: age.optional() }))
        .max(LIMITS.listItems, `has too many items: at most ${LIMITS.listItems}`)
        .optional(),
    }),
    finances: z
      .strictObject({
        currency: z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code like USD or EUR').optional(),
        investableAssets: money.optional(),
        annualIncome: money.optional(),
        monthlySavings: money.optional(),
      })
      .optional(),
    goals: z
      .array(z.enum(GOALS))
      .min(1, 'must list at least one goal')
      .superRefine(
        (goals, ctx) => {
          const seen = new Set<unknown>();
          goals.forEach((goal, i) => {
            if (seen.has(goal))
              ctx.addIssue({
                code: 'custom',
                input: goal,
                path: [i],
                message: `repeats "${String(goal)}" (each goal once, in order of priority)`,
              });
            seen.add(goal);
          });
        },
        // Also report repeats when another goal is misspelt: every problem, not just the first.
        { when: (payload) => Array.isArray(payload.value) },
      ),
    urgentNeed: text(LIMITS.text).optional(),
    concerns: textList(LIMITS.text).optional(),
    riskTolerance: z.enum(RISK_TOLERANCES).optional(),
    timeHorizonYears: z.number().int().min(0).max(100).optional(),
    questions: textList(LIMITS.text).optional(),
    meeting: meetingSchema,
    notes: text(LIMITS.longText).optional(),
  })
  .transform((intake) => ({
    ...intake,
    // Blank optional texts mean "not given".
    urgentNeed: intake.urgentNeed || undefined,
    finances: { ...intake.finances, currency: intake.finances?.currency ?? defaultCurrency(intake.locale) },
  }));

export type IntakeInput = z.input<typeof intakeSchema>;
export type Intake = z.output<typeof intakeSchema>;
export type Meeting = Intake['meeting'];

/** Checks an intake as read from a file: every problem, each naming its field. */
export function checkIntake(input: unknown): Checked<Intake> {
  const result = intakeSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: describeIssues(result.error.issues, fieldsOf(intakeSchema)) };
}
