// The Advisor's profile (advisor.json): who they are, their firm's colours and disclosure, and
// how they like follow-ups scheduled. Checked when read; every problem names its field.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { LIMITS, email, localeTag, text, textList } from '../text/text';
import { isTimeZone } from '../locale/time';
import { type Checked, describeIssues, fieldsOf } from '../validation';

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const isoDate = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v, { zone: 'UTC' }).isValid,
    'must be a real date like 2026-12-24',
  );

export const followUpPreferencesSchema = z.strictObject({
  preferredTime: z.string().regex(HH_MM, 'must be a time like 10:00 (24-hour HH:mm)').default('10:00'),
  // Several years of firm holidays can be listed, hence more than the usual 50 items.
  holidays: z.array(isoDate).max(1000, 'has too many items: at most 1000').default([]),
});

export const advisorSchema = z.strictObject({
  name: text(LIMITS.name, { required: true }),
  title: text(LIMITS.name).optional(),
  firm: text(200, { required: true }),
  credentials: textList(LIMITS.name, 20).optional(),
  email,
  phone: text(LIMITS.text).optional(),
  // Kept as typed; it only ever becomes a link when it is an https URL (see safeHttpsUrl).
  website: text(LIMITS.text).optional(),
  logo: text(1000).optional(),
  colors: z
    .strictObject({
      primary: z.string().regex(HEX_COLOR, 'must be a colour like #1F4E79'),
      accent: z.string().regex(HEX_COLOR, 'must be a colour like #C8A24A'),
    })
    .optional(),
  disclosure: text(LIMITS.longText, { required: true }),
  locale: localeTag.optional(),
  // Where the advisor works: a new prospect's meeting starts in this zone (the form's default).
  // Absent, the computer's own zone is used.
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone like America/Toronto').optional(),
  followUp: followUpPreferencesSchema.default({ preferredTime: '10:00', holidays: [] }),
});

export type AdvisorInput = z.input<typeof advisorSchema>;
export type Advisor = z.output<typeof advisorSchema>;
export type FollowUpPreferences = z.output<typeof followUpPreferencesSchema>;

export function checkAdvisor(input: unknown): Checked<Advisor> {
  const result = advisorSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: describeIssues(result.error.issues, fieldsOf(advisorSchema)),
  };
}

/** The URL as a link target only when it is a well-formed https URL; anything else stays text. */
export function safeHttpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
