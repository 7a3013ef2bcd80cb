// quickLayout.ts lays out everyday Latin words from the font's tables instead of shaping them with
// fontkit. It must give exactly what fontkit gives (glyph ids, advances, characters, positions)
// whenever it answers, and leave to fontkit every text where a substitution or other positioning
// could apply. Checked against fontkit itself on every character of its ranges, every pair of
// common ones, random texts and the words of the fixtures; then whole summaries, byte for byte,
// drawn with and without it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkAdvisor } from '../../core/advisor/advisor';
import { checkIntake } from '../../core/intake/intake';
import { checkMeeting } from '../../core/meeting/meeting';
import { planDeck } from '../../core/plan/planDeck';
import { buildSummary } from '../../core/summary/summary';
import { loadRecipe, TEMPLATES_DIR } from '../../electron/services/recipes';
import { loadSummaryCopy } from '../../electron/services/summary';
import type { SummaryContent } from '../../core/summary/summary';
import { face, type Face, shape } from '../../electron/services/pdf/fonts';
import { quickLayout, useQuickLayout } from '../../electron/services/pdf/quickLayout';
import { sampleAdvisorInput } from '../support/samples';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x1e00, 0x1eff],
  [0x2010, 0x205e],
  [0x20a0, 0x20c0],
];
const CHARS = RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
);
const faces = (): Face[] => [face('latin', 'regular'), face('latin', 'bold')];

/** fontkit's layout (from a clean glyph cache, as the summary shapes), in plain numbers. */
function fontkitLayout(f: Face, text: string) {
  const run = shape(f, text);
  return {
    glyphs: run.glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: [...g.codePoints] })),
    positions: run.positions.map((p) => ({
      xAdvance: p.xAdvance,
      yAdvance: p.yAdvance,
      xOffset: p.xOffset,
      yOffset: p.yOffset,
    })),
  };
}

/** Whether quickLayout answered for `text`; when it did, its answer is fontkit's. */
function sameAsFontkit(f: Face, text: string): boolean {
  const quick = quickLayout(f.font, text);
  if (quick) expect({ text, ...quick }).toEqual({ text, ...fontkitLayout(f, text) });
  return quick !== undefined;
}

afterEach(() => useQuickLayout(true));

/** A summary drawn by modules as a new process has them (nothing measured or shaped yet). */
async function drawnByANewProcess(content: SummaryContent, quick: boolean): Promise<Uint8Array> {
  vi.resetModules();
  const layout = await import('../../electron/services/pdf/quickLayout');
  const summary = await import('../../electron/services/summary');
  layout.useQuickLayout(quick);
  return summary.renderSummaryPdf(content);
}

describe('quickLayout', { timeout: 120_000 }, () => {
  it('gives fontkit’s glyphs and positions for every character of its ranges alone', () => {
    for (const f of faces()) {
      const answered = CHARS.filter((c) => sameAsFontkit(f, c));
      // Most of them: letters, digits, accented letters, punctuation, currency signs.
      expect(answered.length).toBeGreaterThan(CHARS.length * 0.85);
      expect(answered).toEqual(expect.arrayContaining([...'AZaz09éÉçßœŒ€$£.,;!?&']));
    }
  });

  it('gives fontkit’s kerning for every pair of ASCII characters', () => {
    const ascii = CHARS.filter((c) => c.charCodeAt(0) < 0x7f);
    for (const f of faces()) {
      let answered = 0;
      for (const a of ascii) for (const b of ascii) if (sameAsFontkit(f, a + b)) answered++;
      expect(answered).toBeGreaterThan(ascii.length * ascii.length * 0.6);
      // Pairs Inter kerns: the advances differ from the glyphs' own, and still match fontkit's.
      const kerned = quickLayout(f.font, 'AV');
      expect(kerned?.positions[0]?.xAdvance).not.toBe(kerned?.glyphs[0]?.advanceWidth);
    }
  });

  it('gives fontkit’s layout for random texts of its characters', () => {
    const common = [
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?\'"-–—()$€£%&@/éèêëàâçîïôûùüÿœæßÉÀÇñ',
    ];
    const char = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...common) },
      { weight: 1, arbitrary: fc.constantFrom(...CHARS) },
    );
    for (const f of faces()) {
      let answered = 0;
      fc.assert(
        fc.property(fc.array(char, { minLength: 1, maxLength: 24, size: 'max' }), (chars) => {
          if (sameAsFontkit(f, chars.join(''))) answered++;
        }),
        { numRuns: 1500 },
      );
      expect(answered).toBeGreaterThan(100);
    }
  });

  it('gives fontkit’s layout for every word of the fixtures and leaves the rest to fontkit', () => {
    const words = new Set<string>();
    for (const file of [
      'intake-fr.json',
      'intake-long.json',
      'intake-hostile.json',
      'intake-ten-minutes.json',
      'intake-rtl.json',
      'intake-cjk.json',
    ]) {
      const text = readFileSync(resolve(FIXTURES, file), 'utf8');
      for (const word of text.split(/(?<=[ \t])/)) words.add(word);
    }
    for (const f of faces()) {
      let answered = 0;
      for (const word of words) if (sameAsFontkit(f, word)) answered++;
      expect(answered).toBeGreaterThan(words.size * 0.3);
    }
  });

  it('leaves to fontkit what it cannot tell: marks, invisible characters, fractions, missing glyphs, other scripts', () => {
    const f = face('latin', 'regular');
    for (const text of ['e\u0301', 'co\u00ADop', '1\u20442', '\u{1F600}', 'αβγ', ''])
      expect(quickLayout(f.font, text), JSON.stringify(text)).toBeUndefined();
  });

  it('applies Inter’s contextual forms as fontkit does: a colon between digits, ×, case forms of punctuation', () => {
    for (const f of faces()) {
      // Also: the same glyph for two characters (a space and a no-break space) carries the first's.
      for (const text of [
        '12:30',
        '10:00 ',
        '2x3',
        'A-B',
        '(555)',
        '+1',
        'L(–a',
        'HELLO-WORLD',
        '[A]',
        'Jean-François',
        '×5x0',
        'a b\u00a0c\u00a0d e',
      ]) {
        expect(sameAsFontkit(f, text), JSON.stringify(text)).toBe(true);
      }
      // And fontkit does substitute there: the glyphs are not the characters' own.
      const own = [...'12:30'].map((c) => f.font.glyphForCodePoint(c.codePointAt(0) ?? 0).id);
      expect(quickLayout(f.font, '12:30')?.glyphs.map((g) => g.id)).not.toEqual(own);
    }
  });

  it('gives fontkit’s layout for random texts of digits, capitals and punctuation (where the contextual forms are)', () => {
    const chars = [...'0123456789:-–—()[]{}x×+@/.,AHLOXaehox ’\'"*#&<>=|\u00a0'];
    for (const f of faces()) {
      let answered = 0;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 12, size: 'max' }), (list) => {
          if (sameAsFontkit(f, list.join(''))) answered++;
        }),
        { numRuns: 2500 },
      );
      expect(answered).toBeGreaterThan(1000);
    }
  });

  it('draws the same summary bytes as fontkit alone', async () => {
    const copy = await loadSummaryCopy(TEMPLATES_DIR);
    const recipe = await loadRecipe('first-meeting', TEMPLATES_DIR);
    const advisor = checkAdvisor(sampleAdvisorInput());
    if (!advisor.ok) throw new Error('the sample advisor does not check');
    const meeting = checkMeeting(JSON.parse(readFileSync(resolve(FIXTURES, 'meeting-sample.json'), 'utf8')));
    // The sample has a time (10:00) and a phone number (+1 …), where Inter's contextual forms apply.
    for (const file of [
      resolve(TEMPLATES_DIR, 'samples', 'intake.json'),
      ...['intake-fr.json', 'intake-long.json', 'intake-hostile.json', 'intake-rtl.json'].map((f) =>
        resolve(FIXTURES, f),
      ),
    ]) {
      const intake = checkIntake(JSON.parse(readFileSync(file, 'utf8')));
      if (!intake.ok) throw new Error(`${file} does not check`);
      const plan = planDeck(intake.value, advisor.value, recipe);
      const content = buildSummary({
        intake: intake.value,
        advisor: advisor.value,
        plan,
        copy,
        ...(meeting.ok ? { meeting: meeting.value } : {}),
      });
      const reference = await drawnByANewProcess(content, false);
      const quick = await drawnByANewProcess(content, true);
      expect(Buffer.from(quick).equals(Buffer.from(reference)), file).toBe(true);
    }
  });
});

describe('the font as pdfkit is handed it', () => {
  it('answers the post table’s italic angle and pitch as fontkit decodes them, for every face', async () => {
    const { postHeader } = await import('../../electron/services/pdf/pdfkitFaces');
    for (const family of ['latin', 'jp', 'sc', 'kr', 'arabic', 'hebrew'] as const)
      for (const weight of ['regular', 'bold'] as const) {
        const f = face(family, weight);
        const { post } = f.font as unknown as { post: { italicAngle: number; isFixedPitch: number } };
        expect(postHeader(f), f.key).toEqual({ italicAngle: post.italicAngle, isFixedPitch: post.isFixedPitch });
      }
  });
});
