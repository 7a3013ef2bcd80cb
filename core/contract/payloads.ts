// What the channels of core/api.ts answer: the outcomes and records the window receives, as
// plain types (the channel map in channels.ts refers to them by z.custom).
import type { LIVE_FILE, MEETING_RECORD_FILE } from '../dataFolder';
import type { AdvisorCard } from '../advisor/card';
import type { DeckPlan, DeckRecipe } from '../plan/planDeck';
import type { Intake } from '../intake/intake';
import type { FormChange } from '../intake/fillableFormChanges';
import type { Advisor } from '../advisor/advisor';
import type { DeckChanges } from '../plan/deckChanges';
import type { FollowUp } from '../followUp/record';
import type { SummaryContent } from '../summary/summary';
import type { LiveMeeting } from '../meeting/live';
import type { ShareStatus } from '../meeting/tabletShare';
import type { ProspectSummary, StoredStatus } from '../prospect/prospect';
import type { KeptFile, RecordedFile, RecordEvent } from '../records/recordLog';
import type { Problem } from '../validation';

export type ShareStartOutcome = { started: true; status: ShareStatus } | { started: false; problem: string };
/** The intake form's files in a prospect's folder. */
export const INTAKE_FORM_FILES = ['intake-form.pdf', 'intake-form.eml'] as const;
export type IntakeFormFile = (typeof INTAKE_FORM_FILES)[number];
export type IntakeFormOutcome =
  | { made: true; folder: string; files: string[] }
  | { made: false; reason: 'no-advisor'; problems: Problem[] };

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
  /**
   * kept: the advisor said `Keep as it is`; unknown: no such change (answered already, or the app
   * restarted); changed: the prospect changed since the import.
   */
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
  /** The advisor's card as the slides show it. */
  advisor: AdvisorCard;
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
export type PreviewOutcome =
  | { built: true; value: DeckPreview }
  | { built: false; reason: 'no-advisor' | 'no-intake'; problems: Problem[] };
