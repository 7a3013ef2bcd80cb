// The channel map of core/api.ts: each channel's name, the zod schema its input must pass (main
// and the web host check every input against it), and the type of what it answers.
import { MEETING_FILES, MEETING_FOLDER, SENT_FILES } from '../dataFolder';
import { z } from 'zod';
import { FOLLOW_UP_ID, followUpSchema, followUpSettingsSchema } from '../followUp/record';
import { meetingEventSchema, type LiveMeeting } from '../meeting/live';
import { SHARE_MODES, type ShareStatus } from '../meeting/tabletShare';
import type { MeetingRecord } from '../meeting/meeting';
import type { DeckChanges } from '../plan/deckChanges';
import { LIMITS, text } from '../text/text';
import { PROSPECT_ID, STORED_STATUSES, type ProspectSummary } from '../prospect/prospect';
import {
  INTAKE_FORM_FILES,
  PENDING_FORM_ID,
  type AdvisorProfile,
  type ApplyFormOutcome,
  type DataProblem,
  type DeckSetupOutcome,
  type ImportOutcome,
  type IntakeFormOutcome,
  type MeetingFileProblem,
  type PresentStart,
  type PreviewOutcome,
  type ProspectDetail,
  type RecordListItem,
  type RecordsExportOutcome,
  type RecordsVerifyOutcome,
  type SaveOutcome,
  type ShareStartOutcome,
  type WrapUpOutcome,
} from './payloads';

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
const recordsDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-12-07');

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
  /** The share as it is now; what changes later arrives as the `share:changed` event. */
  'share:status': { input: prospectId, output: z.custom<ShareStatus>() },
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

export type ChannelInput<C extends Channel> = z.infer<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<(typeof channels)[C]['output']>;

/** The names the preload exposes. Kept as data so the preload needs no zod at runtime. */
export const channelNames = Object.keys(channels) as Channel[];
