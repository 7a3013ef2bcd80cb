import fc from 'fast-check';
import { GOALS, MEETING_FORMATS, RISK_TOLERANCES, type IntakeInput } from '../../core/intake';
import type { AdvisorInput } from '../../core/advisor';

const LOCALES = ['en-US', 'en-GB', 'fr-FR', 'fr-CA', 'de-DE', 'ja-JP', 'zh-CN', 'ar-EG', 'he-IL', 'vi-VN', 'es-MX', 'pt-BR'];
const ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/Paris', 'Australia/Sydney', 'Asia/Tokyo', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC', 'America/Sao_Paulo'];

/** Text a person could type: any Unicode except the rejected C0 controls, never blank. */
const typed = (maxLength: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength })
    // eslint-disable-next-line no-control-regex
    .map((s) => s.replace(/[\u0000-\u001F]/g, ''))
    .filter((s) => s.trim().length > 0);

const pad = (n: number) => String(n).padStart(2, '0');
const localDateTime = fc
  .record({ day: fc.integer({ min: 0, max: 365 * 12 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) })
  .map(({ day, hour, minute }) => `${new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10)}T${pad(hour)}:${pad(minute)}`);

export const intakeArbitrary: fc.Arbitrary<IntakeInput> = fc.record(
  {
    locale: fc.constantFrom(...LOCALES),
    prospect: fc.record(
      {
        firstName: typed(100),
        lastName: typed(100),
        age: fc.integer({ min: 0, max: 120 }),
        dependents: fc.array(fc.record({ firstName: typed(30), age: fc.integer({ min: 0, max: 30 }) }, { requiredKeys: ['firstName'] }), { maxLength: 6 }),
      },
      { requiredKeys: ['firstName', 'lastName'] },
    ),
    finances: fc.record({ investableAssets: fc.integer({ min: 0, max: 5e8 }), monthlySavings: fc.integer({ min: 0, max: 1e5 }) }, { requiredKeys: [] }),
    goals: fc.shuffledSubarray([...GOALS], { minLength: 1 }),
    urgentNeed: typed(400),
    concerns: fc.array(typed(200), { maxLength: 50 }),
    riskTolerance: fc.constantFrom(...RISK_TOLERANCES),
    timeHorizonYears: fc.integer({ min: 0, max: 100 }),
    questions: fc.array(typed(200), { maxLength: 50 }),
    meeting: fc.record(
      { startsAt: localDateTime, timeZone: fc.constantFrom(...ZONES), format: fc.constantFrom(...MEETING_FORMATS), minutes: fc.integer({ min: 10, max: 120 }) },
      { requiredKeys: ['startsAt', 'timeZone'] },
    ),
  },
  { requiredKeys: ['prospect', 'goals', 'meeting'] },
);

export const advisorArbitrary: fc.Arbitrary<AdvisorInput> = fc.record({
  name: typed(100),
  firm: typed(200),
  credentials: fc.array(typed(20), { maxLength: 5 }),
  email: fc.constant('advisor@example.com'),
  disclosure: typed(500),
  followUp: fc.record({
    preferredTime: fc.record({ h: fc.integer({ min: 6, max: 20 }), m: fc.constantFrom(0, 15, 30, 45) }).map(({ h, m }) => `${pad(h)}:${pad(m)}`),
    holidays: fc.array(fc.integer({ min: 0, max: 365 * 13 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)), { maxLength: 30 }),
  }),
});
