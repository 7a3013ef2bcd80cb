import { join, resolve } from 'node:path';
import { checkAdvisor, type Advisor } from '../../core/advisor';
import { checkIntake, type Intake } from '../../core/intake';
import { planDeck, type DeckPlan } from '../../core/plan';
import type { Problem } from '../../core/validation';
import { readJsonFile, writeFileAtomic } from './files';
import { loadRecipe, TEMPLATES_DIR } from './recipes';
import { readLogo, type Logo } from './logo';
import { renderDeckHtml } from './deck';

export const SAMPLE_INTAKE = join(TEMPLATES_DIR, 'samples', 'intake.json');
export const SAMPLE_ADVISOR = join(TEMPLATES_DIR, 'samples', 'advisor.json');

export interface BuildRequest {
  intakePath: string;
  advisorPath?: string;
  outDir: string;
  recipe?: string;
}

/** Problems grouped by the file they are in, so the message names the file and the field. */
export interface FileProblems {
  file: string;
  problems: Problem[];
}

export type BuildResult =
  | { ok: true; plan: DeckPlan; files: string[] }
  | { ok: false; invalid: FileProblems[] };

export interface Inputs {
  intake: Intake;
  advisor: Advisor;
  advisorPath: string;
  logo?: Logo;
}

/** Reads and checks every input before anything is written: bad input leaves no trace. */
export async function readInputs(intakePath: string, advisorPath: string): Promise<{ ok: true; value: Inputs } | { ok: false; invalid: FileProblems[] }> {
  const invalid: FileProblems[] = [];
  const intakeRead = await readJsonFile(intakePath);
  const intake = intakeRead.ok ? checkIntake(intakeRead.value) : intakeRead;
  if (!intake.ok) invalid.push({ file: intakePath, problems: intake.problems });
  const advisorRead = await readJsonFile(advisorPath);
  const advisor = advisorRead.ok ? checkAdvisor(advisorRead.value) : advisorRead;
  let logo: Logo | undefined;
  if (!advisor.ok) invalid.push({ file: advisorPath, problems: advisor.problems });
  else if (advisor.value.logo) {
    const read = await readLogo(advisorPath, advisor.value.logo);
    if (read.ok) logo = read.value;
    else invalid.push({ file: advisorPath, problems: [read.problem] });
  }
  if (!intake.ok || !advisor.ok || invalid.length > 0) return { ok: false, invalid };
  return { ok: true, value: { intake: intake.value, advisor: advisor.value, advisorPath: resolve(advisorPath), ...(logo ? { logo } : {}) } };
}

export function serializePlan(plan: DeckPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Intake + advisor → the files of one prospect's meeting, in `outDir`. */
export async function build(request: BuildRequest): Promise<BuildResult> {
  const inputs = await readInputs(request.intakePath, request.advisorPath ?? SAMPLE_ADVISOR);
  if (!inputs.ok) return inputs;
  const recipe = await loadRecipe(request.recipe ?? 'first-meeting');
  const plan = planDeck(inputs.value.intake, inputs.value.advisor, recipe);

  // Everything is rendered before the first write, so a failure leaves no partial set of files.
  const deckHtml = await renderDeckHtml(plan, inputs.value.advisor, inputs.value.logo);
  const outputs: [string, string][] = [
    ['plan.json', serializePlan(plan)],
    ['deck.html', deckHtml],
  ];
  const files: string[] = [];
  for (const [name, content] of outputs) {
    const path = join(request.outDir, name);
    await writeFileAtomic(path, content);
    files.push(path);
  }
  return { ok: true, plan, files };
}
