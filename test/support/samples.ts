import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAdvisor, type Advisor, type AdvisorInput } from '../../core/advisor/advisor';
import { checkIntake, type Intake, type IntakeInput } from '../../core/intake/intake';
import { formatProblem } from '../../core/validation';
import { TEMPLATES_DIR } from '../../electron/services/recipes';

export function sampleIntakeInput(): IntakeInput {
  return JSON.parse(readFileSync(join(TEMPLATES_DIR, 'samples', 'intake.json'), 'utf8')) as IntakeInput;
}

export function sampleAdvisorInput(): AdvisorInput {
  return JSON.parse(readFileSync(join(TEMPLATES_DIR, 'samples', 'advisor.json'), 'utf8')) as AdvisorInput;
}

/** A checked intake: the sample with `change` applied to a deep copy. */
export function intake(change: (i: IntakeInput) => void = () => {}): Intake {
  const input = sampleIntakeInput();
  change(input);
  const checked = checkIntake(input);
  if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
  return checked.value;
}

export function advisor(change: (a: AdvisorInput) => void = () => {}): Advisor {
  const input = sampleAdvisorInput();
  change(input);
  const checked = checkAdvisor(input);
  if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
  return checked.value;
}

/** Strings that must stay text everywhere: markup, script, template syntax, URLs. */
export const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  "O'Brien & Sons <b>bold</b>",
] as const;
