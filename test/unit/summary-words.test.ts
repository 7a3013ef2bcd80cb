// Drawing the summary shapes each word once per process (render.ts): a summary's bytes must not
// depend on what the process drew before it. The same content drawn by fresh modules and after
// other summaries (every script the summary draws: Latin, CJK, Arabic, Hebrew, emoji) is the
// same file, byte for byte.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkAdvisor } from '../../core/advisor/advisor';
import { checkIntake } from '../../core/intake/intake';
import { planDeck } from '../../core/plan/planDeck';
import { buildSummary, type SummaryContent } from '../../core/summary/summary';
import { loadRecipe, TEMPLATES_DIR } from '../../electron/services/recipes';
import type * as Summary from '../../electron/services/summary';
import { sampleAdvisorInput } from '../support/samples';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

type SummaryModule = typeof Summary;

async function contentOf(
  intakeFile: string,
  summary: SummaryModule,
  advisorInput: unknown = sampleAdvisorInput(),
): Promise<SummaryContent> {
  const intake = checkIntake(JSON.parse(readFileSync(intakeFile, 'utf8')));
  const advisor = checkAdvisor(advisorInput);
  if (!intake.ok || !advisor.ok) throw new Error('a fixture does not check');
  const plan = planDeck(intake.value, advisor.value, await loadRecipe('first-meeting', TEMPLATES_DIR));
  return buildSummary({
    intake: intake.value,
    advisor: advisor.value,
    plan,
    copy: await summary.loadSummaryCopy(TEMPLATES_DIR),
  });
}

/** The summary modules as a new process has them: nothing shaped, measured or drawn yet. */
async function freshSummaryModule(): Promise<SummaryModule> {
  vi.resetModules();
  return import('../../electron/services/summary');
}

describe('the summary PDF', { timeout: 60_000 }, () => {
  const files = ['intake-rtl.json', 'intake-cjk.json', 'intake-hostile.json', 'intake-long.json'].map((f) =>
    resolve(FIXTURES, f),
  );

  it('is the same bytes whether it is the first summary the process draws or comes after others', async () => {
    const alone: Uint8Array[] = [];
    for (const file of files) {
      const summary = await freshSummaryModule();
      alone.push(await summary.renderSummaryPdf(await contentOf(file, summary)));
    }
    // One process, every summary one after the other, twice over and in the other order.
    const summary = await freshSummaryModule();
    const contents = await Promise.all(files.map((file) => contentOf(file, summary)));
    for (const order of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
    ]) {
      for (const i of order)
        expect(
          Buffer.from(await summary.renderSummaryPdf(contents[i] as SummaryContent)).equals(
            Buffer.from(alone[i] as Uint8Array),
          ),
        ).toBe(true);
    }
  });
});
