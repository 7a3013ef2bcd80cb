import { join, resolve } from 'node:path';
import { checkAdvisor, type Advisor } from '../../core/advisor/advisor';
import { checkIntake, type Intake } from '../../core/intake/intake';
import { checkMeeting, checkMeetingAgainstDeck, type MeetingRecord } from '../../core/meeting/meeting';
import { planDeck, type DeckPlan } from '../../core/plan/planDeck';
import { intakeAsHeld } from '../../core/meeting/held';
import { checkDeckChanges, type DeckChanges } from '../../core/plan/deckChanges';
import { normaliseInstant } from '../../core/followUp/record';
import { buildSummary, type SummaryContent } from '../../core/summary/summary';
import type { Problem } from '../../core/validation';
import { MAX_RECORD_BYTES, readJsonFile } from './files';
import { loadRecipe, TEMPLATES_DIR } from './recipes';
import { readLogo, type Logo } from './logo';
import {
  DECK_HTML,
  FOLLOW_UP_EML,
  FOLLOW_UP_ICS,
  MEETING_FILE_NAMES,
  PLAN_FILE,
  SUMMARY_PDF,
} from '../../core/dataFolder';
import { loadFollowUpCopy } from './followUp/copy';
import { writeFilesAllOrNothing, type OutputFile } from './outputs';
import { checkLogoForPdf, LogoError } from './pdf/image';

export const SAMPLE_INTAKE = join(TEMPLATES_DIR, 'samples', 'intake.json');
export const SAMPLE_ADVISOR = join(TEMPLATES_DIR, 'samples', 'advisor.json');

export interface BuildRequest {
  intakePath: string;
  advisorPath?: string;
  /** What happened in the meeting (optional): the summary then says what was shown and answered. */
  meetingPath?: string;
  /** The advisor's changes to the planned deck (prospects/<id>/deck.json), optional. */
  deckPath?: string;
  outDir: string;
  recipe?: string;
  /** Default: the source tree's templates (this file-based build is the CLI's, the demo's and the tests'). */
  templatesDir?: string;
  /** How the files are written (default: writeFilesAllOrNothing); the CLI records a rebuild in a data folder through it. */
  write?: (outDir: string, files: OutputFile[], advisor: Advisor) => Promise<string[]>;
}

/** Problems grouped by the file they are in, so the message names the file and the field. */
export interface FileProblems {
  file: string;
  problems: Problem[];
}

export type BuildResult =
  | { ok: true; plan: DeckPlan; files: string[]; warnings: FileProblems[] }
  | { ok: false; invalid: FileProblems[] };

const withoutLogo = (problem: Problem): Problem => ({
  ...problem,
  message: `${problem.message}; built without the logo`,
});

export interface Inputs {
  intake: Intake;
  advisor: Advisor;
  advisorPath: string;
  logo?: Logo;
  meeting?: MeetingRecord;
  changes?: DeckChanges;
  /** Problems that do not stop the build: a logo that cannot be read is left out. */
  warnings: FileProblems[];
}

/** Reads and checks every input before anything is written: bad input leaves no trace. */
export async function readInputs(
  intakePath: string,
  advisorPath: string,
  meetingPath?: string,
  deckPath?: string,
): Promise<{ ok: true; value: Inputs } | { ok: false; invalid: FileProblems[] }> {
  const invalid: FileProblems[] = [];
  const intakeRead = await readJsonFile(intakePath);
  const intake = intakeRead.ok ? checkIntake(intakeRead.value) : intakeRead;
  if (!intake.ok) invalid.push({ file: intakePath, problems: intake.problems });
  const advisorRead = await readAdvisorFile(advisorPath);
  const advisor = advisorRead.ok ? { ok: true as const, value: advisorRead.value.advisor } : advisorRead;
  const logo = advisorRead.ok ? advisorRead.value.logo : undefined;
  const warnings: FileProblems[] = advisorRead.ok ? advisorRead.value.warnings : [];
  if (!advisorRead.ok) invalid.push({ file: advisorPath, problems: advisorRead.problems });
  let meeting: MeetingRecord | undefined;
  if (meetingPath !== undefined) {
    const meetingRead = await readJsonFile(meetingPath, { maxBytes: MAX_RECORD_BYTES });
    const checked = meetingRead.ok ? checkMeeting(meetingRead.value) : meetingRead;
    if (checked.ok) meeting = checked.value;
    else invalid.push({ file: meetingPath, problems: checked.problems });
  }
  let changes: DeckChanges | undefined;
  if (deckPath !== undefined) {
    const deckRead = await readJsonFile(deckPath, { maxBytes: MAX_RECORD_BYTES });
    const checked = deckRead.ok ? checkDeckChanges(deckRead.value) : deckRead;
    if (checked.ok) changes = checked.value;
    else invalid.push({ file: deckPath, problems: checked.problems });
  }
  if (!intake.ok || !advisor.ok || invalid.length > 0) return { ok: false, invalid };
  return {
    ok: true,
    value: {
      intake: intake.value,
      advisor: advisor.value,
      advisorPath: resolve(advisorPath),
      ...(logo ? { logo } : {}),
      ...(meeting ? { meeting } : {}),
      ...(changes ? { changes } : {}),
      warnings,
    },
  };
}

/** The advisor profile, checked, and its logo, read (a logo that cannot be read is a warning). */
export async function readAdvisorFile(
  advisorPath: string,
): Promise<
  { ok: true; value: { advisor: Advisor; logo?: Logo; warnings: FileProblems[] } } | { ok: false; problems: Problem[] }
> {
  const advisorRead = await readJsonFile(advisorPath, { maxBytes: MAX_RECORD_BYTES });
  const advisor = advisorRead.ok ? checkAdvisor(advisorRead.value) : advisorRead;
  if (!advisor.ok) return { ok: false, problems: advisor.problems };
  const warnings: FileProblems[] = [];
  let logo: Logo | undefined;
  if (advisor.value.logo) {
    // A missing logo should not keep the advisor from their meeting: the deck and the summary
    // are made without it, and the warning says why (renderMeetingFiles does the same for a
    // logo it cannot use).
    const read = await readLogo(advisorPath, advisor.value.logo);
    if (read.ok) logo = read.value;
    else warnings.push({ file: advisorPath, problems: [withoutLogo(read.problem)] });
  }
  return { ok: true, value: { advisor: advisor.value, ...(logo ? { logo } : {}), warnings } };
}

export function serializePlan(plan: DeckPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** What a meeting's files are made from: inputs already read and checked by the caller. */
export interface MeetingInputs {
  intake: Intake;
  advisor: Advisor;
  /** The advisor's logo, read; one the PDF cannot use is left out with a warning. */
  logo?: Logo;
  /** What happened in the meeting (optional): the summary then says what was shown and answered. */
  meeting?: MeetingRecord;
  /** The advisor's changes to the planned deck (order, hidden, added, words). */
  changes?: DeckChanges;
  /** The follow-up the advisor chose over the slot rule's (an instant with its offset). */
  followUpAt?: string;
  /** planDeck of these inputs (and the recipe), when the caller has it already: not planned twice. */
  planned?: DeckPlan;
}

export interface RenderOptions {
  /** The templates folder (recipes, copy, deck theme): the caller knows where it is shipped. */
  templatesDir: string;
  /** Default: first-meeting. */
  recipe?: string;
}

/** One of the files a build makes (core/dataFolder.ts names them). */
type BuiltFileName = (typeof MEETING_FILE_NAMES)[number];

export interface MeetingFile extends OutputFile {
  name: BuiltFileName;
}

export type MeetingFilesResult =
  /**
   * The five files, in the order of MEETING_FILE_NAMES. `logo` is the logo the files were made
   * with (none if it was left out); warnings are on the advisor profile (path `logo`).
   */
  | { ok: true; plan: DeckPlan; files: MeetingFile[]; logo?: Logo; warnings: Problem[]; summary: SummaryContent }
  /** The meeting record names slides that are not in this deck: problems with paths inside the record. */
  | { ok: false; problems: Problem[] };

/**
 * Intake + advisor (+ meeting record) → the bytes of one meeting's files, in memory; the caller
 * writes them (writeFilesAllOrNothing). The CLI and the app both build meetings through here.
 */
export async function renderMeetingFiles(inputs: MeetingInputs, options: RenderOptions): Promise<MeetingFilesResult> {
  const { intake, advisor, meeting } = inputs;
  const { templatesDir } = options;
  const warnings: Problem[] = [];
  let logo = inputs.logo;
  const unusable = logo ? checkLogoForPdf(logo) : undefined;
  if (unusable) {
    warnings.push(withoutLogo(unusable));
    logo = undefined;
  }
  const recipe = await loadRecipe(options.recipe ?? 'first-meeting', templatesDir);
  // Planned as held (core/meeting/held.ts): the app's wrap-up and a rebuild from its files agree.
  const planned = inputs.planned ?? planDeck(intakeAsHeld(intake, meeting?.endedAt), advisor, recipe, inputs.changes);
  // A follow-up moved at wrap-up is the one the summary, the calendar event and the email name.
  const plan = inputs.followUpAt
    ? {
        ...planned,
        followUp: { ...planned.followUp, dueAt: normaliseInstant(inputs.followUpAt, planned.followUp.timeZone) },
      }
    : planned;
  if (meeting) {
    const problems = checkMeetingAgainstDeck(
      meeting,
      plan.deck.slides.map((s) => s.id),
    );
    if (problems.length) return { ok: false, problems };
  }

  // What renders the files (pdfkit and fontkit, React's server renderer, the calendar and mail
  // builders) loads only when files are made, not with this module: bad input is reported at
  // once, and a process (the app, the CLI's --help) that makes no files never loads it.
  const [{ loadSummaryCopy, renderSummaryPdf }, { renderDeckHtml }, { buildFollowUpFiles }] = await Promise.all([
    import('./summary'),
    import('./deck'),
    import('./followUp'),
  ]);
  const summary = buildSummary({
    intake,
    advisor,
    plan,
    ...(meeting ? { meeting } : {}),
    copy: await loadSummaryCopy(templatesDir),
  });
  let summaryPdf: Uint8Array;
  try {
    summaryPdf = await renderSummaryPdf(summary, logo);
  } catch (error) {
    if (!(error instanceof LogoError)) throw error;
    warnings.push(withoutLogo({ path: 'logo', message: error.message }));
    logo = undefined;
    summaryPdf = await renderSummaryPdf(summary, undefined);
  }
  const deckHtml = await renderDeckHtml(plan, advisor, { templatesDir, ...(logo ? { logo } : {}) });
  const followUp = await buildFollowUpFiles({
    intake,
    advisor,
    plan,
    ...(meeting ? { meeting } : {}),
    summaryPdf,
    copy: loadFollowUpCopy(templatesDir),
  });
  const bytes: Record<BuiltFileName, string | Uint8Array> = {
    [PLAN_FILE]: serializePlan(plan),
    [DECK_HTML]: deckHtml,
    [SUMMARY_PDF]: summaryPdf,
    [FOLLOW_UP_ICS]: followUp.ics,
    [FOLLOW_UP_EML]: followUp.eml,
  };
  return {
    ok: true,
    plan,
    files: MEETING_FILE_NAMES.map((name) => ({ name, bytes: bytes[name] })),
    ...(logo ? { logo } : {}),
    warnings,
    summary,
  };
}

/**
 * The CLI's build, from files to files: reads and checks the inputs, renders every file, then
 * writes them all or none (writeFilesAllOrNothing). Bad input leaves no trace; an output folder
 * that cannot take the files throws OutputFolderError and leaves its previous files as they were.
 */
export async function build(request: BuildRequest): Promise<BuildResult> {
  const advisorPath = request.advisorPath ?? SAMPLE_ADVISOR;
  const inputs = await readInputs(request.intakePath, advisorPath, request.meetingPath, request.deckPath);
  if (!inputs.ok) return inputs;
  const { intake, advisor, logo, meeting, changes, warnings } = inputs.value;
  const rendered = await renderMeetingFiles(
    { intake, advisor, ...(logo ? { logo } : {}), ...(meeting ? { meeting } : {}), ...(changes ? { changes } : {}) },
    {
      templatesDir: request.templatesDir ?? TEMPLATES_DIR,
      ...(request.recipe !== undefined ? { recipe: request.recipe } : {}),
    },
  );
  if (!rendered.ok)
    return { ok: false, invalid: [{ file: request.meetingPath ?? '(meeting)', problems: rendered.problems }] };
  if (rendered.warnings.length) warnings.push({ file: advisorPath, problems: rendered.warnings });
  const files = request.write
    ? await request.write(request.outDir, rendered.files, advisor)
    : await writeFilesAllOrNothing(request.outDir, rendered.files);
  return { ok: true, plan: rendered.plan, files, warnings };
}
