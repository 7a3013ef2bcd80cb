// How the engine's faces go into a pdfkit document: each parsed face registered once per
// document (several copies for Arabic and Hebrew, see slotFor), pdfkit's own slips around it
// corrected, and each word's layout shared between documents (quickLayout where it can).
import { type Face, forgetGlyphs, shape } from './fonts';
import { fontTable } from './openTypeTable';
import { quickLayout } from './quickLayout';
/**
 * Arabic shaping draws many letters with one dotless base glyph plus dot marks (ب ت ث ن ي in
 * the middle of a word share a base). A PDF maps each glyph of a font to one text, so with one
 * embedded font, pdftotext would read ت as ب. Each word therefore goes to the first copy of
 * the font ("slot") where its glyphs mean what they meant before; a copy is a separate small
 * subset with its own map. Most documents need one or two.
 */
function slotFor(face: Face, text: string, slots: Map<string, Map<number, string>[]>): number {
  let list = slots.get(face.key);
  if (!list) {
    list = [];
    slots.set(face.key, list);
  }
  const glyphs = shape(face, text).glyphs.filter((g) => g.codePoints.length > 0);
  const meaning = (g: (typeof glyphs)[number]) => String.fromCodePoint(...g.codePoints);
  let index = list.findIndex((map) => glyphs.every((g) => (map.get(g.id) ?? meaning(g)) === meaning(g)));
  if (index < 0) {
    index = list.length;
    list.push(new Map());
  }
  const map = list[index] as Map<number, string>;
  for (const g of glyphs) map.set(g.id, meaning(g));
  return index;
}

/**
 * What pdfkit reads of the post table (the italic angle and whether the face is monospaced),
 * from its 16-byte header. fontkit would decode the whole table for it, with the name of each
 * of Inter's 2,500 glyphs (tens of milliseconds per face); nothing else asks for them.
 */
export function postHeader(face: Face): { italicAngle: number; isFixedPitch: number } | undefined {
  const post = fontTable(face.font, 'post', 16);
  if (!post) return undefined;
  // Fixed 16.16 and uint32, as fontkit reads them.
  return {
    italicAngle: post.bytes.getInt32(post.offset + 4) / 65536,
    isFixedPitch: post.bytes.getUint32(post.offset + 12),
  };
}

/**
 * The parsed font as pdfkit is handed it: under another PostScript name when given one (pdfkit
 * then embeds it as a separate font), and answering the post table's header itself.
 */
function forPdfkit(face: Face, name?: string): unknown {
  const postscriptName =
    name === undefined ? face.font.postscriptName : `${face.font.postscriptName}-${name.replace(/[^A-Za-z0-9]/g, '')}`;
  const post = postHeader(face);
  return new Proxy(face.font, {
    get(target, property) {
      if (property === 'postscriptName') return postscriptName;
      if (post && property === 'post') return post;
      if (post && property === 'italicAngle') return post.italicAngle;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * pdfkit (0.20) writes the width of glyph 0, the missing-glyph box drawn for a character no face
 * has (an emoji), in font units where every other width is in thousandths of an em. With Inter's
 * 2,048 units per em, viewers and text extractors then move twice as far past each box as it was
 * laid out, and the rest of the line runs past the margin. Set as pdfkit sets the others.
 */
function fixMissingGlyphWidth(doc: PDFKit.PDFDocument): void {
  const embedded = (doc as unknown as { _font?: { widths?: number[]; scale?: number; font?: Face['font'] } })._font;
  if (embedded?.widths && embedded.scale && embedded.font)
    embedded.widths[0] = embedded.font.getGlyph(0).advanceWidth * embedded.scale;
}

/** A word as pdfkit lays it out (glyphs, positions in thousandths of an em), never changed once made. */
interface WordRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}
interface EmbeddedFont {
  scale: number;
  layoutRun(text: string): WordRun;
  layoutCached(text: string): WordRun;
}

/** Per face: each word laid out once per process (bounded; the worst page draws a few thousand). */
const wordRuns = new Map<string, Map<string, WordRun>>();
const MAX_WORDS = 20_000;

/**
 * pdfkit shapes a text word by word (cut after each space) and keeps those layouts for one
 * document; shaping with fontkit is then most of the time a summary takes to draw, the same
 * words (the copy, the firm, the prospect's) again for every summary. Each word is shaped here
 * from a clean glyph cache (see forgetGlyphs), as emBox measures, so its glyphs and widths
 * depend on that word alone, never on what the process drew before: sharing the layouts
 * between documents changes no byte of any of them.
 */
function shareWordLayouts(doc: PDFKit.PDFDocument, face: Face): void {
  const embedded = (doc as unknown as { _font?: EmbeddedFont })._font;
  if (!embedded) return;
  let words = wordRuns.get(face.key);
  if (!words) {
    words = new Map();
    wordRuns.set(face.key, words);
  }
  const cache = words;
  embedded.layoutCached = (text: string): WordRun => {
    let run = cache.get(text);
    if (!run) {
      forgetGlyphs(face);
      run = quickWordRun(face, text, embedded.scale) ?? embedded.layoutRun(text);
      if (cache.size >= MAX_WORDS) cache.clear();
      cache.set(text, run);
    }
    return run;
  };
}

/**
 * A word from quickLayout in pdfkit's units, as pdfkit's layoutRun makes one from fontkit's
 * (each position scaled, plus the glyph's own advance; the run's width the sum of the advances).
 */
function quickWordRun(face: Face, text: string, scale: number): WordRun | undefined {
  const laid = quickLayout(face.font, text);
  if (!laid) return undefined;
  let advanceWidth = 0;
  const positions = laid.positions.map((p, i) => {
    const scaled = {
      xAdvance: p.xAdvance * scale,
      yAdvance: p.yAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: (laid.glyphs[i]?.advanceWidth ?? 0) * scale,
    };
    advanceWidth += scaled.xAdvance;
    return scaled;
  });
  return { glyphs: laid.glyphs, positions, advanceWidth };
}

/**
 * The faces one pdfkit document uses: `use` sets the face and size of the next text, registering
 * the face the first time. A shaped text (Arabic, Hebrew) goes to the copy of its face where its
 * glyphs keep their meaning (slotFor).
 */
export class PdfkitFaces {
  private readonly registered = new Set<string>();
  private readonly slots = new Map<string, Map<number, string>[]>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  use(face: Face, size: number, shaped?: string): void {
    const doc = this.doc;
    const name = shaped === undefined ? face.key : `${face.key}#${slotFor(face, shaped, this.slots)}`;
    if (!this.registered.has(name)) {
      // pdfkit accepts a fontkit font object: parsed once per process, subset per document.
      doc.registerFont(name, forPdfkit(face, name === face.key ? undefined : name) as never);
      this.registered.add(name);
      fixMissingGlyphWidth(doc.font(name));
      shareWordLayouts(doc, face);
    }
    doc.font(name).fontSize(size);
  }
}
