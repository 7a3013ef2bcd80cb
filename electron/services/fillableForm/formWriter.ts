// The fillable form's pen: a pdfkit document with an AcroForm, drawing text with the PDF
// engine's faces and line breaking, and the fields (text, drop-down, checkbox, hidden) with the
// entries pdfkit has no option for. Where each field goes is formPages.ts's business.
import PDFDocument from 'pdfkit';
import type { FieldValue } from '../../../core/intake/fillableForm';
import { fillCopy, type IntakeFormCopy } from '../../../core/intake/fillableFormCopy';
import { pageSizeFor } from '../../../core/summary/summary';
import { drawnText, type Face, fallbackChain, forgetGlyphs, type Line, TextEngine, type Weight } from '../pdf';

const SIZES = { LETTER: { width: 612, height: 792 }, A4: { width: 595.28, height: 841.89 } } as const;
export const MARGIN = 40;
/** Fields are this tall: a fingertip on a tablet showing the page at its width. */
export const FIELD_H = 34;
export const LABEL_SIZE = 9.5;
export const LABEL_GAP = 4;
export const ROW = LABEL_SIZE + LABEL_GAP + FIELD_H + 8;
export const GAP = 12;
const FIELD_TEXT_SIZE = 12;
export const BOX = 22;
export const INK = '#1F2933';
export const MUTED = '#52606D';
const FIELD_FILL = '#F4F7FA';
const FIELD_BORDER = '#9AA5B1';

type Doc = PDFKit.PDFDocument & {
  _font: { id: string; name: string };
  page: { annotations: { data: Record<string, unknown> }[] };
  ref(data: Record<string, unknown>): { end(chunk?: Buffer | string): void };
};

/** Draws text and fields; knows where it is on the page. */
export class FormWriter {
  readonly doc: Doc;
  readonly text: TextEngine;
  readonly width: number;
  readonly height: number;
  y = MARGIN;
  private readonly registered = new Set<string>();
  private helvetica = '';

  constructor(
    readonly locale: string,
    readonly copy: IntakeFormCopy,
    readonly primary: string,
    readonly accent: string,
    readonly values: ReadonlyMap<string, FieldValue>,
    info: { title: string; author: string; creationDate: Date },
  ) {
    const size = SIZES[pageSizeFor(locale)];
    this.width = size.width;
    this.height = size.height;
    this.text = new TextEngine(fallbackChain(locale));
    this.doc = new PDFDocument({
      size: [size.width, size.height],
      margin: 0,
      compress: true,
      lang: locale,
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Creator: 'Advisor Deck', CreationDate: info.creationDate },
    }) as unknown as Doc;
    // Field text is set in Helvetica, which every PDF reader has: an embedded subset would lack
    // the letters a prospect types. Readers draw what is typed (NeedAppearances) in their own
    // fallback fonts for other scripts; the value itself is Unicode either way.
    this.doc.font('Helvetica');
    this.helvetica = this.doc._font.id;
    this.doc.initForm();
  }

  get contentWidth(): number {
    return this.width - 2 * MARGIN;
  }

  private useFace(face: Face, size: number): void {
    if (!this.registered.has(face.key)) {
      this.doc.registerFont(face.key, face.font as never);
      this.registered.add(face.key);
    }
    this.doc.font(face.key).fontSize(size);
  }

  /** One laid-out line, its top at `top`. */
  drawLine(line: Line, x: number, top: number, size: number, color: string): void {
    this.doc.fillColor(color);
    const baseline = top + line.ascent;
    for (const run of line.runs) {
      if (!run.text) continue;
      this.useFace(run.face, size);
      forgetGlyphs(run.face);
      this.doc.text(drawnText(run.text), x + run.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
  }

  /** A paragraph wrapped to `width`; returns its height. At most `maxLines` lines (the last cut with …). */
  paragraph(
    text: string,
    x: number,
    top: number,
    width: number,
    size: number,
    weight: Weight,
    color: string,
    maxLines = 20,
  ): number {
    let lines = this.text.lines({ text }, { weight, size }, width);
    if (lines.length > maxLines) {
      const kept = lines.slice(0, maxLines);
      const last = kept[maxLines - 1] as Line;
      const rest = text.slice(last.start);
      const cut = this.text.lines(
        { text: this.text.fitOne(rest, { weight, size }, width) },
        { weight, size },
        width,
      )[0];
      lines = cut ? [...kept.slice(0, -1), cut] : kept;
    }
    let y = top;
    for (const line of lines) {
      this.drawLine(line, x, y, size, color);
      y += Math.max(size * 1.3, line.ascent + line.descent);
    }
    return y - top;
  }

  /** One line, cut with … to fit; returns its height (taller than the size for Arabic or stacked accents). */
  oneLine(text: string, x: number, top: number, width: number, size: number, weight: Weight, color: string): number {
    const style = { weight, size };
    const fitted = this.text.width(text, style) <= width ? text : this.text.fitOne(text, style, width);
    const [line] = this.text.lines({ text: fitted }, { weight, size }, width + 1);
    if (!line) return size;
    this.drawLine(line, x, top, size, color);
    return line.ascent + line.descent;
  }

  section(title: string, hint?: string): void {
    this.oneLine(title, MARGIN, this.y, this.contentWidth, 13, 'bold', this.primary);
    this.doc.rect(MARGIN, this.y + 19, this.contentWidth, 1).fill(this.accent);
    this.y += 25;
    if (hint) {
      this.oneLine(hint, MARGIN, this.y, this.contentWidth, 9, 'regular', MUTED);
      this.y += 14;
    }
  }

  private box(x: number, y: number, w: number, h: number, fill = FIELD_FILL): void {
    this.doc.roundedRect(x, y, w, h, 4).lineWidth(0.8).fillAndStroke(fill, FIELD_BORDER);
  }

  /**
   * Adds a widget with entries pdfkit has no option for (MaxLen, DA, TU, AP…): pdfkit writes an
   * annotation as soon as it is made, so they are merged into the one annotate() call.
   */
  private withEntries(entries: Record<string, unknown>, add: () => void): void {
    const doc = this.doc as unknown as {
      annotate: (x: number, y: number, w: number, h: number, options: Record<string, unknown>) => unknown;
    };
    const annotate = doc.annotate;
    doc.annotate = function (this: unknown, x, y, w, h, options) {
      return annotate.call(this, x, y, w, h, { ...options, ...entries });
    };
    try {
      add();
    } finally {
      doc.annotate = annotate;
    }
  }

  private valueOf(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : undefined;
  }

  /** A labelled text field: the label above, the box below. */
  textField(
    name: string,
    label: string,
    x: number,
    top: number,
    w: number,
    options: { h?: number; multiline?: boolean; readOnly?: boolean; maxLength?: number; hideLabel?: boolean } = {},
  ): void {
    const h = options.h ?? FIELD_H;
    let y = top;
    if (!options.hideLabel) {
      this.oneLine(label, x, y, w, LABEL_SIZE, 'bold', INK);
      y += LABEL_SIZE + LABEL_GAP;
    }
    this.box(x, y, w, h, options.readOnly ? '#FFFFFF' : FIELD_FILL);
    const value = this.valueOf(name);
    this.doc.font('Helvetica');
    const entries = {
      DA: new String(`/${this.helvetica} ${options.multiline ? 11 : FIELD_TEXT_SIZE} Tf 0.12 0.16 0.2 rg`),
      TU: new String(label),
      ...(options.maxLength !== undefined ? { MaxLen: options.maxLength } : {}),
      // No border of its own: the box is drawn on the page, so it shows in every reader and in print.
      MK: {},
    };
    this.withEntries(entries, () =>
      this.doc.formText(name, x + 1, y + 1, w - 2, h - 2, {
        ...(value !== undefined ? { value } : {}),
        ...(options.multiline ? { multiline: true } : {}),
        ...(options.readOnly ? { readOnly: true } : {}),
      }),
    );
  }

  /** A drop-down of [export value, label] pairs, with an empty first choice. */
  choiceField(
    name: string,
    label: string,
    x: number,
    top: number,
    w: number,
    choices: readonly (readonly [string, string])[],
  ): void {
    this.oneLine(label, x, top, w, LABEL_SIZE, 'bold', INK);
    const y = top + LABEL_SIZE + LABEL_GAP;
    this.box(x, y, w, FIELD_H);
    // A chevron says "choose" in readers that draw no arrow of their own.
    const cx = x + w - 14;
    const cy = y + FIELD_H / 2;
    this.doc
      .moveTo(cx - 4, cy - 2)
      .lineTo(cx, cy + 2)
      .lineTo(cx + 4, cy - 2)
      .lineWidth(1.2)
      .strokeColor(MUTED)
      .stroke();
    const value = this.valueOf(name);
    this.doc.font('Helvetica');
    const entries = { DA: new String(`/${this.helvetica} 11 Tf 0.12 0.16 0.2 rg`), TU: new String(label), MK: {} };
    this.withEntries(entries, () =>
      this.doc.formCombo(name, x + 1, y + 1, w - 22, FIELD_H - 2, {
        select: [
          [new String(''), new String(this.copy.choose)],
          ...choices.map(([id, text]) => [new String(id), new String(text)]),
        ] as never,
        ...(value !== undefined ? { value } : {}),
      }),
    );
  }

  /** A checkbox with its label to the right; appearances for on (/Yes) and off drawn here. */
  checkbox(name: string, label: string, x: number, top: number, w: number): void {
    this.box(x, top, BOX, BOX);
    this.oneLine(label, x + BOX + 8, top + (BOX - 12) / 2, w - BOX - 8, 11, 'regular', INK);
    const on = this.values.get(name) === true;
    const stream = (content: string) => {
      const ref = this.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, BOX, BOX], Resources: {} });
      ref.end(content);
      return ref;
    };
    const [r, g, b] = hexRgb(this.primary);
    const check = `q ${r} ${g} ${b} RG 2.6 w 1 J 1 j 5 11.5 m 9.5 6.5 l 17.5 16 l S Q`;
    // Readers that draw the check themselves use ZapfDingbats "4" (✔), looked up as ZaDb: a
    // font of its own built-in encoding (pdfkit's standard fonts are WinAnsi, which maps "4" to a digit).
    this.doc.font('Helvetica');
    const acroform = (this.doc as unknown as { _acroform: { fonts: Record<string, unknown> } })._acroform;
    let zapf = acroform.fonts['ZaDb'];
    if (!zapf) {
      const ref = this.doc.ref({ Type: 'Font', Subtype: 'Type1', BaseFont: 'ZapfDingbats' });
      ref.end();
      zapf = acroform.fonts['ZaDb'] = ref;
    }
    const entries = {
      DR: { Font: { ZaDb: zapf } },
      AP: { N: { Yes: stream(check), Off: stream('') } },
      AS: on ? 'Yes' : 'Off',
      V: on ? 'Yes' : 'Off',
      TU: new String(label),
      MK: { CA: new String('4') },
      DA: new String(`/ZaDb 0 Tf ${r} ${g} ${b} rg`),
    };
    this.withEntries(entries, () => this.doc.formCheckbox(name, x, top, BOX, BOX));
  }

  /** A field carried back without being shown or typed in. */
  hidden(name: string, value: string | undefined): void {
    this.doc.font('Helvetica');
    // Hidden (2) and never printed.
    this.withEntries({ F: 2 }, () =>
      this.doc.formText(name, 0, 0, 0, 0, { readOnly: true, ...(value !== undefined ? { value } : {}) }),
    );
  }

  pageNumber(page: number, pages: number): void {
    const text = fillCopy(this.copy.pageOf, { page: String(page), pages: String(pages) });
    const w = this.text.width(text, { weight: 'regular', size: 8 });
    this.oneLine(text, this.width - MARGIN - w, this.height - 24, w + 2, 8, 'regular', MUTED);
  }
}

function hexRgb(hex: string): [string, string, string] {
  const n = Number.parseInt(hex.slice(1), 16);
  const c = (v: number) => (v / 255).toFixed(3);
  return [c((n >> 16) & 255), c((n >> 8) & 255), c(n & 255)];
}
