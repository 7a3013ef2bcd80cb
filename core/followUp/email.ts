// The follow-up email draft in the prospect's language (follow-up.eml's words): its copy per
// language, checked when loaded, and the text made from the plan and the meeting.
import { z } from 'zod';
import type { Advisor } from '../advisor/advisor';
import { safeHttpsUrl } from '../advisor/advisor';
import { clip, fill, formatLongDate } from '../locale/format';
import { GOALS, type Intake } from '../intake/intake';
import { fullName, greetingNames, householdName, pickLanguage } from '../locale/locale';
import { meetingQuestions } from '../meeting/questions';
import { withoutInvisibles } from '../text/text';
import { meetingDay } from '../meeting/held';
import type { DeckPlan, Slide } from '../plan/planDeck';
import { type Checked, describeIssues } from '../validation';

/**
 * The follow-up email a prospect receives 2 to 3 business days after the meeting: personal,
 * in their language, with the summary attached. Pure: the words and the addresses; the .eml
 * and the .ics are built from this by the services with mail and calendar libraries.
 */

export const followUpCopySchema = z.strictObject({
  language: z.string(),
  /** {firstName}, {topic}: the topic is a phrase from `topics`. */
  subject: z.string(),
  /** {firstName}, {topic}: the topic is the prospect's own words (their urgent need), quoted. */
  subjectQuoted: z.string(),
  topics: z.record(z.enum(GOALS), z.string()),
  fallbackTopic: z.string(),
  greeting: z.string(),
  thanks: z.string(),
  takeawaysIntro: z.string(),
  urgentTakeaway: z.string(),
  questionsIntro: z.string(),
  questionsIntroUnrecorded: z.string(),
  pendingAnswer: z.string(),
  nextStep: z.string(),
  attachment: z.string(),
  signOff: z.string(),
  eventTitle: z.string(),
  eventAlarm: z.string(),
  eventLabels: z.strictObject({ phone: z.string(), email: z.string(), subject: z.string(), draft: z.string() }),
  /** Words and phrases that make mail filters (and people) suspicious; never in a subject. */
  spamWords: z.array(z.string().min(1)),
});
export type FollowUpCopy = z.output<typeof followUpCopySchema>;

export function checkFollowUpCopy(input: unknown): Checked<FollowUpCopy> {
  const result = followUpCopySchema.safeParse(input);
  if (!result.success) return { ok: false, problems: describeIssues(result.error.issues) };
  return { ok: true, value: result.data };
}

/**
 * What the email needs from a meeting record (core/meeting/meeting.ts's MeetingRecord fits): the
 * questions asked with their answers, and which slides were shown.
 */
export interface RecordedMeeting {
  endedAt?: string | undefined;
  shownSlideIds?: readonly string[] | undefined;
  questions?: readonly { text: string; answer?: string | undefined }[] | undefined;
}

export interface FollowUpEmailInput {
  intake: Intake;
  advisor: Advisor;
  plan: DeckPlan;
  meeting?: RecordedMeeting | undefined;
  /** Copy per language tag (en, fr); falls back like the deck's copy (fr-CA → fr → en). */
  copy: Readonly<Record<string, FollowUpCopy>>;
}

export interface Mailbox {
  name: string;
  address: string;
}

export interface FollowUpDraft {
  locale: string;
  language: string;
  from: Mailbox;
  /** The prospect, when the intake has their email. */
  to?: Mailbox;
  /** Their partner, copied, when the intake has the partner's email. */
  cc?: Mailbox;
  /** One line: no line breaks, no exclamation marks, no shouting, no spam-trigger words. */
  subject: string;
  /** Plain text, lines separated by \n. */
  body: string;
  /** mailto: link with the subject and body (no attachment) for clients without .eml drafts. */
  mailto: string;
  /** The three key takeaways, as they appear in the body. */
  takeaways: string[];
  /** Words for the calendar event. */
  event: { title: string; alarm: string; description: string };
}

const TOPIC_CHARS = 60;
const SUBJECT_CHARS = 140;
const URGENT_CHARS = 240;

// Compiled once per phrase: a case-insensitive Unicode pattern costs about a millisecond to make,
// and every follow-up checks the same two dozen (a batch build makes hundreds). No `g` flag: test() keeps no state.
const wordPatterns = new Map<string, RegExp>();
const escaped = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const memo = (key: string, make: () => RegExp) => {
  let pattern = wordPatterns.get(key);
  if (!pattern) {
    pattern = make();
    if (wordPatterns.size >= 1000) wordPatterns.clear();
    wordPatterns.set(key, pattern);
  }
  return pattern;
};
const wordPattern = (phrase: string) =>
  memo(phrase, () => new RegExp(`(?<![\\p{L}\\p{N}])${escaped(phrase)}(?![\\p{L}\\p{N}])`, 'iu'));
/** Any of the words, as one pattern: it matches exactly when one of wordPattern(word) would (alternatives are tried at each place). */
const anyWordPattern = (phrases: readonly string[]) =>
  memo(
    `\u0000${phrases.join('\u0000')}`,
    () => new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(escaped).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
  );

/** Why a subject line would look like spam, or [] when it is fine. */
export function subjectProblems(subject: string, spamWords: readonly string[]): string[] {
  const problems: string[] = [];
  if (/[\r\n]/.test(subject)) problems.push('has a line break');
  if (/[!¡\u01C3\uFF01]/u.test(subject)) problems.push('has an exclamation mark');
  if (isShouting(subject)) problems.push('is written in capitals');
  // One pattern for all the words first (most subjects have none): the words one by one only to name them.
  if (spamWords.length > 0 && anyWordPattern(spamWords).test(subject))
    for (const word of spamWords)
      if (wordPattern(word).test(subject)) problems.push(`has the spam-trigger word "${word}"`);
  return problems;
}

/**
 * Capitals read as shouting: the whole text in capitals, or a word of five or more capital
 * letters. Acronyms people use about money (IRA, ETF, RRSP, CELI) stay fine.
 */
function isShouting(text: string): boolean {
  const letters = [...text].filter((c) => c.toLowerCase() !== c.toUpperCase());
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase());
  if (letters.length >= 4 && upper.length === letters.length) return true;
  return text.split(/[^\p{L}]+/u).some((w) => [...w].length >= 5 && w === w.toUpperCase() && w !== w.toLowerCase());
}

/** "MARIA" → "Maria", "JEAN-LUC" → "Jean-Luc"; a name typed in lower or mixed case is kept. */
function unshout(name: string, locale: string): string {
  const letters = [...name].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length < 3 || name !== name.toLocaleUpperCase(locale)) return name;
  return name
    .toLocaleLowerCase(locale)
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toLocaleUpperCase(locale));
}

// Line breaks and ordinary spaces fold to one space; no-break spaces (French « », 850 000 $) stay.
const oneLine = (s: string) => s.replace(/[ \t\n\v\f\r\u0085\u2028\u2029]+/g, ' ').replace(/^ | $/g, '');

/** The prospect's urgent need as a subject topic, when it is short and reads as a subject. */
function urgentTopic(urgentNeed: string | undefined, copy: FollowUpCopy): string | undefined {
  if (!urgentNeed) return undefined;
  // Invisible characters out first: "F\u200BREE" must not pass the spam words as something else.
  const topic = oneLine(withoutInvisibles(urgentNeed)).replace(/[\s.,;:…]+$/u, '');
  if (topic.length === 0 || [...topic].length > TOPIC_CHARS) return undefined;
  return subjectProblems(topic, copy.spamWords).length === 0 ? topic : undefined;
}

function shownSlides(plan: DeckPlan, meeting: RecordedMeeting | undefined): Slide[] {
  if (!meeting?.shownSlideIds) return plan.deck.slides;
  const shown = new Set(meeting.shownSlideIds);
  return plan.deck.slides.filter((s) => shown.has(s.id));
}

// What the prospect should keep, most specific first. The questions have their own part of
// the email; the next steps and the closing are what the email itself is about.
const TAKEAWAY_ORDER = [
  'urgent-need',
  'goal',
  'also-on-your-list',
  'fees',
  'how-we-work',
  'why-us',
  'what-we-heard',
  'title',
] as const;

function keyTakeaways(slides: readonly Slide[], intake: Intake, copy: FollowUpCopy): string[] {
  const out: string[] = [];
  for (const kind of TAKEAWAY_ORDER) {
    for (const slide of slides.filter((s) => s.layout === kind)) {
      const text =
        kind === 'urgent-need' && intake.urgentNeed
          ? (fill(copy.urgentTakeaway, { urgentNeed: clip(intake.urgentNeed, URGENT_CHARS) }) ?? slide.takeaway)
          : slide.takeaway;
      const line = oneLine(text);
      if (line && !out.includes(line)) out.push(line);
    }
  }
  return out.slice(0, 3);
}

/** Continuation lines of a list item line up under its text. */
const item = (bullet: string, text: string, indent = '  ') => `${bullet}${text.trim().split('\n').join(`\n${indent}`)}`;

function signature(advisor: Advisor): string[] {
  const credentials = advisor.credentials?.length ? `, ${advisor.credentials.join(', ')}` : '';
  const website = safeHttpsUrl(advisor.website);
  return [
    oneLine(`${advisor.name}${credentials}`),
    ...(advisor.title ? [oneLine(advisor.title)] : []),
    oneLine(advisor.firm),
    ...(advisor.phone ? [oneLine(advisor.phone)] : []),
    advisor.email,
    ...(website ? [website] : []),
  ];
}

/** RFC 6068: each part of the address and each field value percent-encoded; CRLF line ends. */
export function mailtoLink(to: string | undefined, subject: string, body: string, cc?: string): string {
  const encode = (a: string) =>
    `${encodeURIComponent(a.slice(0, a.lastIndexOf('@')))}@${encodeURIComponent(a.slice(a.lastIndexOf('@') + 1))}`;
  const address = to ? encode(to) : '';
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${address}?${cc ? `cc=${encode(cc)}&` : ''}subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

export function buildFollowUpDraft({
  intake,
  advisor,
  plan,
  meeting,
  copy: copies,
}: FollowUpEmailInput): FollowUpDraft {
  const locale = intake.locale;
  const language = pickLanguage(locale, Object.keys(copies));
  const copy = copies[language] as FollowUpCopy;
  const p = intake.prospect;
  // A couple is written to together ("Dear David and Priya"), the partner copied.
  const household = {
    ...p,
    firstName: unshout(p.firstName, locale),
    ...(p.partner ? { partner: { ...p.partner, firstName: unshout(p.partner.firstName, locale) } } : {}),
  };
  const firstName = oneLine(greetingNames(locale, household)).replace(/[!¡\u01C3\uFF01]/gu, '');
  const name = oneLine(fullName(locale, p.firstName, p.lastName));
  const meetingDate = formatLongDate(locale, meetingDay(intake, meeting));

  const goalTopic = intake.goals[0] ? copy.topics[intake.goals[0]] : copy.fallbackTopic;
  const quoted = urgentTopic(intake.urgentNeed, copy);
  const subjectLine = oneLine(
    (quoted
      ? fill(copy.subjectQuoted, { firstName, topic: quoted })
      : fill(copy.subject, { firstName, topic: goalTopic })) ?? goalTopic,
  );
  // A header: bidi controls and zero-width characters are taken out (the body keeps the name as typed).
  const subject = clip(oneLine(withoutInvisibles(subjectLine)), SUBJECT_CHARS);

  // Three, always: when few slides were shown, the rest come from the deck prepared for them.
  const takeaways = [
    ...new Set([
      ...keyTakeaways(shownSlides(plan, meeting), intake, copy),
      ...keyTakeaways(plan.deck.slides, intake, copy),
    ]),
  ].slice(0, 3);
  // Every question they asked, those sent before the meeting included.
  const asked = meetingQuestions(intake, meeting);
  const recorded = (meeting?.questions?.length ?? 0) > 0;
  const questionLines = !asked.length
    ? []
    : recorded
      ? [
          copy.questionsIntro,
          ...asked.map(
            (q) => `${item('• ', q.text)}\n${item('  ', q.answer?.trim() ? q.answer : copy.pendingAnswer, '  ')}`,
          ),
        ]
      : [copy.questionsIntroUnrecorded, ...asked.map((q) => item('• ', q.text))];

  const paragraphs = [
    fill(copy.greeting, { firstName }) ?? '',
    fill(copy.thanks, { meetingDate }) ?? copy.thanks,
    [copy.takeawaysIntro, ...takeaways.map((t) => item('• ', t))].join('\n'),
    ...(questionLines.length ? [questionLines.join('\n')] : []),
    fill(copy.nextStep, { topic: goalTopic }) ?? copy.nextStep,
    copy.attachment,
    [copy.signOff, ...signature(advisor)].join('\n'),
  ];
  const body = `${paragraphs.join('\n\n')}\n`;

  const to = p.email ? { name: oneLine(withoutInvisibles(name)), address: p.email } : undefined;
  const partnerName = p.partner
    ? oneLine(withoutInvisibles(fullName(locale, p.partner.firstName, p.partner.lastName ?? p.lastName)))
    : '';
  const cc =
    p.partner?.email && p.partner.email.toLowerCase() !== p.email?.toLowerCase()
      ? { name: partnerName, address: p.partner.email }
      : undefined;

  return {
    locale,
    language,
    from: { name: oneLine(withoutInvisibles(advisor.name)), address: advisor.email },
    ...(to ? { to } : {}),
    ...(cc ? { cc } : {}),
    subject,
    body,
    mailto: mailtoLink(to?.address, subject, body, cc?.address),
    takeaways,
    event: followUpEvent(intake, copies, subject),
  };
}

/** The calendar event's words: who to follow up with, how to reach them, what to send. */
export function followUpEvent(
  intake: Intake,
  copies: Readonly<Record<string, FollowUpCopy>>,
  subject: string,
): FollowUpDraft['event'] {
  const locale = intake.locale;
  const copy = copies[pickLanguage(locale, Object.keys(copies))] as FollowUpCopy;
  const p = intake.prospect;
  // The event's title and alarm show the names alone, as a header does: without invisible
  // characters. A couple is followed up together: both names, as on their deck and summary.
  const name = oneLine(withoutInvisibles(householdName(locale, p)));
  const labels = copy.eventLabels;
  const description = [
    ...(p.phone ? [`${labels.phone}: ${oneLine(p.phone)}`] : []),
    ...(p.email ? [`${labels.email}: ${p.email}`] : []),
    ...(p.partner?.email ? [`${labels.email}: ${p.partner.email}`] : []),
    `${labels.subject}: ${oneLine(subject)}`,
    labels.draft,
  ].join('\n');
  return {
    title: fill(copy.eventTitle, { fullName: name }) ?? name,
    alarm: fill(copy.eventAlarm, { fullName: name }) ?? name,
    description,
  };
}
