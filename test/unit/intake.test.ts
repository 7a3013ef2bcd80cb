import { describe, expect, it } from 'vitest';
import { checkIntake, type IntakeInput } from '../../core/intake/intake';
import { formatProblem } from '../../core/validation';
import { HOSTILE, sampleIntakeInput } from '../support/samples';

function problems(change: (i: Record<string, unknown> & IntakeInput) => void): string[] {
  const input = sampleIntakeInput() as Record<string, unknown> & IntakeInput;
  change(input);
  const result = checkIntake(input);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('intake schema', () => {
  it('accepts the sample and fills defaults', () => {
    const input = sampleIntakeInput();
    delete input.locale;
    delete input.finances;
    delete input.meeting.format;
    delete input.meeting.minutes;
    const result = checkIntake(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.locale).toBe('en-US');
    expect(result.value.meeting.format).toBe('in-person');
    expect(result.value.meeting.minutes).toBe(20);
    expect(result.value.finances.currency).toBe('USD');
  });

  it('accepts the smallest intake: names, one goal, a meeting', () => {
    const result = checkIntake({
      prospect: { firstName: 'A', lastName: 'B' },
      goals: ['tax'],
      meeting: { startsAt: '2026-12-03T09:30:15', timeZone: 'Europe/Paris' },
    });
    expect(result.ok).toBe(true);
  });

  it('reports every problem, not just the first, each naming its field', () => {
    const list = problems((i) => {
      delete (i.prospect as Partial<typeof i.prospect>).firstName;
      i.goals = [];
      i.meeting.timeZone = 'Nowhere/City';
    });
    expect(list).toEqual(
      expect.arrayContaining([
        'prospect.firstName: is required',
        'goals: must list at least one goal',
        'meeting.timeZone: must be an IANA time zone like America/Los_Angeles',
      ]),
    );
    expect(list).toHaveLength(3);
  });

  it('rejects unknown keys and suggests the right spelling', () => {
    const list = problems((i) => {
      (i.prospect as Record<string, unknown>)['firstname'] = 'Maria';
      i['goal'] = ['tax'];
    });
    expect(list).toContain('prospect.firstname: unknown field (did you mean "firstName"?)');
    expect(list).toContain('goal: unknown field (did you mean "goals"?)');
  });

  it('suggests spellings inside nested objects and lists too', () => {
    const list = problems((i) => {
      i.prospect.dependents = [{ firstname: 'Ana' } as never];
      i.meeting = { ...i.meeting, timezone: 'UTC' } as never;
    });
    expect(list).toContain('prospect.dependents[0].firstname: unknown field (did you mean "firstName"?)');
    expect(list).toContain('meeting.timezone: unknown field (did you mean "timeZone"?)');
  });

  it.each(['und', 'zh-Hant-TW', 'sr-Latn', 'en-150'])('accepts the language tag %s', (locale) => {
    expect(problems((i) => (i.locale = locale))).toEqual([]);
  });

  it.each(['EST5EDT', 'CET', 'Japan', 'UTC', 'Etc/GMT+12', 'America/Argentina/Buenos_Aires'])(
    'accepts the IANA time zone %s',
    (zone) => {
      expect(problems((i) => (i.meeting.timeZone = zone))).toEqual([]);
    },
  );

  it('rejects meeting years outside 1900 to 2200', () => {
    expect(problems((i) => (i.meeting.startsAt = '9999-12-30T14:00'))).toEqual([
      'meeting.startsAt: must be in the years 1900 to 2200',
    ]);
    expect(problems((i) => (i.meeting.startsAt = '0050-12-03T14:00'))).toEqual([
      'meeting.startsAt: must be in the years 1900 to 2200',
    ]);
  });

  it('counts characters as a person sees them: combining marks and emoji sequences are one each', () => {
    expect(problems((i) => (i.prospect.lastName = 'e\u0301'.repeat(100)))).toEqual([]);
    expect(problems((i) => (i.prospect.lastName = '👨‍👩‍👧‍👦'.repeat(100)))).toEqual([]);
    expect(problems((i) => (i.prospect.lastName = 'e\u0301'.repeat(101)))).toHaveLength(1);
  });

  it.each([
    ['prospect.firstName', (i: IntakeInput) => (i.prospect.firstName = '   '), 'must not be empty'],
    [
      'prospect.lastName',
      (i: IntakeInput) => (i.prospect.lastName = 'x'.repeat(101)),
      'is too long: 101 characters, at most 100',
    ],
    ['prospect.age', (i: IntakeInput) => (i.prospect.age = 121), 'must be at most 120'],
    ['prospect.age', (i: IntakeInput) => (i.prospect.age = -1), 'must be at least 0'],
    [
      'prospect.email',
      (i: IntakeInput) => (i.prospect.email = 'maria@'),
      'must be an email address like name@example.com',
    ],
    [
      'prospect.dependents[0].age',
      (i: IntakeInput) => (i.prospect.dependents = [{ firstName: 'Ana', age: 12.5 }]),
      'must be a whole number',
    ],
    [
      'finances.currency',
      (i: IntakeInput) => (i.finances = { currency: 'XYZ' }),
      'must be an ISO 4217 currency code like USD or EUR',
    ],
    ['finances.monthlySavings', (i: IntakeInput) => (i.finances = { monthlySavings: -5 }), 'must be at least 0'],
    [
      'goals[1]',
      (i: IntakeInput) => (i.goals = ['tax', 'tax']),
      'repeats "tax" (each goal once, in order of priority)',
    ],
    ['goals[0]', (i: IntakeInput) => (i.goals = ['yacht' as 'tax']), 'must be one of'],
    ['riskTolerance', (i: IntakeInput) => (i.riskTolerance = 'reckless' as 'moderate'), 'must be one of'],
    [
      'concerns',
      (i: IntakeInput) => (i.concerns = Array.from({ length: 51 }, (_, n) => `c${n}`)),
      'has too many items: at most 50',
    ],
    [
      'questions[0]',
      (i: IntakeInput) => (i.questions = ['y'.repeat(2001)]),
      'is too long: 2001 characters, at most 2000',
    ],
    ['notes', (i: IntakeInput) => (i.notes = 'n'.repeat(5001)), 'is too long: 5001 characters, at most 5000'],
    ['notes', (i: IntakeInput) => (i.notes = 'n'.repeat(80_000)), 'is too long: 80000 characters, at most 5000'],
    [
      'prospect.firstName',
      (i: IntakeInput) => (i.prospect.firstName = `a${'\u0301'.repeat(200_000)}`),
      'has 200000 combining marks in a row',
    ],
    ['notes', (i: IntakeInput) => (i.notes = 'bell\u0007'), 'contains a control character'],
    ['urgentNeed', (i: IntakeInput) => (i.urgentNeed = 'a\u001bb'), 'contains a control character'],
    ['urgentNeed', (i: IntakeInput) => (i.urgentNeed = 'x\ud800y'), 'lone surrogate'],
    ['meeting.startsAt', (i: IntakeInput) => (i.meeting.startsAt = '2026-02-30T10:00'), 'is not a real date and time'],
    ['meeting.startsAt', (i: IntakeInput) => (i.meeting.startsAt = '2026-12-03T24:00'), 'is not a real date and time'],
    [
      'meeting.startsAt',
      (i: IntakeInput) => (i.meeting.startsAt = '2026-12-03 14:00'),
      'must be a local date and time',
    ],
    [
      'meeting.startsAt',
      (i: IntakeInput) => (i.meeting.startsAt = '2026-12-03T14:00Z'),
      'must be a local date and time',
    ],
    ['meeting.timeZone', (i: IntakeInput) => (i.meeting.timeZone = 'PST'), 'must be an IANA time zone'],
    [
      'meeting.format',
      (i: IntakeInput) => (i.meeting.format = 'phone' as 'video'),
      'must be one of: in-person, video, webinar',
    ],
    ['meeting.minutes', (i: IntakeInput) => (i.meeting.minutes = 9), 'must be at least 10'],
    ['meeting.minutes', (i: IntakeInput) => (i.meeting.minutes = 121), 'must be at most 120'],
    ['locale', (i: IntakeInput) => (i.locale = 'not a locale'), 'must be a language tag'],
  ])('%s: rejects a bad value', (path, change, message) => {
    const list = problems(change);
    expect(
      list.some((p) => p.startsWith(`${path}: `) && p.includes(message)),
      list.join('\n'),
    ).toBe(true);
  });

  it('accepts a leap day and rejects a day that does not exist', () => {
    expect(problems((i) => (i.meeting.startsAt = '2028-02-29T10:00'))).toEqual([]);
    expect(problems((i) => (i.meeting.startsAt = '2027-02-29T10:00'))).toHaveLength(1);
  });

  it('accepts any Unicode text: accents, CJK, RTL, apostrophes and markup-like text', () => {
    for (const name of [
      'Zoë',
      'Nguyễn Thị Minh Khai',
      '山田',
      'محمد',
      "D'Arcy",
      'Ωμέγα',
      'Жанна',
      ...HOSTILE.map((h) => h.slice(0, 100)),
    ]) {
      expect(problems((i) => ((i.prospect.firstName = name), (i.urgentNeed = name), (i.concerns = [name])))).toEqual(
        [],
      );
    }
  });

  it('keeps tabs, newlines and Windows line ends, trimming the edges', () => {
    const result = checkIntake({ ...sampleIntakeInput(), notes: '  line one\r\n\tline two  ' });
    expect(result.ok && result.value.notes).toBe('line one\n\tline two');
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(problems((i) => (i.prospect.firstName = '𠮷'.repeat(100)))).toEqual([]);
  });

  it('defaults the currency from the locale', () => {
    const currency = (locale: string) => {
      const r = checkIntake({ ...sampleIntakeInput(), locale, finances: {} });
      return r.ok ? r.value.finances.currency : r.problems;
    };
    expect(currency('fr-FR')).toBe('EUR');
    expect(currency('fr-CA')).toBe('CAD');
    expect(currency('en-GB')).toBe('GBP');
    expect(currency('ja-JP')).toBe('JPY');
    expect(currency('fr')).toBe('EUR');
  });

  it('canonicalises the locale tag', () => {
    const r = checkIntake({ ...sampleIntakeInput(), locale: 'FR-ca' });
    expect(r.ok && r.value.locale).toBe('fr-CA');
  });
});
