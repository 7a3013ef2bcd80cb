import fc from 'fast-check';
import { GOALS, MEETING_FORMATS, RISK_TOLERANCES, type IntakeInput } from '../../core/intake/intake';
import type { AdvisorInput } from '../../core/advisor/advisor';
import type { MeetingRecordInput } from '../../core/meeting/meeting';
import { LIMITS, MAX_COMBINING_RUN, UNITS_PER_CHARACTER, withoutInvisibles } from '../../core/text/text';
import { HOSTILE } from './samples';

export const LOCALES = [
  'en-US',
  'en-GB',
  'fr-FR',
  'fr-CA',
  'de-DE',
  'ja-JP',
  'zh-CN',
  'ko-KR',
  'ar-EG',
  'he-IL',
  'fa-IR',
  'hi-IN',
  'vi-VN',
  'es-MX',
  'pt-BR',
  'ru-RU',
];
export const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/St_Johns',
  'America/Havana',
  'Europe/Paris',
  'Europe/London',
  'Africa/Cairo',
  'Asia/Beirut',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'UTC',
];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clustersOf = (s: string) => [...graphemes.segment(s)].map((x) => x.segment);

const chars = (s: string) => fc.constantFrom(...clustersOf(s));
const word = (alphabet: string, maxLength = 12) => fc.string({ unit: chars(alphabet), minLength: 1, maxLength });

const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâçôûüïñøåæœßÉÀŁłŒ0123456789';
const CJK =
  '山田花子小明王民준김東京老後資金は足りるでしょうか子どもの大学費用を準備したい我们需要中文资料吗한국어로주세요';
const ARABIC = 'محمدالعليهلمدخراتيكافيةكيفتعملالرسوم';
const HEBREW = 'דודכהןאיךעובדיםהעמלות';
const DEVANAGARI = 'नमस्तेक्षत्रज्ञ';
const MARKS = '\u0300\u0301\u0302\u0303\u0308\u0323\u0327\u05B4\u05B8\u05BC\u0651\u064E\u093F\u0E31';

/**
 * Pieces of what a person types, and of what an attacker would: words in the scripts the app
 * prints (wrapping and font fallback), emoji sequences, letters with stacked accents (up to the
 * schema's limit), line breaks and tabs, markup and template syntax, bidi and zero-width
 * characters, C1 controls and DEL (the schema lets them through), and any Unicode grapheme.
 */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: word(LATIN).map((w) => `${w} `) },
  { weight: 2, arbitrary: word(CJK, 20) },
  { weight: 2, arbitrary: word(ARABIC).map((w) => `${w} `) },
  { weight: 1, arbitrary: word(HEBREW).map((w) => `${w} `) },
  { weight: 1, arbitrary: word(DEVANAGARI, 6) },
  { weight: 1, arbitrary: fc.constantFrom('می\u200Cخواهم ', 'क्\u200Dष') },
  { weight: 1, arbitrary: fc.constantFrom('👨‍👩‍👧‍👦', '🇫🇷', '🇯🇵', '👩🏽‍💻', '❤️‍🔥', '🏳️‍🌈', '🙂') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', 'e', 'o', 'ב', 'ع', 'क'),
        fc.array(fc.constantFrom(...MARKS), { minLength: 1, maxLength: MAX_COMBINING_RUN, size: 'max' }),
      )
      .map(([base, marks]) => base + marks.join('')),
  },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\t', '\n\n', '\r\n', '  ', ' \n ', '\u00A0', '\u2028') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ...HOSTILE,
      '</section>',
      '<!--',
      ']]>',
      '&amp;',
      '"',
      "'",
      '`',
      '\\',
      '{firstName}',
      '%s',
      '-->',
      '<x-pwn>',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u202E',
      '\u202A',
      '\u2066',
      '\u2069',
      '\u200B',
      '\u200E',
      '\u200F',
      '\u2060',
      '\uFEFF',
      '\u061C',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u0085', '\u009B', '\u007F', '\u0080', '\u009F') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
);

// The C0 controls the schema refuses: all but tab and newline (a CR only as part of CRLF).
// eslint-disable-next-line no-control-regex
const REFUSED_CONTROL = /[\u0000-\u0008\u000B-\u001F]/g;

/**
 * A text of at most `max` characters that the schema accepts, often exactly `max` long so that
 * every shortening path ("…", "+N more", 8 pt) is reached. A few pieces are repeated up to the
 * length drawn: a long text costs no more to generate than a short one. Characters are counted
 * as the schema counts them (grapheme clusters); the text also stays within the schema's
 * UTF-16 budget (UNITS_PER_CHARACTER per character).
 */
export function typed(max: number): fc.Arbitrary<string> {
  const length = fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 1, max }) },
    { weight: 1, arbitrary: fc.constant(max) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.min(max, 12) }) },
  );
  return fc.record({ pieces: fc.array(piece, { minLength: 1, maxLength: 12 }), length }).map(({ pieces, length }) => {
    const clean = pieces
      .map((p) => clustersOf(p.replace(/\r\n/g, '\n').replace(REFUSED_CONTROL, '')))
      .filter((p) => p.length > 0);
    if (clean.length === 0) return 'a';
    const out: string[] = [];
    let count = 0;
    let units = 0;
    for (let i = 0; count < length; i++) {
      const whole = clean[i % clean.length] as string[];
      const clusters = whole.length <= length - count ? whole : whole.slice(0, length - count);
      const next = clusters.join('');
      if (units + next.length > max * UNITS_PER_CHARACTER) break;
      out.push(next);
      count += clusters.length;
      units += next.length;
    }
    const text = out.join('');
    // Never blank: the schema refuses a required text that is only white space or only
    // invisible characters (zero-width, bidi marks).
    return withoutInvisibles(text).trim().length > 0 ? text : 'a';
  });
}

const list = (maxItemLength: number, maxItems: number) =>
  fc.array(typed(maxItemLength), { maxLength: maxItems, size: 'max' });

const pad = (n: number) => String(n).padStart(2, '0');
const localDateTime = fc
  .record({
    day: fc.integer({ min: 0, max: 365 * 12 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map(
    ({ day, hour, minute }) =>
      `${new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10)}T${pad(hour)}:${pad(minute)}`,
  );

export const intakeArbitrary: fc.Arbitrary<IntakeInput> = fc.record(
  {
    locale: fc.constantFrom(...LOCALES),
    prospect: fc.record(
      {
        firstName: typed(LIMITS.name),
        lastName: typed(LIMITS.name),
        age: fc.integer({ min: 0, max: 120 }),
        occupation: typed(LIMITS.text),
        city: typed(LIMITS.text),
        partner: fc.record(
          { firstName: typed(LIMITS.name), lastName: typed(LIMITS.name) },
          { requiredKeys: ['firstName'] },
        ),
        dependents: fc.array(
          fc.record(
            { firstName: typed(LIMITS.name), age: fc.integer({ min: 0, max: 30 }) },
            { requiredKeys: ['firstName'] },
          ),
          {
            maxLength: LIMITS.listItems,
            size: 'max',
          },
        ),
      },
      { requiredKeys: ['firstName', 'lastName'] },
    ),
    finances: fc.record(
      { investableAssets: fc.integer({ min: 0, max: 5e8 }), monthlySavings: fc.integer({ min: 0, max: 1e5 }) },
      { requiredKeys: [] },
    ),
    goals: fc.shuffledSubarray([...GOALS], { minLength: 1 }),
    urgentNeed: typed(LIMITS.text),
    concerns: list(LIMITS.text, LIMITS.listItems),
    riskTolerance: fc.constantFrom(...RISK_TOLERANCES),
    timeHorizonYears: fc.integer({ min: 0, max: 100 }),
    questions: list(LIMITS.text, LIMITS.listItems),
    meeting: fc.record(
      {
        startsAt: localDateTime,
        timeZone: fc.constantFrom(...ZONES),
        format: fc.constantFrom(...MEETING_FORMATS),
        minutes: fc.integer({ min: 10, max: 120 }),
      },
      { requiredKeys: ['startsAt', 'timeZone'] },
    ),
    notes: typed(LIMITS.longText),
  },
  { requiredKeys: ['prospect', 'goals', 'meeting'] },
);

export const preferredTimeArbitrary = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
  .map(({ h, m }) => `${pad(h)}:${pad(m)}`);

export const advisorArbitrary: fc.Arbitrary<AdvisorInput> = fc.record(
  {
    name: typed(LIMITS.name),
    title: typed(LIMITS.name),
    firm: typed(200),
    credentials: list(LIMITS.name, 20),
    email: fc.constant('advisor@example.com'),
    phone: typed(LIMITS.text),
    website: fc.oneof(fc.constant('https://advisor.example/'), typed(LIMITS.text)),
    disclosure: typed(LIMITS.longText),
    followUp: fc.record({
      preferredTime: preferredTimeArbitrary,
      holidays: fc.array(
        fc.integer({ min: 0, max: 365 * 13 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
        { maxLength: 30, size: 'max' },
      ),
    }),
  },
  { requiredKeys: ['name', 'firm', 'email', 'disclosure', 'followUp'] },
);

/**
 * A meeting record for any deck: the slides every deck has, questions with and without answers,
 * notes. `endedAt` is left out (it must follow the intake's start).
 */
export const meetingArbitrary: fc.Arbitrary<MeetingRecordInput> = fc.record(
  {
    shownSlideIds: fc.subarray(['title', 'what-we-heard', 'next-steps', 'closing']),
    questions: fc.array(
      fc.record({ text: typed(LIMITS.text), answer: typed(LIMITS.text) }, { requiredKeys: ['text'] }),
      { maxLength: LIMITS.listItems, size: 'max' },
    ),
    notes: typed(LIMITS.longText),
  },
  { requiredKeys: [] },
);
