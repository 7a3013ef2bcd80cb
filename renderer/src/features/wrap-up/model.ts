// The wrap-up form as the advisor edits it, and the ways in and out of it: from the live
// meeting (or the meeting record of an earlier wrap-up), to the meeting:wrapUp input, and the
// problems the app layer returns mapped back to the fields they are about.
import type { ChannelInput, DeckSetup, MeetingFileProblem } from '../../../../core/api';
import type { LiveMeeting } from '../../../../core/meeting/live';
import type { DeckPlan } from '../../../../core/plan/planDeck';
import type { Problem } from '../../../../core/validation';

export interface QuestionRow {
  /** Stable across edits and removals: React keys and field ids. */
  key: string;
  text: string;
  answer: string;
  slideId?: string | undefined;
  /** The prospect sent it before the meeting (the intake's questions). */
  before?: boolean | undefined;
}

export interface WrapUpForm {
  questions: QuestionRow[];
  notes: string;
  /** YYYY-MM-DDTHH:mm, wall-clock time in the meeting's zone (a datetime-local value). */
  followUpAt: string;
}

/** What an earlier wrap-up wrote as meeting.json (core/meeting/meeting.ts), read loosely: it is only a starting point. */
export interface EarlierRecord {
  shownSlideIds: string[];
  questions: { text: string; answer?: string; slideId?: string; before?: boolean }[];
  notes: string;
}

/** What the screen loads before the form shows. */
export interface WrapUpData {
  setup: DeckSetup;
  plan: DeckPlan;
  live: LiveMeeting | null;
  /** What an earlier wrap-up of this meeting recorded (the live meeting is gone by then). */
  earlier: EarlierRecord | null;
  proposed: { dueAt: string; timeZone: string; local: string } | null;
  initial: WrapUpForm;
  /** The revision of the meeting's files it was loaded at: meeting:wrapUp sends it back. */
  revision: string;
  /** Meeting files that could not be read and were set aside. */
  problems: MeetingFileProblem[];
}

let nextKey = 0;
export const rowKey = (): string => `q${++nextKey}`;

/** One question however it is spaced or capitalised. */
const sameQuestion = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The questions the prospect sent before the meeting are rows too, each to answer: the closing
 * is built on their questions, and the summary lists them with the answers given. One asked
 * again in the meeting is that row, not two.
 */
export function formFromLive(
  live: LiveMeeting | null,
  earlier: EarlierRecord | null,
  proposedLocal: string,
  askedBefore: readonly string[] = [],
): WrapUpForm {
  const ahead = (listed: readonly { text: string }[]): QuestionRow[] => {
    const seen = new Set(listed.map((q) => sameQuestion(q.text)));
    return askedBefore
      .filter((text) => text.trim() !== '' && !seen.has(sameQuestion(text)))
      .map((text) => ({ key: rowKey(), text, answer: '', before: true }));
  };
  if (live) {
    return {
      questions: [
        ...live.questions.map((q) => ({ key: rowKey(), text: q.text, answer: '', slideId: q.slideId })),
        ...ahead(live.questions),
      ],
      notes: '',
      followUpAt: proposedLocal,
    };
  }
  if (earlier) {
    return {
      questions: [
        ...earlier.questions.map((q) => ({
          key: rowKey(),
          text: q.text,
          answer: q.answer ?? '',
          slideId: q.slideId,
          ...(q.before ? { before: true } : {}),
        })),
        ...ahead(earlier.questions),
      ],
      notes: earlier.notes,
      followUpAt: proposedLocal,
    };
  }
  return { questions: ahead([]), notes: '', followUpAt: proposedLocal };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function parseEarlierRecord(text: string): EarlierRecord | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) return null;
    const questions = Array.isArray(value['questions']) ? (value['questions'] as unknown[]) : [];
    return {
      shownSlideIds: Array.isArray(value['shownSlideIds'])
        ? (value['shownSlideIds'] as unknown[]).filter((s): s is string => typeof s === 'string')
        : [],
      questions: questions.flatMap((q) => {
        const row = (q ?? {}) as Record<string, unknown>;
        const text = str(row['text']);
        if (text === undefined) return [];
        const answer = str(row['answer']);
        const slideId = str(row['slideId']);
        return [
          {
            text,
            ...(answer ? { answer } : {}),
            ...(slideId ? { slideId } : {}),
            ...(row['before'] === true ? { before: true } : {}),
          },
        ];
      }),
      notes: str(value['notes']) ?? '',
    };
  } catch {
    return null;
  }
}

/** The window's own copy of what the advisor typed, so a reload loses nothing (like the intake's backup). */
const draftKey = (id: string) => `advisor-deck.wrap-up.${id}`;

export function readDraft(id: string, meetingStartedAt: string | null): WrapUpForm | null {
  try {
    const raw = sessionStorage.getItem(draftKey(id));
    if (!raw) return null;
    const draft = JSON.parse(raw) as { startedAt: string | null; form: WrapUpForm };
    // A draft of an earlier meeting is not this one's (a new meeting was presented since).
    if (meetingStartedAt !== null && draft.startedAt !== meetingStartedAt) return null;
    return { ...draft.form, questions: draft.form.questions.map((q) => ({ ...q, key: rowKey() })) };
  } catch {
    return null;
  }
}

/** After a refused wrap-up: the window's copy goes, so Reload shows what is saved. */
export function clearDraft(id: string): void {
  try {
    sessionStorage.removeItem(draftKey(id));
  } catch {
    // Storage off: there is no copy to clear.
  }
}

export function writeDraft(id: string, meetingStartedAt: string | null, form: WrapUpForm): void {
  try {
    sessionStorage.setItem(draftKey(id), JSON.stringify({ startedAt: meetingStartedAt, form }));
  } catch {
    // Storage full or off: the form still works, a reload just starts from the meeting again.
  }
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export type Prepared =
  | { ok: true; input: Omit<ChannelInput<'meeting:wrapUp'>, 'id'>; sent: QuestionRow[] }
  | { ok: false; errors: Map<string, string> };

/**
 * The input of meeting:wrapUp. Rows left entirely blank are dropped (an `Add question` pressed
 * once too often); a row with an answer but no question is a problem at its field.
 */
export function prepare(form: WrapUpForm, messages: { questionBlank: string; followUpRequired: string }): Prepared {
  const errors = new Map<string, string>();
  // A question they sent ahead and not answered here needs no record: the summary lists the
  // intake's questions anyway, as still to be answered.
  const sent = form.questions.filter((q) =>
    q.before ? q.answer.trim() !== '' : q.text.trim() !== '' || q.answer.trim() !== '',
  );
  for (const q of sent) if (q.text.trim() === '') errors.set(questionField(q.key), messages.questionBlank);
  if (!LOCAL.test(form.followUpAt)) errors.set('followUpAt', messages.followUpRequired);
  if (errors.size) return { ok: false, errors };
  return {
    ok: true,
    sent,
    input: {
      questions: sent.map((q) => ({
        text: q.text,
        ...(q.answer.trim() ? { answer: q.answer } : {}),
        ...(q.slideId ? { slideId: q.slideId } : {}),
        ...(q.before ? { before: true } : {}),
      })),
      ...(form.notes.trim() ? { notes: form.notes } : {}),
      followUpAt: form.followUpAt,
    },
  };
}

export const questionField = (key: string) => `question:${key}`;
export const answerField = (key: string) => `answer:${key}`;

/** The app layer's problems at their fields; the rest (advisor profile, intake) listed apart. */
export function problemsByField(
  problems: readonly Problem[],
  sent: readonly QuestionRow[],
): { fields: Map<string, string>; other: Problem[] } {
  const fields = new Map<string, string>();
  const other: Problem[] = [];
  for (const p of problems) {
    const m = /^questions\[(\d+)\](?:\.(text|answer))?/.exec(p.path);
    const row = m ? sent[Number(m[1])] : undefined;
    let field: string | undefined;
    if (row) field = m?.[2] === 'answer' ? answerField(row.key) : questionField(row.key);
    else if (p.path === 'notes' || p.path === 'followUpAt') field = p.path;
    if (field && !fields.has(field)) fields.set(field, p.message);
    else if (!field) other.push(p);
  }
  return { fields, other };
}

/** meeting:file gives bytes as base64; the meeting record is UTF-8 JSON. */
export function utf8FromBase64(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
