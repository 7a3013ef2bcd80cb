// The fillable form's words (templates/fillableForm/<language>.json): data, checked when loaded,
// and the few places they are filled in (a money range, the language a locale gets).
import { z } from 'zod';
import { formatMoneyCompact } from '../charts/format';
import { GOALS, RISK_TOLERANCES, type Goal } from './intake';
import { type MoneyRange } from './fillableForm';
import { type Checked, describeIssues } from '../validation';

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

/**
 * A range in words, short enough for a drop-down on a phone: "Under $50K", "$50K to $100K",
 * "$5M or more". The narrow no-break space French puts in numbers becomes a no-break space:
 * the standard font readers draw choices in (Helvetica) has the one, not the other.
 */
export function rangeLabel(copy: IntakeFormCopy, locale: string, currency: string, range: MoneyRange): string {
  const money = (n: number) => formatMoneyCompact(locale, currency, n).replace(/\u202F/g, '\u00A0');
  if (range.min === 0 && range.max !== undefined) return fillCopy(copy.ranges.under, { max: money(range.max) });
  if (range.max === undefined) return fillCopy(copy.ranges.over, { min: money(range.min) });
  return fillCopy(copy.ranges.between, { min: money(range.min), max: money(range.max) });
}

/** The form's language for a locale: its language subtag when there is copy for it, else English. */
export function formLanguage(locale: string, available: readonly string[]): string {
  const language = new Intl.Locale(locale).language;
  return available.includes(language) ? language : 'en';
}
