import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAdvisor } from '../core/advisor/advisor';
import { checkIntake } from '../core/intake/intake';
import { formatProblem } from '../core/validation';
import { loadIntakeFormCopy } from '../electron/services/fillableForm/copy';
import { makeIntakeForm } from '../electron/services/fillableForm/make';
import { readIntakeForm } from '../electron/services/fillableForm/read';
import { TEMPLATES_DIR } from '../electron/services/recipes';
import { deepFieldChain, fanOutFieldTree, objectStreamBomb } from '../test/support/hostilePdfs';
import { ms, percentile, time, type Row } from './measure';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

function checked<T>(result: { ok: true; value: T } | { ok: false; problems: { path: string; message: string }[] }): T {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

/**
 * The intake form, warm (fonts parsed): making the PDF for the sample prospect, and importing a
 * filled one (the sample's form: every field it pre-fills holds a value, as a returned form does).
 * An import reads the PDF in a new worker thread (its start is in the time: here from the
 * TypeScript sources through tsx, slower than the built app's). Hostile forms: refused within 10 s.
 */
export async function benchIntakeForm(): Promise<Row[]> {
  const intake = checked(checkIntake(json(join(TEMPLATES_DIR, 'samples', 'intake.json'))));
  const advisor = checked(checkAdvisor(json(join(TEMPLATES_DIR, 'samples', 'advisor.json'))));
  const copy = loadIntakeFormCopy();
  const make = () => makeIntakeForm({ intake, advisor, copy, prospectId: 'maria-lopez' });
  const filled = await make();
  const copies = Object.values(copy);
  const rows: Row[] = [];
  const cases: [string, () => Promise<unknown>, number][] = [
    ['Intake form PDF, made', make, 150],
    [
      'Intake form PDF, filled one imported',
      async () => {
        const read = await readIntakeForm(filled, { copies });
        if (!read.ok) throw new Error(read.problems.map(formatProblem).join('\n'));
      },
      400,
    ],
  ];
  for (const [name, run, target] of cases) {
    const samples = await time(
      Array.from({ length: 40 }, () => 0),
      run,
      5,
    );
    const median = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    rows.push({ name: `${name}, median (warm)`, value: ms(median), target: `≤ ${target} ms`, ok: median <= target });
    rows.push({ name: `${name}, p95`, value: ms(p95), target: `≤ ${target} ms`, ok: p95 <= target });
  }
  const hostile: [string, Uint8Array][] = [
    ['a 2 GB object stream (2 MB file)', objectStreamBomb(2048)],
    ['a field tree of 40 levels, each twice (2^40 paths)', fanOutFieldTree(40)],
    ['a chain of 100,000 fields (7 MB)', deepFieldChain(100_000)],
  ];
  for (const [name, bytes] of hostile) {
    const samples = await time(
      [0, 0, 0],
      async () => {
        const read = await readIntakeForm(bytes, { copies });
        if (read.ok) throw new Error(`${name}: imported`);
      },
      0,
    );
    const worst = samples[samples.length - 1] ?? NaN;
    rows.push({
      name: `Intake form PDF, hostile: ${name}, refused (worst of 3)`,
      value: ms(worst),
      target: '≤ 10000 ms',
      ok: worst <= 10_000,
    });
  }
  return rows;
}
