import { join, resolve } from 'node:path';
import { checkAdvisor, type Advisor } from '../../core/advisor';
import { checkIntake, type Intake } from '../../core/intake';
import { checkMeeting, checkMeetingAgainstDeck, type MeetingRecord } from '../../core/meeting';
import { planDeck, type DeckPlan } from '../../core/plan';
import { buildSummary } from '../../core/summary';
import type { Problem } from '../../core/validation';
import { readJsonFile, writeFileAtomic } from './files';
import { loadRecipe, TEMPLATES_DIR } from './recipes';
import { readLogo, type Logo } from './logo';
import { buildFollowUpFiles, FOLLOW_UP_EML, FOLLOW_UP_ICS } from './followup';
import { renderDeckHtml } from './deck';
import { checkLogoForPdf } from './summary/image';

export const SAMPLE_INTAKE = join(TEMPLATES_DIR, 'samples', 'intake.json');
export const SAMPLE_ADVISOR = join(TEMPLATES_DIR, 'samples', 'advisor.json');

export interface BuildRequest {
  intakePath: string;
  advisorPath?: string;
  /** What happened in the meeting (optional): the summary then says what was shown and answered. */
  meetingPath?: string;
  outDir: string;
  recipe?: string;
}

/** Problems grouped by the file they are in, so the message names the file and the field. */
export interface FileProblems {
  file: string;
  problems: Problem[];
}

export type BuildResult =
  | { ok: true; plan: DeckPlan; files: string[]; warnings: FileProblems[] }
  | { ok: false; invalid: FileProblems[] };

export interface Inputs {
  intake: Intake;
  advisor: Advisor;
  advisorPath: string;
  logo?: Logo;
  meeting?: MeetingRecord;
  /** Problems that do not stop the build: a logo that cannot be used is left out. */
  warnings: FileProblems[];
}

/** Reads and checks every input before anything is written: bad input leaves no trace. */
export async function readInputs(intakePath: string, advisorPath: string, meetingPath?: string): Promise<{ ok: true; value: Inputs } | { ok: false; invalid: FileProblems[] }> {
  const invalid: FileProblems[] = [];
  const intakeRead = await readJsonFile(intakePath);
  const intake = intakeRead.ok ? checkIntake(intakeRead.value) : intakeRead;
  if (!intake.ok) invalid.push({ file: intakePath, problems: intake.problems });
  const advisorRead = await readJsonFile(advisorPath);
  const advisor = advisorRead.ok ? checkAdvisor(advisorRead.value) : advisorRead;
  let logo: Logo | undefined;
  const warnings: FileProblems[] = [];
  if (!advisor.ok) invalid.push({ file: advisorPath, problems: advisor.problems });
  else if (advisor.value.logo) {
    // A missing or unusable logo should not keep the advisor from their meeting: the deck and
    // the summary are made without it, and the warning says why.
    const read = await readLogo(advisorPath, advisor.value.logo);
    const problem = read.ok ? checkLogoForPdf(read.value) : read.problem;
    if (read.ok && !problem) logo = read.value;
    else if (problem) warnings.push({ file: advisorPath, problems: [{ ...problem, message: `${problem.message}; built without the logo` }] });
  }
  let meeting: MeetingRecord | undefined;
  if (meetingPath !== undefined) {
    const meetingRead = await readJsonFile(meetingPath);
    const checked = meetingRead.ok ? checkMeeting(meetingRead.value) : meetingRead;
    if (checked.ok) meeting = checked.value;
    else invalid.push({ file: meetingPath, problems: checked.problems });
  }
  if (!intake.ok || !advisor.ok || invalid.length > 0) return { ok: false, invalid };
  return {
    ok: true,
    value: { intake: intake.value, advisor: advisor.value, advisorPath: resolve(advisorPath), ...(logo ? { logo } : {}), ...(meeting ? { meeting } : {}), warnings },
  };
}

export function serializePlan(plan: DeckPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Intake + advisor (+ meeting record) → the files of one prospect's meeting, in `outDir`. */
export async function build(request: BuildRequest): Promise<BuildResult> {
  const advisorPath = request.advisorPath ?? SAMPLE_ADVISOR;
  const inputs = await readInputs(request.intakePath, advisorPath, request.meetingPath);
  if (!inputs.ok) return inputs;
  const { intake, advisor, meeting, warnings } = inputs.value;
  let logo = inputs.value.logo;
  const recipe = await loadRecipe(request.recipe ?? 'first-meeting');
  const plan = planDeck(intake, advisor, recipe);
  if (meeting && request.meetingPath !== undefined) {
    const problems = checkMeetingAgainstDeck(meeting, plan.deck.slides.map((s) => s.id));
    if (problems.length) return { ok: false, invalid: [{ file: request.meetingPath, problems }] };
  }

  // Everything is rendered before the first write, so a failure leaves no partial set of files.
  // pdfkit and fontkit load only when a summary is made, so bad input is reported at once.
  const { loadSummaryCopy, LogoError, renderSummaryPdf } = await import('./summary');
  const summary = buildSummary({ intake, advisor, plan, ...(meeting ? { meeting } : {}), copy: await loadSummaryCopy() });
  let summaryPdf: Uint8Array;
  try {
    summaryPdf = await renderSummaryPdf(summary, logo);
  } catch (error) {
    if (!(error instanceof LogoError)) throw error;
    warnings.push({ file: advisorPath, problems: [{ path: 'logo', message: `${error.message}; built without the logo` }] });
    logo = undefined;
    summaryPdf = await renderSummaryPdf(summary, undefined);
  }
  const deckHtml = await renderDeckHtml(plan, advisor, logo);
  const followUp = await buildFollowUpFiles({ intake, advisor, plan, ...(meeting ? { meeting } : {}), summaryPdf });
  const outputs: [string, string | Uint8Array][] = [
    ['plan.json', serializePlan(plan)],
    ['deck.html', deckHtml],
    ['summary.pdf', summaryPdf],
    [FOLLOW_UP_ICS, followUp.ics],
    [FOLLOW_UP_EML, followUp.eml],
  ];
  const files: string[] = [];
  for (const [name, content] of outputs) {
    const path = join(request.outDir, name);
    await writeFileAtomic(path, content);
    files.push(path);
  }
  return { ok: true, plan, files, warnings };
}
