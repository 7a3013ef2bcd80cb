// The one-page summary, end to end on real files: build() writes summary.pdf, then poppler
// (pdfinfo, pdftotext) reads it back as any viewer or test of the CLI would.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDayAndTime } from '../../core/locale/format';
import type { DeckPlan } from '../../core/plan/planDeck';
import { build, type BuildResult } from '../../electron/services/build';
import { emBox, face, fallbackChain } from '../../electron/services/pdf/fonts';
import { MARGIN } from '../../electron/services/summary/layout/pageText';
import { drawnText } from '../../electron/services/pdf/bidi';
import { TextEngine } from '../../electron/services/pdf/text';
import { HOSTILE, sampleAdvisorInput, sampleIntakeInput } from '../support/samples';
import {
  filler,
  makePng,
  pdfInfo,
  pngHeader,
  pdfText,
  pdfWords,
  wordsOutside,
  worstIntakeInput,
  worstMeetingInput,
} from './summary.support';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
let dir: string;
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-summary-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value));
  return path;
}

interface Built {
  plan: DeckPlan;
  pdf: string;
  text: string;
}

/** Builds into a fresh folder and reads the PDF back; fails the test on bad input. */
async function buildSummary(intake: unknown, opts: { advisor?: unknown; meeting?: unknown } = {}): Promise<Built> {
  const n = ++count;
  const intakePath = typeof intake === 'string' ? intake : await write(`intake-${n}.json`, intake);
  const advisorPath =
    opts.advisor === undefined
      ? undefined
      : typeof opts.advisor === 'string'
        ? opts.advisor
        : await write(`advisor-${n}.json`, opts.advisor);
  const meetingPath =
    opts.meeting === undefined
      ? undefined
      : typeof opts.meeting === 'string'
        ? opts.meeting
        : await write(`meeting-${n}.json`, opts.meeting);
  const outDir = join(dir, `out-${n}`);
  const result: BuildResult = await build({
    intakePath,
    ...(advisorPath ? { advisorPath } : {}),
    ...(meetingPath ? { meetingPath } : {}),
    outDir,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.invalid));
  const pdf = join(outDir, 'summary.pdf');
  expect(result.files).toContain(pdf);
  return { plan: result.plan, pdf, text: await pdfText(pdf) };
}

/** What every summary must satisfy: one page, inside the margins, the names, date and disclosure. */
async function expectOnePage(built: Built, disclosure: string, advisorName: string): Promise<void> {
  const info = await pdfInfo(built.pdf);
  expect(info['Pages']).toBe('1');
  const page = await pdfWords(built.pdf);
  expect(page.words.length).toBeGreaterThan(20);
  expect(wordsOutside(page, MARGIN)).toEqual([]);
  const { plan, text } = built;
  const squash = (s: string) => s.replace(/\s+/gu, '');
  // Names print whole, possibly across lines for the longest ones; a couple's each whole (the
  // extractor orders a right-to-left name and a left-to-right one its own way).
  for (const name of plan.prospect.fullName.split(' & ')) expect(squash(text)).toContain(squash(name));
  expect(squash(text)).toContain(squash(advisorName));
  const due = formatDayAndTime(plan.locale, plan.followUp.dueAt, plan.followUp.timeZone);
  if (/^(ar|he)\b/.test(plan.locale)) {
    // pdftotext applies its own bidi to a right-to-left date inside an English sentence: the
    // words are all there, their order is the extractor's.
    for (const word of `${due.day} ${due.time}`.split(/[\s,،]+/u).filter(Boolean)) expect(text).toContain(word);
  } else {
    expect(text).toContain(due.day);
    expect(text).toContain(due.time);
  }
  // The disclosure is printed in full, word for word.
  expect(squash(text)).toContain(squash(disclosure));
}

const sampleAdvisor = sampleAdvisorInput();

describe('summary.pdf for the sample', { timeout: 60_000 }, () => {
  it('is one Letter page with the sections, the names, the follow-up and the disclosure', async () => {
    const built = await buildSummary(sampleIntakeInput(), { meeting: join(FIXTURES, 'meeting-sample.json') });
    await expectOnePage(built, sampleAdvisor.disclosure, 'Jordan Avery');
    const { text, pdf } = built;
    expect(text).toContain('Prepared for Maria Lopez');
    expect(text).toContain('Thursday, December 3, 2026');
    expect(text).toContain('Jordan Avery will follow up with you on Tuesday, December 8, 2026 at 10:00');
    // What you told us: goals in their order, the urgent need, the concerns.
    expect(text).toContain('1. Retirement · 2. Education · 3. Taxes');
    expect(text).toContain('Sell the practice within three years');
    expect(text).toContain("Will Ana's college costs derail our plans?");
    // What we covered: the takeaways of the slides shown, and only those.
    expect(text).toContain('Our fees are transparent');
    expect(text).not.toContain('We work in three steps');
    // The meeting's questions with their answers; one still open.
    expect(text).toContain('How are you paid? A flat annual fee, agreed in writing before you decide. No commissions.');
    expect(text).toContain('What happens to my 401(k) if I sell the practice? We will come back to you on this.');
    // The question sent before the meeting is listed too, waiting for its answer.
    expect(text).toContain('How often would we meet? We will come back to you on this.');
    expect(text).toContain('Wants to include Daniel in the next meeting');
    // The advisor's card.
    for (const s of [
      'CFP®, CFA',
      'Senior Wealth Advisor',
      'jordan.avery@harborpine.example',
      '+1 415 555 0100',
      'https://harborpine.example',
    ])
      expect(text).toContain(s);
    // A retirement projection was shown: the notice and its assumptions.
    expect(text).toContain('hypothetical illustrations');
    expect(text).toContain('4%, 6%, and 8%');

    const info = await pdfInfo(pdf);
    expect(info['Page size']).toContain('612 x 792');
    // Maria and her husband Daniel came together: the summary is for both of them.
    expect(info['Title']).toBe('Summary of our meeting: Maria Lopez & Daniel Lopez');
    expect(info['Author']).toBe('Jordan Avery');
    expect(info['Subject']).toContain('Thursday, December 3, 2026');
    // Dated from the end of the meeting (14:24 in Los Angeles), not from the clock.
    expect(info['CreationDate']).toBe('2026-12-03T22:24:00Z');
    expect(info['JavaScript']).toBe('no');
  });

  it('without a meeting record: the whole deck, the intake questions, dated from the meeting start', async () => {
    const built = await buildSummary(sampleIntakeInput());
    await expectOnePage(built, sampleAdvisor.disclosure, 'Jordan Avery');
    expect(built.text).toContain('We work in three steps');
    expect(built.text).toContain('How are you paid?');
    expect(built.text).toContain('How often would we meet?');
    expect(built.text).not.toContain('We will come back to you on this');
    expect((await pdfInfo(built.pdf))['CreationDate']).toBe('2026-12-03T22:00:00Z');
  });

  it('leaves out the hypothetical notice when no projection was shown', async () => {
    const built = await buildSummary(sampleIntakeInput(), { meeting: { shownSlideIds: ['title', 'fees'] } });
    expect(built.text).toContain('Our fees are transparent');
    expect(built.text).not.toContain('hypothetical illustrations, not guarantees or predictions');
    // The intake's questions stand in for the meeting's when none were recorded.
    expect(built.text).toContain('How often would we meet?');
  });

  it('is byte-identical across runs, small, with no JavaScript and only the https and mailto links', async () => {
    const a = await buildSummary(sampleIntakeInput());
    const b = await buildSummary(sampleIntakeInput());
    const bytes = await readFile(a.pdf);
    expect(bytes.equals(await readFile(b.pdf))).toBe(true);
    expect(bytes.length).toBeLessThan(150 * 1024);
    const raw = bytes.toString('latin1');
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|AA|SubmitForm|ImportData)\b/);
    const uris = [...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect(uris.sort()).toEqual(['https://harborpine.example/', 'mailto:jordan.avery@harborpine.example']);
  });
});

describe('summary.pdf in the prospect locale and script', { timeout: 60_000 }, () => {
  it('French copy and dates, Letter for Canada', async () => {
    const built = await buildSummary(join(FIXTURES, 'intake-fr.json'));
    await expectOnePage(built, sampleAdvisor.disclosure, 'Jordan Avery');
    expect(built.text).toContain('Préparé pour Élodie Côté-Lefèvre');
    expect(built.text).toContain('Ce que vous nous avez dit');
    // Dates written out, not recomputed with the formatter under test.
    expect(built.text).toContain('mercredi 2 décembre 2026 · avec Jordan Avery');
    expect(built.text).toContain('Jordan Avery vous recontactera le vendredi 4 décembre 2026 à 10 h 00.');
    expect((await pdfInfo(built.pdf))['Page size']).toContain('612 x 792');
  });

  it('A4 outside the United States and Canada', async () => {
    const built = await buildSummary({ ...sampleIntakeInput(), locale: 'fr-FR' });
    expect(built.text).toContain('Préparé pour Maria Lopez');
    expect((await pdfInfo(built.pdf))['Page size']).toContain('595.28 x 841.89');
  });

  // The full name written out: family name first in Chinese, Japanese and Korean.
  it.each([
    ['accents', 'en-US', 'José-María Ñúñez', 'Łukasiewicz-Øresund', 'José-María Ñúñez Łukasiewicz-Øresund'],
    ['Vietnamese', 'vi-VN', 'Nguyễn Thị', 'Minh Khai', 'Nguyễn Thị Minh Khai'],
    ['Greek', 'el-GR', 'Ελένη', 'Παπαδοπούλου', 'Ελένη Παπαδοπούλου'],
    ['Cyrillic', 'ru-RU', 'Дмитрий', 'Иванов', 'Дмитрий Иванов'],
    ['Chinese', 'zh-CN', '小明', '王', '王 小明'],
    ['Japanese', 'ja-JP', '花子', '山田', '山田 花子'],
    ['Korean', 'ko-KR', '민준', '김', '김 민준'],
    ['Arabic (right to left)', 'ar-EG', 'محمد', 'العلي', 'محمد العلي'],
    ['Hebrew (right to left)', 'he-IL', 'דוד', 'כהן', 'דוד כהן'],
  ])('prints %s names as typed', async (_, locale, firstName, lastName, expected) => {
    const input = sampleIntakeInput();
    const built = await buildSummary({
      ...input,
      locale,
      prospect: { ...input.prospect, firstName, lastName, partner: { firstName: 'Ελένη', lastName: 'Nguyễn' } },
    });
    await expectOnePage(built, sampleAdvisor.disclosure, 'Jordan Avery');
    expect(built.text).toContain(expected);
    expect(built.plan.prospect.fullName.startsWith(`${expected} & `)).toBe(true);
  });

  it('prints the CJK and RTL fixtures, mixed scripts included', async () => {
    const cjk = await buildSummary(join(FIXTURES, 'intake-cjk.json'));
    await expectOnePage(cjk, sampleAdvisor.disclosure, 'Jordan Avery');
    expect(cjk.text).toContain('Prepared for 山田 花子');
    expect(cjk.text).toContain('2026年12月3日木曜日 · with Jordan Avery');
    expect(cjk.text).toContain('Jordan Avery will follow up with you on 2026年12月8日火曜日 at 10:00.');
    expect(cjk.text).toContain('中国語の資料もありますか？ 我们需要中文资料吗？');
    const rtl = await buildSummary(join(FIXTURES, 'intake-rtl.json'));
    await expectOnePage(rtl, sampleAdvisor.disclosure, 'Jordan Avery');
    expect(rtl.text).toContain('محمد العلي');
    expect(rtl.text).toContain('هل مدخراتي كافية؟');
  });
});

describe('summary.pdf with the worst input', { timeout: 60_000 }, () => {
  it('stays one readable page: shortened with an ellipsis and "+N more", inside the margins', async () => {
    const intake = worstIntakeInput(sampleIntakeInput() as unknown as Record<string, unknown>);
    const first = await buildSummary(intake);
    const built = await buildSummary(intake, { meeting: worstMeetingInput(first.plan.deck.slides.map((s) => s.id)) });
    await expectOnePage(built, sampleAdvisor.disclosure, 'Jordan Avery');
    expect(built.text).toMatch(/\+\d+ more/);
    expect(built.text).toContain('…');
    expect(built.text).toContain('1. Retirement');
    expect(built.text).toContain('11. Investments');
    expect(built.text).toContain('Q1:');
    expect(built.text).toContain('A1:');
    // The notes are shortened, not dropped.
    expect(built.text).toContain(filler(5000, 7).slice(0, 40));
  });

  it('keeps the whole disclosure beside a long advisor profile', async () => {
    const advisor = {
      ...sampleAdvisor,
      name: 'Alexandrina Featherstonehaugh-Wolfeschlegelsteinhausen de la Concepción'.padEnd(100, 'x'),
      disclosure: filler(2500, 9),
    };
    const built = await buildSummary(sampleIntakeInput(), { advisor });
    await expectOnePage(built, advisor.disclosure, advisor.name);
  });

  it('keeps an advisor profile at every limit to its card: one page, inside the margins, disclosure printed', async () => {
    const advisor = JSON.parse(
      await readFile(join(import.meta.dirname, '../fixtures/advisor-max.json'), 'utf8'),
    ) as typeof sampleAdvisor;
    const built = await buildSummary(sampleIntakeInput(), { advisor });
    expect((await pdfInfo(built.pdf))['Pages']).toBe('1');
    expect(wordsOutside(await pdfWords(built.pdf), MARGIN)).toEqual([]);
    expect(built.text).toContain('Wealth planning and retirement income advice');
    expect(built.text).toContain('Maria Lopez');
  });

  it('extracts a name typed with combining accents (NFD) whole', async () => {
    const intake = {
      ...sampleIntakeInput(),
      prospect: {
        ...sampleIntakeInput().prospect,
        firstName: 'Nguyễn Thị'.normalize('NFD'),
        lastName: 'Hồng'.normalize('NFD'),
      },
    };
    const built = await buildSummary(intake);
    expect(built.text).toContain('Nguyễn Thị Hồng');
  });

  it('stays on one page even with a 5,000-character disclosure and every text at its limit', async () => {
    const intake = worstIntakeInput(sampleIntakeInput() as unknown as Record<string, unknown>);
    const advisor = {
      ...sampleAdvisor,
      name: 'N'.repeat(100),
      firm: filler(200, 4),
      credentials: Array.from({ length: 20 }, (_, i) => `CRED${i}`),
      disclosure: filler(5000, 9),
    };
    const first = await buildSummary(intake, { advisor });
    const built = await buildSummary(intake, {
      advisor,
      meeting: worstMeetingInput(first.plan.deck.slides.map((s) => s.id)),
    });
    expect((await pdfInfo(built.pdf))['Pages']).toBe('1');
    expect(wordsOutside(await pdfWords(built.pdf), MARGIN)).toEqual([]);
    expect(built.text).toContain(filler(5000, 9).slice(0, 200));
  });
});

describe('summary.pdf with hostile input and logos', { timeout: 60_000 }, () => {
  it('prints hostile strings literally, and a javascript: website is text, not a link', async () => {
    const built = await buildSummary(join(FIXTURES, 'intake-hostile.json'), {
      advisor: join(FIXTURES, 'advisor-hostile.json'),
      meeting: join(FIXTURES, 'meeting-hostile.json'),
    });
    expect((await pdfInfo(built.pdf))['Pages']).toBe('1');
    expect(wordsOutside(await pdfWords(built.pdf), MARGIN)).toEqual([]);
    for (const s of HOSTILE) expect(built.text).toContain(s);
    expect(built.text).toContain('Prepared for <img src=x onerror="window.__pwned=1"> "><svg onload=window.__pwned=1>');
    const raw = (await readFile(built.pdf)).toString('latin1');
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch)\b/);
    expect([...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1])).toEqual(["mailto:o'brien+b@example.com"]);
  });

  it('embeds a large PNG logo and still fits one page', async () => {
    // Noise does not compress: close to the 2 MB limit, 800 × 600 with transparency.
    let seed = 7;
    const noise = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
    await writeFile(
      join(dir, 'big-logo.png'),
      makePng(800, 600, () => [noise(), noise(), noise(), 200 + (noise() % 56)]),
    );
    const built = await buildSummary(sampleIntakeInput(), { advisor: { ...sampleAdvisor, logo: 'big-logo.png' } });
    await expectOnePage(built, sampleAdvisor.disclosure, 'Jordan Avery');
    expect((await readFile(built.pdf)).toString('latin1')).toContain('/Subtype /Image');
  });

  it('leaves out a PNG too large to decode, with a warning naming the logo field', async () => {
    // A few bytes on disk, 400 megabytes once decoded: a decompression bomb.
    await writeFile(join(dir, 'bomb.png'), pngHeader(10000, 10000));
    const intakePath = await write('bomb-intake.json', sampleIntakeInput());
    const advisorPath = await write('bomb-advisor.json', { ...sampleAdvisor, logo: 'bomb.png' });
    const result = await build({ intakePath, advisorPath, outDir: join(dir, 'bomb-out') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings[0]?.problems[0]).toMatchObject({
      path: 'logo',
      message: expect.stringContaining('10000 × 10000'),
    });
    expect((await readFile(join(dir, 'bomb-out', 'summary.pdf'))).toString('latin1')).not.toContain('/Subtype /Image');
    expect(await readFile(join(dir, 'bomb-out', 'deck.html'), 'utf8')).not.toContain('data:image/png');
  });
});

describe('summary.pdf draws every word where it was measured', { timeout: 60_000 }, () => {
  const inside = async (built: Built) => {
    expect((await pdfInfo(built.pdf))['Pages']).toBe('1');
    expect(wordsOutside(await pdfWords(built.pdf), MARGIN)).toEqual([]);
  };
  const withDisclosure = (disclosure: string) => ({ advisor: { ...sampleAdvisor, disclosure } });
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  /** `unit` repeated up to `n` characters, as the schema counts them. */
  const upTo = (unit: string, n: number) => {
    let out = '';
    while ([...graphemes.segment(out + unit)].length <= n) out += unit;
    return out.trim();
  };

  it('breaks an answer to the room it has, further in than its question', async () => {
    // One line of answer, measured at the question's width, ended 7 pt past the margin.
    await inside(
      await buildSummary(sampleIntakeInput(), {
        meeting: { questions: [{ text: 'How are you paid?', answer: 'a '.repeat(70) }] },
      }),
    );
  });

  it('gives an emoji, which no face draws, the room of the box it is drawn as', async () => {
    // pdfkit wrote the box's width in font units: viewers moved twice as far past each one.
    await inside(await buildSummary(sampleIntakeInput(), withDisclosure('a 🙂'.repeat(60))));
  });

  it('leaves out a zero-width joiner that no face has, whatever was drawn before', async () => {
    // Once a summary was drawn, fontkit measured the joiner as a missing-glyph box.
    await inside(await buildSummary(sampleIntakeInput(), withDisclosure('a b\u200Dc '.repeat(60))));
  });

  it('measures a text the same whatever fontkit laid out or drew before', async () => {
    // pdfkit's first use of the missing glyph: a joiner met after it was measured as that glyph.
    const latin = face('latin', 'regular');
    latin.font.getGlyph(0);
    expect(emBox(latin, 'x\u200Dy').advance).toBe(emBox(latin, 'xy').advance);
    // An Arabic presentation form drawn last shares its glyph with ب, which then stopped joining.
    const arabic = face('arabic', 'regular');
    arabic.font.layout('ﺏ');
    const file = createRequire(import.meta.url).resolve(
      '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    );
    const fresh = fontkit.create(readFileSync(file)) as fontkit.Font;
    expect(emBox(arabic, 'بيت').advance).toBe(fresh.layout('بيت').advanceWidth / fresh.unitsPerEm);
    // As the app does: a summary in Hebrew, then one in English, in one process.
    await inside(await buildSummary({ ...sampleIntakeInput(), locale: 'he-IL' }));
    await inside(await buildSummary(sampleIntakeInput()));
  });

  it('places each space of a line that mixes directions once, as the line was measured', () => {
    // The space between two words was taken as that after the first of them in the text: in
    // "Tokyo שלום  עולם Osaka" the double space counted twice, the single one not at all.
    const engine = new TextEngine(fallbackChain('en-US'));
    for (const width of [80, 100, 112, 140]) {
      for (const line of engine.lines({ text: 'Tokyo שלום  עולם Osaka' }, { weight: 'regular', size: 10 }, width))
        expect(line.width).toBeLessThanOrEqual(width + 0.01);
    }
  });

  it('hands pdfkit an Arabic word as typed, a number in Arabic-Indic digits reversed', () => {
    // fontkit lays both out right to left; only the number must read left to right. The word
    // came after Latin letters: it was taken for a number and handed over backwards.
    const line = new TextEngine(fallbackChain('en-US')).lines(
      { text: 'abcمرحبا ٢٠٢٦' },
      { weight: 'regular', size: 10 },
      500,
    )[0];
    expect(line?.runs.map((r) => drawnText(r.text))).toEqual(['abc', 'مرحبا', '٦٢٠٢']);
  });

  it('draws ڢ, whose dots fontkit cannot place at the end of a word, instead of failing', async () => {
    await inside(await buildSummary({ ...sampleIntakeInput(), concerns: ['ظرف ڢ', 'ڢ'] }));
  });

  it('keeps a name typed with line breaks to a title of a few lines', async () => {
    const input = sampleIntakeInput();
    await inside(await buildSummary({ ...input, prospect: { ...input.prospect, lastName: '\nà'.repeat(50) } }));
  });

  it('keeps accents that follow a letter of another face inside the margin', async () => {
    // The Arabic face has no Latin accents: they are drawn alone, before where their run starts.
    await inside(await buildSummary(sampleIntakeInput(), withDisclosure('ع̣̀̈̀')));
  });

  it('makes a line of stacked accents taller rather than let them over the top margin', async () => {
    await inside(await buildSummary(sampleIntakeInput(), { advisor: { ...sampleAdvisor, firm: 'à̀̀̀̀̀̀̀'.repeat(20) } }));
  });

  it('cuts a disclosure of lines of different heights to those that fit', async () => {
    const built = await buildSummary(sampleIntakeInput(), withDisclosure('\n\n山a '.repeat(990)));
    await inside(built);
    expect(built.text).toContain('…');
  });

  it('keeps the title, the meeting line and the card to their first lines when nothing else is left to cut', async () => {
    // Stacked accents in every name and card line, every list full: even the shortest body and
    // the smallest disclosure were taller than the page.
    const stacked = (unit: string, n: number) => upTo(unit, n);
    const intake = worstIntakeInput(sampleIntakeInput() as unknown as Record<string, unknown>);
    intake['prospect'] = {
      ...(intake['prospect'] as object),
      firstName: stacked('ọ̀̀̀̀̀̀̀ب̣̣̣̣ ', 100),
      lastName: stacked('ع̣̣̣̣̣̣̀̀̀̀̀ 山 ', 100),
    };
    const line = stacked('ọ̀̀̀̀̀̀̀x ', 100);
    const advisor = {
      ...sampleAdvisor,
      name: line,
      title: line,
      firm: stacked('ع̣̣̣̣̣̀̀̀̀ نن', 200),
      credentials: Array.from({ length: 20 }, () => stacked('ọ̀̀̀̀̀̀̀ ', 30)),
      phone: stacked('ọ̀̀̀̀̀̀̀x ', 200),
      disclosure: filler(2300, 5),
    };
    const first = await buildSummary(intake, { advisor });
    await inside(
      await buildSummary(intake, { advisor, meeting: worstMeetingInput(first.plan.deck.slides.map((s) => s.id)) }),
    );
  });
});
