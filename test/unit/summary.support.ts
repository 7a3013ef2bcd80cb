// Helpers for the summary tests: real PDF files read back with poppler (pdfinfo, pdftotext),
// and PNG logos made on the fly.
import { execFile } from 'node:child_process';
import { crc32, deflateSync } from 'node:zlib';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function pdfInfo(path: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-isodates', path]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** Bidi controls that pdftotext wraps right-to-left words in. */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** The text as pdftotext reads it, white space folded to single spaces. */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.replace(BIDI_MARKS, '').replace(/\s+/gu, ' ').trim();
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box (pdftotext -bbox), and the page size. */
export async function pdfWords(path: string): Promise<{ width: number; height: number; words: Word[] }> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { maxBuffer: 16 * 1024 * 1024 });
  const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(stdout);
  const words = [
    ...stdout.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5] ?? '',
  }));
  return { width: Number(page?.[1]), height: Number(page?.[2]), words };
}

/** Words whose box is not inside the page less `margin` on every side. */
export function wordsOutside(
  page: { width: number; height: number; words: Word[] },
  margin: number,
  tolerance = 0.5,
): Word[] {
  return page.words.filter(
    (w) =>
      w.xMin < margin - tolerance ||
      w.yMin < margin - tolerance ||
      w.xMax > page.width - margin + tolerance ||
      w.yMax > page.height - margin + tolerance,
  );
}

/** A PNG header claiming a size (no pixel data): what a decompression bomb looks like from outside. */
export function pngHeader(width: number, height: number): Buffer {
  const png = makePng(1, 1, () => [0, 0, 0, 0]);
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

/** A PNG, colour type 6 (RGBA) or 2 (RGB), with pixels from `pixel(x, y)`. */
export function makePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
  alpha = true,
): Buffer {
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc((width * channels + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * channels + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const p = pixel(x, y);
      for (let c = 0; c < channels; c++) raw[row + 1 + x * channels + c] = p[c] ?? 255;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = alpha ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const WORDS = [
  'plan',
  'épargne',
  'retraite',
  'college',
  'house',
  'taxes',
  'estate',
  'income',
  'portfolio',
  'risk',
  'market',
  'future',
  'family',
  'budget',
  'insurance',
  'pension',
  'account',
  'children',
  'Ångström',
  'façade',
  'naïve',
  'über',
  'business',
  'practice',
];

/** Deterministic filler text of exactly `length` characters. */
export function filler(length: number, seed = 1): string {
  let out = '';
  let i = seed;
  while (out.length < length) {
    i = (i * 1103515245 + 12345) % 2147483648;
    out += `${WORDS[(i >>> 8) % WORDS.length]} `;
  }
  return (
    out
      .slice(0, length - 1)
      .trimEnd()
      .padEnd(length - 1, 'x') + '.'
  );
}

/** The worst intake the schema allows, for the summary: every list full, every text at its limit. */
export function worstIntakeInput(base: Record<string, unknown>): Record<string, unknown> {
  return {
    ...base,
    prospect: {
      ...(base['prospect'] as object),
      firstName: `Maximiliana-Alexandrina ${'Wolfeschlegelsteinhausenbergerdorff'}`.padEnd(100, 'é'),
      lastName: 'Bartholomew-Featherstonehaugh y Montenegro de la Concepción Hernández-Villanueva'.padEnd(100, 'z'),
    },
    goals: [
      'retirement',
      'education',
      'home',
      'estate',
      'tax',
      'protection',
      'business',
      'debt',
      'cashflow',
      'charity',
      'portfolio',
    ],
    urgentNeed: filler(2000, 3),
    concerns: Array.from({ length: 50 }, (_, i) => `Concern ${i + 1}: ${filler(1980, i + 10)}`),
    questions: Array.from({ length: 50 }, (_, i) => `Question ${i + 1}: ${filler(1980, i + 100)}`),
  };
}

/** The worst meeting record: 50 questions with long answers, 5,000 characters of notes. */
export function worstMeetingInput(slideIds: readonly string[]): Record<string, unknown> {
  return {
    endedAt: '2026-12-03T14:24',
    shownSlideIds: slideIds.slice(0, 50),
    questions: Array.from({ length: 50 }, (_, i) => ({
      text: `Q${i + 1}: ${filler(1990, i + 200)}`,
      answer: `A${i + 1}: ${filler(1990, i + 300)}`,
    })),
    notes: filler(5000, 7),
  };
}
