import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAdvisor, type Advisor } from '../core/advisor/advisor';
import { checkIntake, type Intake } from '../core/intake/intake';
import { checkMeeting, type MeetingRecord } from '../core/meeting/meeting';
import { planDeck, type DeckPlan } from '../core/plan/planDeck';
import type { SummaryCopy } from '../core/summary/copy';
import { buildSummary } from '../core/summary/summary';
import { formatProblem } from '../core/validation';
import { loadRecipe, TEMPLATES_DIR } from '../electron/services/recipes';
import { loadSummaryCopy, renderSummaryPdf } from '../electron/services/summary';
import { worstIntakeInput, worstMeetingInput } from '../test/unit/summary.support';
import { ms, percentile, time, type Row } from './measure';

const ROOT = join(TEMPLATES_DIR, '..');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function checked<T>(result: { ok: true; value: T } | { ok: false; problems: { path: string; message: string }[] }): T {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

interface Case {
  intake: Intake;
  advisor: Advisor;
  meeting?: MeetingRecord;
}

/**
 * Plan → content → layout → PDF bytes: what build() adds for summary.pdf. The plan is made
 * once per case, outside the timing: build() makes it for the deck anyway.
 */
async function summaryPdf(c: Case & { plan: DeckPlan }, copy: Record<string, SummaryCopy>): Promise<Uint8Array> {
  return renderSummaryPdf(
    buildSummary({
      intake: c.intake,
      advisor: c.advisor,
      plan: c.plan,
      ...(c.meeting ? { meeting: c.meeting } : {}),
      copy,
    }),
  );
}

/** Summary generation, warm (fonts parsed, caches filled by earlier runs): median and p95. */
export async function benchSummary(): Promise<Row[]> {
  const recipe = await loadRecipe('first-meeting');
  const copy = await loadSummaryCopy();
  const sampleIntake = json(join(TEMPLATES_DIR, 'samples', 'intake.json'));
  const advisor = checked(checkAdvisor(json(join(TEMPLATES_DIR, 'samples', 'advisor.json'))));
  const sample: Case = {
    intake: checked(checkIntake(sampleIntake)),
    advisor,
    meeting: checked(checkMeeting(json(join(ROOT, 'test/fixtures/meeting-sample.json')))),
  };
  const worstIntake = checked(checkIntake(worstIntakeInput(sampleIntake)));
  const slideIds = planDeck(worstIntake, advisor, recipe).deck.slides.map((s) => s.id);
  const worst: Case = { intake: worstIntake, advisor, meeting: checked(checkMeeting(worstMeetingInput(slideIds))) };
  const cjk: Case = { intake: checked(checkIntake(json(join(ROOT, 'test/fixtures/intake-cjk.json')))), advisor };

  const rows: Row[] = [];
  const cases: [string, Case, number, number][] = [
    ['sample', sample, 80, 40],
    ['worst case', worst, 300, 15],
    ['CJK name', cjk, 500, 30],
  ];
  for (const [name, c, target, runs] of cases) {
    const planned = { ...c, plan: planDeck(c.intake, c.advisor, recipe) };
    const samples = await time(
      Array.from({ length: runs }, () => planned),
      (x) => summaryPdf(x, copy),
      3,
    );
    const median = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    rows.push({
      name: `Summary PDF, ${name}, median (warm)`,
      value: ms(median),
      target: `≤ ${target} ms`,
      ok: median <= target,
    });
    rows.push({ name: `Summary PDF, ${name}, p95`, value: ms(p95), target: `≤ ${target} ms`, ok: p95 <= target });
  }
  const noLogoAdvisor = { ...advisor, logo: undefined };
  const noLogo = await summaryPdf(
    { ...sample, advisor: noLogoAdvisor, plan: planDeck(sample.intake, noLogoAdvisor, recipe) },
    copy,
  );
  rows.push({
    name: 'Summary PDF size, sample without logo',
    value: `${(noLogo.length / 1024).toFixed(1)} KB`,
    target: '≤ 150 KB',
    ok: noLogo.length <= 150 * 1024,
  });
  return rows;
}
