// The one contract between the app window and the main process (DESIGN.md, "Layers").
// The preload exposes one function per channel; main registers one handler per channel and
// validates every input against the channel's schema, because anything the renderer sends
// may have been shaped by text a prospect typed. Pure TypeScript: imported by both sides.
import { z } from 'zod';
import { FOLLOW_UP_ID, followUpSchema, followUpSettingsSchema } from './followUp/record';
import type { DeckPlan, DeckRecipe } from './plan/planDeck';
import type { Intake } from './intake/intake';
import type { FormChange } from './intake/fillableForm';
import type { Advisor } from './advisor/advisor';
import type { DeckChanges } from './plan/deckChanges';
import type { FollowUp } from './followUp/record';
import type { SummaryContent } from './summary/summary';
import { MEETING_FILES, MEETING_FOLDER, SENT_FILES, type LIVE_FILE, type MEETING_RECORD_FILE } from './dataFolder';
import { meetingEventSchema, type LiveMeeting } from './meeting/live';
import { SHARE_MODES, type ShareStatus } from './meeting/tabletShare';

export type ShareStartOutcome = { started: true; status: ShareStatus } | { started: false; problem: string };
import type { MeetingRecord } from './meeting/meeting';
import { LIMITS, text } from './text/text';
import { PROSPECT_ID, STORED_STATUSES, type ProspectSummary, type StoredStatus } from './prospect/prospect';
import type { KeptFile, RecordedFile, RecordEvent } from './records/recordLog';
import type { Problem } from './validation';

/**
 * What every handler answers: errors cross the process boundary as data, never as throws.
 * `code: 'stale'`: a save based on an older revision of what it changes, refused (StaleError).
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: 'stale' };

/**
 * A save that carries the revision it was based on, when that is no longer the revision on disk:
 * another window saved in between. Refused whole, so the newer data is never overwritten.
 */
export class StaleError extends Error {
  override name = 'StaleError';
  readonly code = 'stale' as const;
  constructor(message = 'This prospect changed in another window.') {
    super(message);
  }
}

/**
 * The revision a window's data was loaded at (a hash of the files it came from), sent back
 * with the save. Absent: the save is not checked (a new prospect, the CLI, scripts).
 */
const revision = z
  .string()
  .regex(/^[0-9a-f]{16,64}$/, 'must be a revision from the app')
  .optional();

const AppInfo = z.object({ name: z.string(), version: z.string() });
export type AppInfo = z.infer<typeof AppInfo>;

const followUpId = z.strictObject({ id: z.string().regex(FOLLOW_UP_ID) });
const followUpListItem = followUpSchema.omit({ subject: true, body: true });
const FollowUpPage = z.object({
  overdue: z.array(followUpListItem),
  today: z.array(followUpListItem),
  upcoming: z.array(followUpListItem),
  counts: z.object({ overdue: z.number(), today: z.number(), upcoming: z.number() }),
});
const sectionLimit = z.number().int().min(1).max(1_000_000).optional();
const instantWithOffset = z.string().max(40);
const prospectId = z.strictObject({ id: z.string().regex(PROSPECT_ID) });
/** A form's content as JSON: any object; the handler checks it with the intake or advisor schema. */
const formValue = z.record(z.string(), z.unknown());
/**
 * A file the advisor picked or dropped: a JSON intake read as text by the window, or a returned
 * intake form PDF as base64 `bytes` (at most 10 MB of PDF; the reader checks the size again).
 */
const droppedFile = z.union([
  z.strictObject({ name: z.string().max(300), text: z.string().max(1_100_000) }),
  z.strictObject({
    name: z.string().max(300),
    bytes: z
      .string()
      .max(Math.ceil((10 * 1024 * 1024) / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  }),
]);
/** The intake form's files in a prospect's folder. */
export const INTAKE_FORM_FILES = ['intake-form.pdf', 'intake-form.eml'] as const;
export type IntakeFormFile = (typeof INTAKE_FORM_FILES)[number];
export type IntakeFormOutcome =
  | { made: true; folder: string; files: string[] }
  | { made: false; reason: 'no-advisor'; problems: Problem[] };

/** What a reminder says, for an in-window notice. */
export interface Reminder {
  followUpId: string;
  title: string;
  body: string;
}

/**
 * Either saved, or every problem with its field; nothing is written when there is a problem.
 * `revision`: what a later save of the same window is based on (see StaleError).
 */
export type SaveOutcome<T> = { saved: true; value: T; revision?: string } | { saved: false; problems: Problem[] };
export type ImportOutcome =
  /**
   * `changed`: for a returned form of a prospect already here, the intake fields it changed (updated, not created).
   * `pending`: a returned form of a prospect here (its id and secret match) changes nothing yet:
   * what it would change, old → new, until the advisor answers with prospects:applyForm.
   * `unmatched`: a returned form naming a prospect whose id and secret do not both match one here, imported as a new prospect.
   */
  | {
      name: string;
      ok: true;
      prospect: ProspectSummary;
      updated?: boolean;
      changed?: string[];
      pending?: PendingFormChange;
      unmatched?: boolean;
    }
  | { name: string; ok: false; problems: Problem[] };
/** What a returned form would change in its prospect, held by the app until `Apply changes` or `Keep as it is`. */
export interface PendingFormChange {
  id: string;
  changes: FormChange[];
}
export const PENDING_FORM_ID = /^[0-9a-f]{32}$/;
export type ApplyFormOutcome =
  | { applied: true; prospect: ProspectSummary; changed: string[] }
  /** kept: the advisor said `Keep as it is`; unknown: no such change (answered already, or the app restarted); changed: the prospect changed since the import. */
  | { applied: false; reason: 'kept' | 'unknown' | 'changed'; prospect?: ProspectSummary }
  | { applied: false; reason: 'invalid'; problems: Problem[] };
/** A damaged file set aside (renamed, never deleted) and reported. */
export interface DataProblem {
  file: string;
  message: string;
}
/**
 * A meeting file of one prospect that could not be read: the meeting in progress
 * (meeting-live.json) or the record of a wrapped-up meeting (meetings/<meeting>/meeting.json).
 * `keptAs`: the name it was set aside under, beside it; null when it could not be renamed.
 */
export interface MeetingFileProblem {
  file: typeof LIVE_FILE | typeof MEETING_RECORD_FILE;
  meeting?: string;
  keptAs: string | null;
  message: string;
}
export interface ProspectDetail {
  summary: ProspectSummary;
  /** The saved intake.json as it is on disk, or null for a prospect still in draft. */
  intake: Record<string, unknown> | null;
  /** Unsaved form content, newer than the intake, or null. */
  draft: Record<string, unknown> | null;
  history: { at: string; event: string }[];
  /** The stage the advisor set (see prospects:setStatus). */
  stage: StoredStatus;
  /** The revision of the intake and the draft: saveDraft and save send it back. */
  revision: string;
}
export interface AdvisorProfile {
  /** advisor.json as it is on disk, or null before the advisor sets it up. */
  advisor: Record<string, unknown> | null;
  /** Problems of the file on disk; building is refused until there are none. */
  problems: Problem[];
  /** The logo as a data: URL, for the preview in Settings. */
  logo?: string;
}
export interface DeckPreview {
  plan: DeckPlan;
  /** The advisor's card as the slides show it (see templates/slides/context.ts). */
  advisor: {
    name: string;
    title?: string;
    firm: string;
    credentials: string[];
    email: string;
    phone?: string;
    website?: { text: string; href?: string };
    logo?: string;
  };
  /** CSS custom properties of the firm's colours, already contrast-checked. */
  themeVariables: Record<string, string>;
  /** Where the meeting files were written, for the advisor to find them. */
  folder: string;
  files: string[];
  warnings: Problem[];
}
/** What the deck builder and present mode need to plan and draw the deck in the window. */
export interface DeckSetup {
  intake: Intake;
  advisor: Advisor;
  recipe: DeckRecipe;
  changes: DeckChanges;
  look: { advisor: DeckPreview['advisor']; themeVariables: Record<string, string> };
  /** deck.json could not be used (damaged): the plan is shown without changes. */
  problem?: string;
  /** The revision of deck.json: deck:save sends it back. */
  revision: string;
}
export type DeckSetupOutcome =
  | { ready: true; value: DeckSetup }
  | { ready: false; reason: 'no-advisor' | 'no-intake'; problems: Problem[] };

/** Present mode in one call: the deck as planned now and the meeting started (or taken up again). */
export type PresentStart =
  | { ready: true; plan: DeckPlan; look: DeckSetup['look']; meeting: LiveMeeting; problems?: MeetingFileProblem[] }
  | Extract<DeckSetupOutcome, { ready: false }>;
export type WrapUpOutcome =
  | {
      done: true;
      folder: string;
      meeting: string;
      files: string[];
      followUp: FollowUp | null;
      summary: SummaryContent;
      warnings: Problem[];
      revision: string;
    }
  | { done: false; problems: Problem[] };

/** One entry of records/log.jsonl as the Records screen lists it. */
export interface RecordListItem {
  line: number;
  at: string;
  prospect: string;
  event: RecordEvent;
  files: RecordedFile[];
  kept: KeptFile[];
  /** SHA-256 of the entry's line (the next entry links to it). */
  hash: string;
}
/** What `records verify` says: the same lines as the CLI. */
export interface RecordsVerifyOutcome {
  intact: boolean;
  records: number;
  files: number;
  summary: string;
  problems: string[];
}
export type RecordsExportOutcome =
  | { exported: true; name: string; mime: string; base64: string; records: number; files: number }
  | ({ exported: false } & RecordsVerifyOutcome);
const recordsDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-12-07');

export type PreviewOutcome =
  | { built: true; value: DeckPreview }
  | { built: false; reason: 'no-advisor' | 'no-intake'; problems: Problem[] };

/**
 * The channel map. Channel names are `area:action` and stay the same string everywhere
 * (contract, handler, renderer call) so one search finds every end of a channel.
 * `input` is enforced by main; `output` documents and types what the handler returns.
 */
export const channels = {
  'app:info': { input: z.undefined(), output: AppInfo },
  /**
   * Open follow-ups as overdue, today and upcoming (in the machine's zone), without their
   * email's words: each section's first `limits` (all without one) and its count, plus the
   * follow-up `include` wherever it is.
   */
  'followups:list': {
    input: z
      .strictObject({
        limits: z.strictObject({ overdue: sectionLimit, today: sectionLimit, upcoming: sectionLimit }).optional(),
        include: followUpId.shape.id.optional(),
      })
      .optional(),
    output: FollowUpPage,
  },
  /** How many are overdue and due today: the navigation's count, without every record's text. */
  'followups:count': { input: z.undefined(), output: z.object({ overdue: z.number(), today: z.number() }) },
  'followups:snooze': {
    input: z.strictObject({
      id: followUpId.shape.id,
      until: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('hour') }),
        z.strictObject({ kind: z.literal('tomorrow') }),
        z.strictObject({ kind: z.literal('at'), at: instantWithOffset }),
      ]),
    }),
    output: followUpSchema,
  },
  'followups:reschedule': {
    input: z.strictObject({ id: followUpId.shape.id, dueAt: instantWithOffset }),
    output: followUpSchema,
  },
  'followups:complete': { input: followUpId, output: followUpSchema },
  'followups:cancel': { input: followUpId, output: followUpSchema },
  /**
   * Opens the follow-up's email (subject and body, no attachment) in the default mail app; a
   * host that cannot (the browser) answers the same email as a mailto: link to offer instead.
   */
  'followups:email': { input: followUpId, output: z.object({ opened: z.boolean(), mailto: z.string().optional() }) },
  /** Every prospect, soonest meeting first, and any damaged file that was set aside. */
  'prospects:list': {
    input: z.undefined(),
    output: z.custom<{ prospects: ProspectSummary[]; problems: DataProblem[] }>(),
  },
  'prospects:get': { input: prospectId, output: z.custom<ProspectDetail>() },
  /** Keeps what the advisor typed, valid or not; creates the prospect on the first keystroke. */
  'prospects:saveDraft': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID).optional(), draft: formValue, revision }),
    output: z.custom<ProspectSummary & { revision: string }>(),
  },
  /** Checks the form with the intake schema; writes intake.json only when it is valid. */
  'prospects:save': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID).optional(), intake: formValue, revision }),
    output: z.custom<SaveOutcome<ProspectSummary>>(),
  },
  /** Moves the prospect's folder to trash/; restore brings it back. */
  'prospects:delete': { input: prospectId, output: z.object({ trashId: z.string() }) },
  'prospects:restore': { input: z.strictObject({ trashId: z.string().max(200) }), output: z.custom<ProspectSummary>() },
  'prospects:discardDraft': { input: prospectId, output: z.custom<ProspectSummary | null>() },
  /** The stage the advisor sets by hand: still a prospect, met, became a client, closed. */
  'prospects:setStatus': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID), status: z.enum(STORED_STATUSES) }),
    output: z.custom<ProspectSummary>(),
  },
  /** JSON intakes, and returned intake form PDFs: one with the id of a prospect here updates that prospect. */
  'prospects:import': {
    input: z.strictObject({ files: z.array(droppedFile).min(1).max(500) }),
    output: z.custom<ImportOutcome[]>(),
  },
  /** A returned form's pending change (ImportOutcome.pending): `Apply changes` (apply) or `Keep as it is`. */
  'prospects:applyForm': {
    input: z.strictObject({ id: z.string().regex(PENDING_FORM_ID), apply: z.boolean() }),
    output: z.custom<ApplyFormOutcome>(),
  },
  /** `Send intake form`: writes prospects/<id>/intake-form.pdf and intake-form.eml (a draft with the form attached). */
  'prospects:intakeForm': { input: prospectId, output: z.custom<IntakeFormOutcome>() },
  /** One of the intake form's files, for a download (the browser). */
  'prospects:intakeFormFile': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID), name: z.enum(INTAKE_FORM_FILES) }),
    output: z.custom<{ name: string; mime: string; base64: string }>(),
  },
  /** Opens the intake form's email draft (or the PDF) with the system; false where the host cannot. */
  'prospects:intakeFormOpen': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID), name: z.enum(INTAKE_FORM_FILES) }),
    output: z.object({ opened: z.boolean() }),
  },
  /** Builds the meeting files into the prospect's folder and returns what the slides need. */
  'prospects:preview': { input: prospectId, output: z.custom<PreviewOutcome>() },
  'advisor:get': { input: z.undefined(), output: z.custom<AdvisorProfile>() },
  'advisor:save': { input: z.strictObject({ advisor: formValue }), output: z.custom<SaveOutcome<AdvisorProfile>>() },
  /** A PNG or JPEG the advisor picked, copied next to advisor.json; returns its file name. */
  'advisor:logo': {
    input: z.strictObject({ name: z.string().max(300), base64: z.string().max(3_000_000) }),
    output: z.custom<SaveOutcome<{ file: string; dataUrl: string }>>(),
  },
  /** Everything the builder needs to plan the deck live, in the window. */
  'deck:get': { input: prospectId, output: z.custom<DeckSetupOutcome>() },
  /** The advisor's changes (deck.json); checked like the CLI's --deck file. */
  'deck:save': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID), changes: formValue, revision }),
    output: z.custom<SaveOutcome<DeckChanges>>(),
  },
  /**
   * The meeting as wrap-up starts from it. `revision`: of the meeting in progress and the last
   * record, sent back by meeting:wrapUp. `problems`: meeting files that could not be read (set aside).
   */
  'meeting:get': {
    input: prospectId,
    output: z.custom<{
      live: LiveMeeting | null;
      proposedFollowUp: { dueAt: string; timeZone: string; local: string } | null;
      last: { meeting: string; record: MeetingRecord } | null;
      revision: string;
      problems: MeetingFileProblem[];
    }>(),
  },
  /** Present: starts the meeting, or comes back into the one under way. */
  'meeting:start': { input: prospectId, output: z.custom<LiveMeeting>() },
  /** Present mode's first call: the plan (made here, not in the window) and the meeting, at once. */
  'present:start': { input: prospectId, output: z.custom<PresentStart>() },
  /** A slide came on screen, or a question was caught: kept at once. */
  'meeting:record': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID), event: meetingEventSchema }),
    output: z.custom<LiveMeeting>(),
  },
  'meeting:end': { input: prospectId, output: z.custom<LiveMeeting>() },
  /** `Present on tablet`: serves this meeting's deck on the office network; the address and its QR code. */
  'share:start': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID), mode: z.enum(SHARE_MODES).optional() }),
    output: z.custom<ShareStartOutcome>(),
  },
  'share:stop': { input: prospectId, output: z.custom<ShareStatus>() },
  /** The share as it is; with `since`, once it differs from that version (or after a while). */
  'share:status': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID), since: z.number().int().min(0).optional() }),
    output: z.custom<ShareStatus>(),
  },
  /** Who drives: the tablet presents, or the tablet follows the laptop. */
  'share:mode': {
    input: z.strictObject({ id: z.string().regex(PROSPECT_ID), mode: z.enum(SHARE_MODES) }),
    output: z.custom<ShareStatus>(),
  },
  /** The advisor's answer to another device asking to see the meeting. */
  'share:answer': {
    input: z.strictObject({
      id: z.string().regex(PROSPECT_ID),
      device: z.string().regex(/^[a-f0-9]{16}$/),
      allow: z.boolean(),
    }),
    output: z.custom<ShareStatus>(),
  },
  /** Create summary and follow-up. */
  'meeting:wrapUp': {
    input: z.strictObject({
      id: z.string().regex(PROSPECT_ID),
      questions: z
        .array(
          z.strictObject({
            text: z.string().max(LIMITS.text * 12),
            answer: z
              .string()
              .max(LIMITS.text * 12)
              .optional(),
            slideId: z.string().max(64).optional(),
            before: z.boolean().optional(),
          }),
        )
        .max(LIMITS.listItems),
      notes: text(LIMITS.longText).optional(),
      followUpAt: z.string().max(20).optional(),
      revision,
    }),
    output: z.custom<WrapUpOutcome>(),
  },
  /** One of a meeting's files, for a download (the browser) or to hand to the system. */
  'meeting:file': {
    input: z.strictObject({
      id: z.string().regex(PROSPECT_ID),
      meeting: z.string().regex(MEETING_FOLDER),
      name: z.enum(MEETING_FILES),
    }),
    output: z.custom<{ name: string; mime: string; base64: string }>(),
  },
  /** Opens a meeting's file with the system (the .eml in the mail app), or its folder; false where the host cannot. */
  'meeting:open': {
    input: z.strictObject({
      id: z.string().regex(PROSPECT_ID),
      meeting: z.string().regex(MEETING_FOLDER),
      name: z.enum(SENT_FILES).optional(),
    }),
    output: z.object({ opened: z.boolean() }),
  },
  /** Books and records: the latest entries of records/log.jsonl (newest first, at most `limit`) and how many there are. */
  'records:list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(10_000).optional() }).optional(),
    output: z.custom<{ entries: RecordListItem[]; total: number; problems: string[] }>(),
  },
  /** `Verify records`: the chain and every recorded file, as `records verify` checks them. */
  'records:verify': { input: z.undefined(), output: z.custom<RecordsVerifyOutcome>() },
  /** `Export records`: verifies, then a zip of the files, the log slice and manifest.csv (base64, for a download). */
  'records:export': {
    input: z
      .strictObject({
        from: recordsDay.optional(),
        to: recordsDay.optional(),
        prospect: z.string().regex(PROSPECT_ID).optional(),
      })
      .optional(),
    output: z.custom<RecordsExportOutcome>(),
  },
  'settings:get': { input: z.undefined(), output: followUpSettingsSchema },
  'settings:set': { input: followUpSettingsSchema.partial(), output: followUpSettingsSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof channels;

/** Main → renderer: the advisor clicked a follow-up's reminder; show that follow-up. */
export const FOLLOW_UP_FOCUS_EVENT = 'followups:focus';

export type ChannelInput<C extends Channel> = z.infer<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<(typeof channels)[C]['output']>;

/** The names the preload exposes. Kept as data so the preload needs no zod at runtime. */
export const channelNames = Object.keys(channels) as Channel[];

// A channel without input is called with no argument rather than with `undefined`.
type Args<C extends Channel> = [ChannelInput<C>] extends [undefined] ? [] : [input: ChannelInput<C>];

type BridgeFunction<C extends Channel> = (...args: Args<C>) => Promise<Result<ChannelOutput<C>>>;
type Handler<C extends Channel> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/**
 * What the renderer talks to, whatever the transport (IPC through the preload in Electron,
 * HTTP in `npm run web`): one async function per channel, every channel on every host, and events.
 */
export type ApiClient = { readonly [C in Channel]: BridgeFunction<C> } & {
  /** Calls `listener` with a follow-up id when its reminder is clicked; returns the unsubscribe. */
  readonly onFollowUpFocus: (listener: (id: string) => void) => () => void;
  /**
   * A follow-up came due while the window is open. The browser host sends these (the window
   * shows a notice, and the browser's notification when allowed); the desktop app shows a
   * system notification instead, so its bridge never calls this.
   */
  readonly onReminder: (listener: (reminder: Reminder) => void) => () => void;
};
/** The preload's bridge is an ApiClient. */
export type AdvisorDeckApi = ApiClient;

/** What the app layer implements: one handler per channel, given an input that already passed its schema. */
export type Handlers = { readonly [C in Channel]: Handler<C> };

/**
 * Validates `rawInput` for `channel`, runs its handler and wraps the outcome in a Result.
 * Lives here, not in electron/, so the boundary rules are testable without Electron.
 */
export async function dispatch<C extends Channel>(
  handlers: Handlers,
  channel: C,
  rawInput: unknown,
): Promise<Result<ChannelOutput<C>>> {
  if (!Object.hasOwn(channels, channel)) return { ok: false, error: `Unknown channel ${String(channel)}` };
  const parsed = channels[channel].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: `Invalid input for ${channel}: ${z.prettifyError(parsed.error)}` };
  const handler = handlers[channel] as Handler<C> | undefined;
  if (!handler) return { ok: false, error: `${channel} is not available here` };
  try {
    return { ok: true, value: await handler(parsed.data as ChannelInput<C>) };
  } catch (error) {
    if (error instanceof StaleError) return { ok: false, error: error.message, code: error.code };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
