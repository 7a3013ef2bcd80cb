// follow-up.ics: the follow-up as a calendar event the advisor imports into Google Calendar,
// Outlook or Apple Calendar. Built with the `ics` package (RFC 5545 escaping), then folded
// again here by octets; a pure function of its inputs, so the same build gives the same bytes.
import { createEvent, type EventAttributes } from 'ics';
import { DateTime } from 'luxon';
import type { Advisor } from '../../../core/advisor/advisor';
import { followUpEvent, type FollowUpCopy } from '../../../core/followUp/email';
import type { Intake } from '../../../core/intake/intake';
import { withoutInvisibles } from '../../../core/text/text';
import type { DeckPlan } from '../../../core/plan/planDeck';
import { loadFollowUpCopy } from './copy';
import { followUpIdFor } from './ids';

export const EVENT_MINUTES = 30;
export const PRODUCT_ID = '-//Advisor Deck//Follow-up//EN';

export interface FollowUpIcsInput {
  intake: Intake;
  /** Accepted for symmetry with the email builder; the event needs nothing from it today. */
  advisor?: Advisor;
  plan: DeckPlan;
  /** The meeting record: the event is stamped when the meeting ended, not when it was planned. */
  meeting?: { endedAt?: string | undefined } | undefined;
  /** The follow-up email's subject (FollowUpDraft.subject), quoted in the description. */
  subject: string;
  /** Copy per language; the shipped templates/followUp/copy by default. */
  copy?: Readonly<Record<string, FollowUpCopy>>;
}

// Intake and advisor text cannot hold controls other than tab and newline (core/text/text.ts), but
// this is the last line of defence for a line-based format: `ics` escapes \n and \r\n, not a
// lone \r, which some readers take as a line end. Tabs become spaces for the same reason.
// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F\t]/g, ' ');

// `ics` escapes SUMMARY and DESCRIPTION as TEXT (\\, ;, , and newlines) but writes an alarm's
// DESCRIPTION with newlines escaped only, so the rest of RFC 5545's TEXT escaping is done here.
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');

/** RFC 5545 §3.1: a line is at most 75 octets, not counting its CRLF. */
export const MAX_LINE_OCTETS = 75;

const utf8Octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * One content line folded at 75 octets of UTF-8 (RFC 5545 §3.1): the `ics` package folds at 75
 * code points, so a line of CJK reached 225 octets. A break falls between code points only (never
 * inside a multi-byte character or a surrogate pair); a continuation line starts with one space,
 * which counts toward its 75.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) as number;
    const units = codePoint > 0xffff ? 2 : 1;
    const size = utf8Octets(codePoint);
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    octets += size;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/**
 * The whole calendar folded by octets: `ics`'s own folds (CRLF then a tab) are undone first.
 * Its TEXT escaping turns every newline in a value into `\n` and `clean` turns tabs into spaces,
 * so a CRLF followed by white space can only be one of its folds.
 */
export function foldIcs(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map((line) => (line === '' ? line : foldLine(line))).join('\r\n');
}

/** When the meeting ended (else its planned start) as an instant: the event's DTSTAMP (never the clock, for stable output). */
export function meetingInstant(intake: Intake, meeting?: { endedAt?: string | undefined }): number {
  return DateTime.fromISO(meeting?.endedAt ?? intake.meeting.startsAt, { zone: intake.meeting.timeZone }).toMillis();
}

export function buildFollowUpIcs({
  intake,
  plan,
  meeting,
  subject,
  copy = loadFollowUpCopy(),
}: FollowUpIcsInput): string {
  // The event's words come from the same copy as the email's, in the prospect's language.
  const words = followUpEvent(intake, copy, subject);
  const start = Date.parse(plan.followUp.dueAt);
  // `timestamp` (DTSTAMP) is an option of ics that its type declarations leave out.
  const event: EventAttributes & { timestamp: number } = {
    // The follow-up's own id (prospect and meeting): a new due time updates the same event.
    uid: `${followUpIdFor(intake)}@advisor-deck`,
    productId: PRODUCT_ID,
    // UTC start: every calendar shows it at dueAt in the viewer's own zone, with no VTIMEZONE.
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: EVENT_MINUTES },
    timestamp: meetingInstant(intake, meeting),
    // SUMMARY is what a calendar lists: no bidi controls or zero-width characters (followUpEvent
    // takes them out of the name; the copy must not bring any either).
    title: withoutInvisibles(clean(words.title)),
    description: clean(words.description),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    alarms: [
      {
        action: 'display',
        description: escapeText(clean(words.alarm)),
        // "At the start of the event": `ics` tests each duration field for truthiness, so a
        // numeric 0 prints the invalid "TRIGGER:PT"; the string "0" prints TRIGGER:PT0M.
        trigger: { before: false, minutes: '0' as unknown as number },
      },
    ],
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw new Error(`could not build follow-up.ics: ${error?.message ?? 'no output'}`);
  return foldIcs(value);
}
