// Many different, valid intakes from the sample, the same on every call: the batch build's
// tests and benchmark. Names in several scripts (so the summary loads its CJK, Arabic and Hebrew
// faces), goals in different numbers and orders, locales, meeting formats and times, with or
// without an email (the prospect id then comes from the names and the meeting).
import { GOALS, MEETING_FORMATS, RISK_TOLERANCES, type IntakeInput } from '../../core/intake/intake';
import { sampleIntakeInput } from './samples';

const PEOPLE: readonly [string, string][] = [
  ['Maria', 'Lopez'],
  ['Hélène', 'Tremblay'],
  ['Marcus', 'Okafor'],
  ['Yuki', 'Sato'],
  ['Omar', 'Haddad'],
  ['Priya', 'Nair'],
  ['Liam', 'Murphy'],
  ['Sofía', 'García'],
  ['Chen', 'Wang'],
  ['Amara', 'Diallo'],
  ['花子', '山田'],
  ['민준', '김'],
  ['伟', '李'],
  ['محمد', 'العلي'],
  ['דוד', 'כהן'],
  ['Zoë', 'Ørsted'],
  ['Łukasz', 'Nowak'],
  ['Nguyễn', 'Thị Lan'],
  ['Björn', 'Müller'],
  ['Ana', 'Silva'],
];
const LOCALES = [
  'en-US',
  'en-GB',
  'en-CA',
  'fr-FR',
  'fr-CA',
  'de-DE',
  'es-MX',
  'ja-JP',
  'zh-CN',
  'ar-EG',
  'he-IL',
  'pt-BR',
];
const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Toronto',
  'Europe/Paris',
  'Europe/London',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const CONCERNS = [
  'Am I on track to retire at 62?',
  'Will the college costs derail our plans?',
  'How do we pay less tax on the sale of the business?',
  'Est-ce que nous pouvons aider nos enfants à acheter un logement ?',
  '老後の資金は足りるでしょうか',
  'Do we have enough insurance if something happens to one of us?',
];

/** `count` intakes, each valid and each a different prospect (its own email or names and meeting). */
export function variedIntakes(count: number): IntakeInput[] {
  return Array.from({ length: count }, (_, i) => {
    const intake = sampleIntakeInput();
    const [firstName, lastName] = PEOPLE[i % PEOPLE.length] as [string, string];
    const round = Math.floor(i / PEOPLE.length);
    intake.locale = LOCALES[(i * 7) % LOCALES.length] as string;
    intake.prospect = {
      ...intake.prospect,
      firstName,
      lastName: round === 0 ? lastName : `${lastName}-${round}`,
      age: 30 + ((i * 13) % 40),
    };
    // One in five has no email: the id comes from the names and the meeting time.
    if (i % 5 === 4) delete intake.prospect.email;
    else intake.prospect.email = `prospect${i}@example.com`;
    const goals = GOALS.filter((_, g) => (i + g) % 3 !== 0).slice(0, 1 + (i % 4));
    intake.goals = i % 2 ? goals.reverse() : goals;
    intake.riskTolerance = RISK_TOLERANCES[i % RISK_TOLERANCES.length];
    intake.timeHorizonYears = 3 + (i % 25);
    intake.concerns = [
      CONCERNS[i % CONCERNS.length] as string,
      ...(i % 3 ? [CONCERNS[(i + 1) % CONCERNS.length] as string] : []),
    ];
    intake.finances = {
      ...intake.finances,
      investableAssets: 50_000 + i * 37_000,
      monthlySavings: 500 + (i % 9) * 250,
    };
    const day = 1 + (i % 28);
    intake.meeting = {
      ...intake.meeting,
      startsAt: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(9 + (i % 8)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      timeZone: ZONES[i % ZONES.length] as string,
      format: MEETING_FORMATS[i % MEETING_FORMATS.length],
      minutes: [20, 30, 45, 60][i % 4] as number,
    };
    return intake;
  });
}
