// The words and the structure of the one-page summary a prospect receives after the meeting.
// Pure: the same inputs give the same content. Measuring and drawing live in the summary
// service; this decides what is said, in which order, and what may be shortened to fit. Its
// words come from copy.ts, its colours from colors.ts.
import { DateTime } from 'luxon';
import type { Advisor } from '../advisor/advisor';
import { safeHttpsUrl } from '../advisor/advisor';
import { type SummaryColors, summaryColors } from './colors';
import type { SummaryCopy } from './copy';
import { clip, fill, formatDayAndTime, formatList, formatLongDate, formatMoney } from '../locale/format';
import type { Intake } from '../intake/intake';
import { householdFirstNames, householdName, pickLanguage } from '../locale/locale';
import { meetingQuestions } from '../meeting/questions';
import type { MeetingRecord } from '../meeting/meeting';
import { meetingDay } from '../meeting/held';
import type { DeckPlan, Slide } from '../plan/planDeck';

/** Widths (Latin letters) of the advisor card's lines. */
const CARD = { name: 60, credentials: 90, firm: 90, line: 60, short: 40 } as const;

export type PageSize = 'LETTER' | 'A4';

/** Letter where people print on it (the United States and Canada), A4 everywhere else. */
export function pageSizeFor(locale: string): PageSize {
  const region = new Intl.Locale(locale).maximize().region;
  return region === 'US' || region === 'CA' ? 'LETTER' : 'A4';
}

/**
 * Text with the spans that should not be split across lines when they fit on one (a name, a
 * date): breaking "December 8" or "Côté-Lefèvre" makes it harder to read and to search.
 */
export interface SummaryText {
  text: string;
  keep?: [start: number, end: number][];
}

export interface SummaryItem extends SummaryText {
  /** Under the item, lighter: the answer to a question. */
  detail?: SummaryText;
  /** The detail says that an answer is still to come. */
  pending?: boolean;
}

export type BlockKind = 'paragraph' | 'bullets' | 'qa' | 'highlight';

export interface SummaryBlock {
  id: string;
  label?: string;
  kind: BlockKind;
  items: SummaryItem[];
  /** May be shortened (ellipsis, then "+N more") when the page is full. */
  shortenable: boolean;
}

export interface SummarySection {
  id: 'heard' | 'covered' | 'questions' | 'next';
  title: string;
  blocks: SummaryBlock[];
}

export interface SummaryContent {
  locale: string;
  language: string;
  page: PageSize;
  info: { title: string; author: string; subject: string; creationDate: string };
  colors: SummaryColors;
  header: { firm: string; kicker: string; preparedFor: SummaryText; meetingLine: SummaryText };
  heard: SummarySection;
  covered: SummarySection;
  questions?: SummarySection;
  next: SummarySection;
  advisor: {
    title: string;
    name: string;
    credentials?: string;
    role?: string;
    firm: string;
    email: string;
    phone?: string;
    website?: string;
    websiteUrl?: string;
  };
  hypothetical?: string;
  disclosure: string;
  /** "+{count} more": the line that replaces what did not fit. */
  more: string;
}

export interface SummaryInput {
  intake: Intake;
  advisor: Advisor;
  plan: DeckPlan;
  meeting?: MeetingRecord;
  /** Copy per language tag (en, fr); falls back like the deck's copy. */
  copy: Readonly<Record<string, SummaryCopy>>;
}

// Clipped by length before any measuring, so the worst case (50 questions with 2,000-character
// answers, 5,000-character notes) costs no more than what could ever fit on the page.
const CLIP = { urgent: 600, concern: 300, takeaway: 240, question: 400, answer: 700, notes: 1200 } as const;

/** Fills a template and remembers where each value landed, for the spans to keep whole. */
export function fillKeeping(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  keep: readonly string[],
): SummaryText {
  const spans: [number, number][] = [];
  let out = '';
  let last = 0;
  for (const m of template.matchAll(/\{([A-Za-z]+)\}/g)) {
    out += template.slice(last, m.index);
    const key = m[1] ?? '';
    const value = values[key] ?? '';
    if (keep.includes(key) && value) spans.push([out.length, out.length + value.length]);
    out += value;
    last = m.index + m[0].length;
  }
  out += template.slice(last);
  return spans.length ? { text: out, keep: spans } : { text: out };
}

const plain = (text: string): SummaryText => ({ text });

/**
 * clip() measures the whole text in graphemes; only the start of a 2,000-character answer can
 * show, so it is given a generous start (with a marker that it goes on) instead of all of it.
 */
function shorten(text: string, max: number): string {
  const head = text.slice(0, max + 64);
  if (head.length === text.length) return clip(text, max);
  const out = clip(head, max);
  return out.endsWith('…') ? out : clip(text, max);
}

/** The instant the summary is dated: the end of the meeting, else its start (never the clock). */
function creationInstant(intake: Intake, meeting: MeetingRecord | undefined): string {
  const local = meeting?.endedAt ?? intake.meeting.startsAt;
  return DateTime.fromISO(local, { zone: intake.meeting.timeZone }).toUTC().toISO() ?? '1970-01-01T00:00:00.000Z';
}

/** The slides the prospect saw: those the record lists (in deck order, once), else the whole deck. */
function shownSlides(plan: DeckPlan, meeting: MeetingRecord | undefined): Slide[] {
  const slides = plan.deck.slides;
  if (!meeting?.shownSlideIds) return slides;
  const shown = new Set(meeting.shownSlideIds);
  return slides.filter((s) => shown.has(s.id));
}

const percent = (locale: string, n: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n);

function hypotheticalNotice(
  slides: readonly Slide[],
  copy: SummaryCopy,
  locale: string,
  currency: string,
): string | undefined {
  const parts: string[] = [];
  for (const slide of slides) {
    const chart = slide.chart;
    if (chart?.kind === 'retirement') {
      const a = chart.projection.assumptions;
      parts.push(
        fill(copy.retirementAssumptions, {
          returns: formatList(
            locale,
            a.returns.map((r) => percent(locale, r)),
          ),
          inflation: percent(locale, a.inflation),
        }) ?? '',
      );
    } else if (chart?.kind === 'college') {
      const a = chart.projection.assumptions;
      parts.push(
        fill(copy.collegeAssumptions, {
          cost: formatMoney(locale, currency, a.annualCostToday),
          inflation: percent(locale, a.costInflation),
        }) ?? '',
      );
    }
  }
  if (parts.length === 0) return undefined;
  return [copy.hypothetical, ...new Set(parts.filter(Boolean))].join(' ');
}

export function buildSummary({ intake, advisor, plan, meeting, copy: copies }: SummaryInput): SummaryContent {
  const locale = intake.locale;
  const language = pickLanguage(locale, Object.keys(copies));
  const copy = copies[language] as SummaryCopy;
  const p = intake.prospect;
  // A couple receives one summary, addressed to both of them.
  const name = householdName(locale, p);
  const meetingDate = formatLongDate(locale, meetingDay(intake, meeting));
  const due = plan.followUp;
  const followUpDate = formatLongDate(
    locale,
    DateTime.fromISO(due.dueAt, { zone: due.timeZone }).toISODate() ?? due.dueAt.slice(0, 10),
  );
  const followUpTime = formatDayAndTime(locale, due.dueAt, due.timeZone).time;
  const values = {
    fullName: name,
    firstName: householdFirstNames(locale, p),
    advisorName: advisor.name,
    firm: advisor.firm,
    meetingDate,
    followUpDate,
    followUpTime,
  };
  const keepNames = ['fullName', 'firstName', 'advisorName', 'meetingDate', 'followUpDate', 'followUpTime'];
  const text = (template: string) => fillKeeping(template, values, keepNames);

  const slides = shownSlides(plan, meeting);

  const heard: SummarySection = {
    id: 'heard',
    title: copy.sections.heard,
    blocks: [
      {
        id: 'goals',
        label: copy.labels.goals,
        kind: 'paragraph',
        shortenable: false,
        items: [goalLine(intake.goals.map((g) => copy.goals[g]))],
      },
      ...(intake.urgentNeed
        ? [
            {
              id: 'urgent',
              label: copy.labels.urgent,
              kind: 'paragraph' as const,
              shortenable: true,
              items: [plain(shorten(intake.urgentNeed, CLIP.urgent))],
            },
          ]
        : []),
      ...(intake.concerns?.length
        ? [
            {
              id: 'concerns',
              label: copy.labels.concerns,
              kind: 'bullets' as const,
              shortenable: true,
              items: intake.concerns.map((c) => plain(shorten(c, CLIP.concern))),
            },
          ]
        : []),
    ],
  };

  // The next-steps and closing slides say what the next-steps section says better.
  const takeaways = [
    ...new Set(
      slides
        .filter((s) => s.layout !== 'next-steps' && s.layout !== 'closing')
        .map((s) => s.takeaway.trim())
        .filter(Boolean),
    ),
  ];
  const covered: SummarySection = {
    id: 'covered',
    title: copy.sections.covered,
    blocks: [
      {
        id: 'takeaways',
        kind: 'bullets',
        shortenable: true,
        items: (takeaways.length ? takeaways : [copy.coveredNone]).map((t) => plain(shorten(t, CLIP.takeaway))),
      },
    ],
  };

  // Their questions, those sent before the meeting included, each with its answer or a
  // promise to come back: the summary ends strong on what they asked.
  const answered = (meeting?.questions?.length ?? 0) > 0;
  const questionItems: SummaryItem[] = meetingQuestions(intake, meeting).map((q) => ({
    text: shorten(q.text, CLIP.question),
    ...(q.answer
      ? { detail: plain(shorten(q.answer, CLIP.answer)) }
      : answered
        ? { detail: plain(copy.unanswered), pending: true }
        : {}),
  }));
  const questions: SummarySection | undefined = questionItems.length
    ? {
        id: 'questions',
        title: copy.sections.questions,
        blocks: [{ id: 'questions', kind: 'qa', shortenable: true, items: questionItems }],
      }
    : undefined;

  const next: SummarySection = {
    id: 'next',
    title: copy.sections.next,
    blocks: [
      { id: 'follow-up', kind: 'highlight', shortenable: false, items: [text(copy.followUp)] },
      ...(copy.nextSteps.length
        ? [{ id: 'steps', kind: 'bullets' as const, shortenable: false, items: copy.nextSteps.map(text) }]
        : []),
      ...(meeting?.notes
        ? [
            {
              id: 'notes',
              label: copy.labels.notes,
              kind: 'paragraph' as const,
              shortenable: true,
              items: [plain(shorten(meeting.notes, CLIP.notes))],
            },
          ]
        : []),
    ],
  };

  const websiteUrl = safeHttpsUrl(advisor.website);
  const hypothetical = hypotheticalNotice(slides, copy, locale, plan.currency);

  return {
    locale,
    language,
    page: pageSizeFor(locale),
    info: {
      title: fill(copy.documentTitle, values) ?? name,
      author: advisor.name,
      subject: fill(copy.subject, values) ?? meetingDate,
      creationDate: creationInstant(intake, meeting),
    },
    colors: summaryColors(advisor.colors),
    header: {
      firm: clip(advisor.firm, CARD.firm),
      kicker: copy.kicker,
      preparedFor: text(copy.preparedFor),
      meetingLine: text(copy.meetingLine),
    },
    heard,
    covered,
    ...(questions ? { questions } : {}),
    next,
    // The card sits beside the next steps: each line is kept to a line or two, so a profile at
    // its limits (20 long credentials, a 2,000-character phone) cannot push the page over.
    advisor: {
      title: copy.sections.contact,
      name: clip(advisor.name, CARD.name),
      ...(advisor.credentials?.length ? { credentials: clip(advisor.credentials.join(', '), CARD.credentials) } : {}),
      ...(advisor.title ? { role: clip(advisor.title, CARD.line) } : {}),
      firm: clip(advisor.firm, CARD.firm),
      email: advisor.email,
      ...(advisor.phone ? { phone: clip(advisor.phone, CARD.short) } : {}),
      ...(advisor.website ? { website: clip(advisor.website, CARD.line) } : {}),
      ...(websiteUrl ? { websiteUrl } : {}),
    },
    ...(hypothetical ? { hypothetical } : {}),
    disclosure: advisor.disclosure,
    more: copy.more,
  };
}

/** "1. Retirement · 2. Education": numbered in the prospect's order, each goal kept whole. */
function goalLine(labels: readonly string[]): SummaryText {
  const keep: [number, number][] = [];
  let text = '';
  labels.forEach((label, i) => {
    if (i > 0) text += '\u00A0· '; // never a line starting with the dot
    const start = text.length;
    text += `${i + 1}. ${label}`;
    keep.push([start, text.length]);
  });
  return { text, keep };
}
