// The advisor's data folder (DESIGN.md, "The data folder"), named in one place: every file and
// folder the app writes there, so the stores, the CLI, the records and the contract agree on
// them and a newcomer finds the layout without reading the stores. Only names and patterns:
// where the folder is (electron/services/dataFolder.ts) and every read and write live above.
//
//   advisor.json, logo.png | logo.jpg       the advisor profile (CLI advisor format) and logo
//   prospects/<id>/                         one folder per prospect:
//     intake.json, draft.json, prospect.json   the intake, what is typed but not valid yet, the record
//     deck.json                                the advisor's changes to the planned deck
//     meeting-live.json                        the meeting while it is presented
//     meetings/<YYYY-MM-DDTHHmm>/              what was shown and sent (MEETING_FILES),
//       superseded/<time>/                     and the files of an earlier wrap-up, kept
//   follow-ups.json, follow-ups/            the follow-up settings (conf) and one file per follow-up
//   records/log.jsonl                       books and records, appended to only
//   trash/<id>.<time>/                      deleted prospects, restorable
//   .advisor-deck.lock, …lock-owner.json    one writer per data folder (lock.ts)

export const ADVISOR_FILE = 'advisor.json';
/** The advisor's logo, by its type (only one of them is kept). */
export const LOGO_FILES = { 'image/png': 'logo.png', 'image/jpeg': 'logo.jpg' } as const;

export const PROSPECTS_DIR = 'prospects';
export const TRASH_DIR = 'trash';
export const INTAKE_FILE = 'intake.json';
export const DRAFT_FILE = 'draft.json';
export const PROSPECT_FILE = 'prospect.json';
export const DECK_FILE = 'deck.json';
export const LIVE_FILE = 'meeting-live.json';

/** A prospect's meetings, one folder per meeting under it (meetingFolderName). */
export const MEETINGS_DIR = 'meetings';
/** A meeting's folder name: its planned local start, without colons. */
export const MEETING_FOLDER = /^\d{4}-\d{2}-\d{2}T\d{4}$/;

/** `2026-12-03T14:00` → `2026-12-03T1400`: one folder per meeting, a name every file system takes. */
export function meetingFolderName(startsAt: string): string {
  return startsAt.replace(/:/g, '');
}

export const PLAN_FILE = 'plan.json';
export const DECK_HTML = 'deck.html';
export const SUMMARY_PDF = 'summary.pdf';
export const FOLLOW_UP_ICS = 'follow-up.ics';
export const FOLLOW_UP_EML = 'follow-up.eml';
/** The meeting's record (what was shown, asked and answered), written by wrap-up. */
export const MEETING_RECORD_FILE = 'meeting.json';
/** What a build writes into a meeting's folder, in this order (the CLI's outputs). */
export const MEETING_FILE_NAMES = [PLAN_FILE, DECK_HTML, SUMMARY_PDF, FOLLOW_UP_ICS, FOLLOW_UP_EML] as const;
/** Every file of a wrapped-up meeting's folder. */
export const MEETING_FILES = [...MEETING_FILE_NAMES, MEETING_RECORD_FILE] as const;
export type MeetingFileName = (typeof MEETING_FILES)[number];
/** What is sent to the prospect or the advisor's calendar: the files the system opens. */
export const SENT_FILES = [SUMMARY_PDF, FOLLOW_UP_ICS, FOLLOW_UP_EML] as const;
/** Inside a meeting's folder: the earlier versions of its files, kept (books and records). */
export const SUPERSEDED_DIR = 'superseded';

/** The follow-up settings' conf document (follow-ups.json): conf's `configName`. */
export const FOLLOW_UP_SETTINGS = 'follow-ups';
/** One file per follow-up record. */
export const FOLLOW_UPS_DIR = 'follow-ups';

/** The records log, relative to the data folder. */
export const RECORDS_LOG = 'records/log.jsonl';

/** The data folder's lock (proper-lockfile's folder) and the note of who holds it. */
export const LOCK_DIR = '.advisor-deck.lock';
export const LOCK_OWNER_FILE = '.advisor-deck.lock-owner.json';
