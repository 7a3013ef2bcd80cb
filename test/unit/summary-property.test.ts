// summary.pdf over random intakes, advisor profiles and meeting records at the schema's sizes:
// whatever was typed, the summary is one page with every word inside the margins. Read back
// with poppler (pdfinfo, pdftotext -bbox) like the other summary tests. Each run lays out and
// renders a real PDF, so a few dozen runs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAdvisor } from '../../core/advisor/advisor';
import { checkIntake } from '../../core/intake/intake';
import { checkMeeting } from '../../core/meeting/meeting';
import { planDeck, type DeckRecipe } from '../../core/plan/planDeck';
import type { SummaryCopy } from '../../core/summary/copy';
import { buildSummary } from '../../core/summary/summary';
import { loadRecipe, TEMPLATES_DIR } from '../../electron/services/recipes';
import { loadSummaryCopy, renderSummaryPdf } from '../../electron/services/summary';
import { MARGIN } from '../../electron/services/summary/layout/pageText';
import { advisorArbitrary, intakeArbitrary, meetingArbitrary } from '../support/arbitraries';
import { pdfInfo, pdfWords, wordsOutside } from './summary.support';

let recipe: DeckRecipe;
let copy: Record<string, SummaryCopy>;
let dir: string;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting', TEMPLATES_DIR);
  copy = await loadSummaryCopy(TEMPLATES_DIR);
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-summary-property-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('summary.pdf over random input at the schema’s limits', () => {
  it('is always exactly one page, every word inside the margins', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        intakeArbitrary,
        advisorArbitrary,
        fc.option(meetingArbitrary, { nil: undefined }),
        async (intakeInput, advisorInput, meetingInput) => {
          const intake = checkIntake(intakeInput);
          const advisor = checkAdvisor(advisorInput);
          const meeting = meetingInput === undefined ? undefined : checkMeeting(meetingInput);
          expect(
            intake.ok && advisor.ok && (meeting?.ok ?? true),
            JSON.stringify([intake, advisor, meeting].map((c) => c && !c.ok && c.problems)),
          ).toBe(true);
          if (!intake.ok || !advisor.ok || (meeting && !meeting.ok)) return;
          const plan = planDeck(intake.value, advisor.value, recipe);
          const content = buildSummary({
            intake: intake.value,
            advisor: advisor.value,
            plan,
            ...(meeting?.ok ? { meeting: meeting.value } : {}),
            copy,
          });
          const pdf = join(dir, `summary-${++run}.pdf`);
          await writeFile(pdf, await renderSummaryPdf(content));
          expect((await pdfInfo(pdf))['Pages']).toBe('1');
          const page = await pdfWords(pdf);
          expect(page.words.length).toBeGreaterThan(10);
          expect(wordsOutside(page, MARGIN)).toEqual([]);
        },
      ),
      // Shrinking renders a PDF per step: it is cut short, so a failure is reported within a minute.
      { numRuns: 25, interruptAfterTimeLimit: 45_000 },
    );
  }, 90_000);
});
