// The fillable intake form: a PDF with an AcroForm, branded like the summary (the firm's colour,
// logo and disclosure, the same Inter and Noto faces for what is drawn), two pages, fields large
// enough for a finger. Each field is named by the intake path it fills (core/intake/fillableForm.ts).
import PDFDocument from 'pdfkit';
import type { Advisor } from '../../../core/advisor/advisor';
import { GOALS, type Intake } from '../../../core/intake/intake';
import {
  BLANK_MEETING_FIELDS,
  CHILD_LINES,
  CONCERN_LINES,
  FIELD,
  FORM_VERSION,
  MONEY_FIELDS,
  MONEY_RANGES,
  PROSPECT_FIELDS,
  QUESTION_LINES,
  childField,
  concernField,
  fillCopy,
  formLanguage,
  goalField,
  prefilledValues,
  questionField,
  rangeLabel,
  type FieldValue,
  type IntakeFormCopy,
  type KnownIntake,
} from '../../../core/intake/fillableForm';
import { RISK_TOLERANCES } from '../../../core/intake/intake';
import { DEFAULT_LOCALE, defaultCurrency, fullName } from '../../../core/locale/locale';
import { pageSizeFor } from '../../../core/summary/summary';
import { DateTime } from 'luxon';
import {
  drawnText,
  type Face,
  fallbackChain,
  forgetGlyphs,
  imageSize,
  type Line,
  type Logo,
  pdfBytes,
  TextEngine,
  type Weight,
} from '../pdf';

export interface IntakeFormInput {
  /** What the advisor already knows (an intake, or the valid parts of a draft); none: a blank form in the locale. */
  intake?: KnownIntake;
  advisor: Advisor;
  logo?: Logo;
  /** The form's locale: the prospect's (intake) by default, then the advisor's. */
  locale?: string;
  /** The app's prospect id, carried back in a hidden field. */
  prospectId?: string;
  /** The prospect's form secret (prospect.json), carried back hidden: with the id, it lets a returned form change that prospect. */
  formSecret?: string;
  copy: Readonly<Record<string, IntakeFormCopy>>;
  /** The document's creation date (default: now); fixed for reproducible bytes. */
  creationDate?: Date;
}

const SIZES = { LETTER: { width: 612, height: 792 }, A4: { width: 595.28, height: 841.89 } } as const;
const MARGIN = 40;
/** Fields are this tall: a fingertip on a tablet showing the page at its width. */
const FIELD_H = 34;
const LABEL_SIZE = 9.5;
const LABEL_GAP = 4;
const ROW = LABEL_SIZE + LABEL_GAP + FIELD_H + 8;
const GAP = 12;
const FIELD_TEXT_SIZE = 12;
const BOX = 22;
const INK = '#1F2933';
const MUTED = '#52606D';
const FIELD_FILL = '#F4F7FA';
const FIELD_BORDER = '#9AA5B1';

/** The form's locale: what was asked, else the prospect's, else the advisor's. */
export function formLocale(input: Pick<IntakeFormInput, 'locale' | 'intake' | 'advisor'>): string {
  return input.locale ?? input.intake?.locale ?? input.advisor.locale ?? DEFAULT_LOCALE;
}

type Doc = PDFKit.PDFDocument & {
  _font: { id: string; name: string };
  page: { annotations: { data: Record<string, unknown> }[] };
  ref(data: Record<string, unknown>): { end(chunk?: Buffer | string): void };
};

/** Draws text and fields; knows where it is on the page. */
class FormWriter {
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

/** "Thursday, December 3, 2026 at 2:00 PM (America/Los Angeles)". */
function meetingWords(copy: IntakeFormCopy, locale: string, meeting: Intake['meeting']): string {
  const dt = DateTime.fromISO(meeting.startsAt, { zone: meeting.timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: meeting.timeZone }).format(dt.toJSDate());
  const time = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: meeting.timeZone,
  }).format(dt.toJSDate());
  return fillCopy(copy.meetingWhen, { date, time, timeZone: meeting.timeZone.replace(/_/g, ' ') });
}

/** The meeting as the form and its email say it. */
export function meetingText(copy: IntakeFormCopy, locale: string, meeting: Intake['meeting']): string {
  return meetingWords(copy, locale, meeting);
}

/** The copy for a locale: its language's, else English. */
export function copyFor(copies: Readonly<Record<string, IntakeFormCopy>>, locale: string): IntakeFormCopy {
  return copies[formLanguage(locale, Object.keys(copies))] ?? (copies['en'] as IntakeFormCopy);
}

/** Logo at most this box, its aspect kept. */
function logoBox(logo: Logo, maxW: number, maxH: number): { w: number; h: number } | undefined {
  const size = imageSize(logo);
  if (!size || size.width <= 0 || size.height <= 0) return undefined;
  const scale = Math.min(maxW / size.width, maxH / size.height);
  return { w: size.width * scale, h: size.height * scale };
}

function header(f: FormWriter, advisor: Advisor, logo: Logo | undefined, intake: KnownIntake | undefined): void {
  const { doc, copy } = f;
  doc.rect(0, 0, f.width, 6).fill(f.primary);
  let top = 22;
  const box = logo ? logoBox(logo, 150, 36) : undefined;
  if (logo && box) {
    try {
      doc.image(Buffer.from(logo.bytes), MARGIN, top, { width: box.w, height: box.h });
    } catch {
      // A logo pdfkit cannot embed is left out; the form is still worth sending.
    }
  }
  const firmX = box ? MARGIN + box.w + 12 : MARGIN;
  f.oneLine(advisor.firm, firmX, top + (box ? (box.h - 12) / 2 : 0), f.width - MARGIN - firmX, 11, 'bold', f.primary);
  top += Math.max(box?.h ?? 0, 16) + 16;
  f.oneLine(copy.title, MARGIN, top, f.contentWidth, 24, 'bold', f.primary);
  top += 36;
  const greeting = intake?.prospect.firstName
    ? fillCopy(copy.greeting, { firstName: intake.prospect.firstName })
    : copy.greetingBlank;
  top += Math.max(20, f.oneLine(greeting, MARGIN, top, f.contentWidth, 13, 'bold', INK) + 5);
  top += f.paragraph(
    fillCopy(copy.intro, { advisorName: advisor.name, firm: advisor.firm }),
    MARGIN,
    top,
    f.contentWidth,
    10.5,
    'regular',
    MUTED,
    4,
  );
  f.y = top + 10;
}

function meetingBlock(f: FormWriter, intake: KnownIntake | undefined): void {
  const { copy } = f;
  const w = f.contentWidth;
  if (intake?.meeting) {
    f.textField(FIELD.meetingWhen, copy.meeting, MARGIN, f.y, w, { readOnly: true });
    f.hidden(FIELD.startsAt, intake.meeting.startsAt);
    f.hidden(FIELD.timeZone, intake.meeting.timeZone);
    f.hidden(FIELD.meetingFormat, intake.meeting.format);
    f.hidden(FIELD.meetingMinutes, String(intake.meeting.minutes));
  } else {
    const half = (w - GAP) / 2;
    const max = (name: string) => BLANK_MEETING_FIELDS.find((b) => b.name === name)?.maxLength ?? 64;
    f.textField(FIELD.startsAt, copy.meetingBlankStartsAt, MARGIN, f.y, half, { maxLength: max(FIELD.startsAt) });
    f.textField(FIELD.timeZone, copy.meetingBlankTimeZone, MARGIN + half + GAP, f.y, half, {
      maxLength: max(FIELD.timeZone),
    });
  }
  f.y += ROW + 4;
}

const maxLen = (name: string) => PROSPECT_FIELDS.find((p) => p.name === name)?.maxLength;

/** A row of fields whose widths are shares of the line. */
function row(f: FormWriter, cells: readonly { name: string; label: string; share: number }[]): void {
  const total = cells.reduce((s, c) => s + c.share, 0);
  const room = f.contentWidth - GAP * (cells.length - 1);
  let x = MARGIN;
  for (const cell of cells) {
    const w = (room * cell.share) / total;
    const max = maxLen(cell.name);
    f.textField(cell.name, cell.label, x, f.y, w, max !== undefined ? { maxLength: max } : {});
    x += w + GAP;
  }
  f.y += ROW;
}

function pageOne(f: FormWriter, currency: string): void {
  const { copy } = f;
  const l = copy.labels;
  f.section(copy.sections.about);
  row(f, [
    { name: 'prospect.firstName', label: l.firstName, share: 1 },
    { name: 'prospect.lastName', label: l.lastName, share: 1 },
  ]);
  row(f, [
    { name: 'prospect.email', label: l.email, share: 1.2 },
    { name: 'prospect.phone', label: l.phone, share: 0.8 },
  ]);
  row(f, [
    { name: 'prospect.age', label: l.age, share: 0.35 },
    { name: 'prospect.occupation', label: l.occupation, share: 1 },
    { name: 'prospect.city', label: l.city, share: 0.8 },
  ]);
  f.y += 2;
  f.section(copy.sections.family);
  row(f, [
    { name: 'prospect.partner.firstName', label: l.partnerFirstName, share: 1 },
    { name: 'prospect.partner.lastName', label: l.partnerLastName, share: 1 },
    { name: 'prospect.partner.age', label: l.partnerAge, share: 0.35 },
  ]);
  row(
    f,
    Array.from({ length: CHILD_LINES }, (_, i) => [
      { name: childField(i, 'firstName'), label: fillCopy(l.childFirstName, { n: String(i + 1) }), share: 1 },
      { name: childField(i, 'age'), label: l.childAge, share: 0.36 },
    ]).flat(),
  );
  f.y += 2;
  f.section(copy.sections.finances, copy.hints.finances);
  const room = f.contentWidth - 2 * GAP;
  MONEY_FIELDS.forEach((key, i) => {
    const choices = MONEY_RANGES[key].map((r) => [r.id, rangeLabel(copy, f.locale, currency, r)] as const);
    f.choiceField(`finances.${key}`, l[key], MARGIN + i * (room / 3 + GAP), f.y, room / 3, choices);
  });
  f.y += ROW + 4;
  f.section(copy.sections.risk);
  const riskW = f.contentWidth * 0.62;
  f.choiceField(
    FIELD.riskTolerance,
    l.riskTolerance,
    MARGIN,
    f.y,
    riskW,
    RISK_TOLERANCES.map((r) => [r, copy.risk[r]] as const),
  );
  f.textField(FIELD.timeHorizonYears, l.timeHorizonYears, MARGIN + riskW + GAP, f.y, f.contentWidth - riskW - GAP, {
    maxLength: maxLen(FIELD.timeHorizonYears) as number,
  });
  f.y += ROW;
}

function pageTwo(f: FormWriter, advisor: Advisor): void {
  const { copy } = f;
  const l = copy.labels;
  f.y = MARGIN - 8;
  f.section(copy.sections.goals, copy.hints.goals);
  const columns = 3;
  const colW = (f.contentWidth - GAP * (columns - 1)) / columns;
  GOALS.forEach((goal, i) => {
    const x = MARGIN + (i % columns) * (colW + GAP);
    const y = f.y + Math.floor(i / columns) * (BOX + 9);
    f.checkbox(goalField(goal), copy.goals[goal], x, y, colW);
  });
  f.y += Math.ceil(GOALS.length / columns) * (BOX + 9) + 4;
  f.choiceField(
    FIELD.mostImportant,
    l.mostImportant,
    MARGIN,
    f.y,
    (f.contentWidth - GAP) / 2,
    GOALS.map((g) => [g, copy.goals[g]] as const),
  );
  f.y += ROW + 2;

  f.section(copy.sections.urgent);
  f.textField(FIELD.urgentNeed, l.urgentNeed, MARGIN, f.y, f.contentWidth, {
    h: 52,
    multiline: true,
    maxLength: maxLen(FIELD.urgentNeed) as number,
  });
  f.y += LABEL_SIZE + LABEL_GAP + 52 + 12;

  f.section(copy.sections.concerns, copy.hints.concerns);
  for (let i = 0; i < CONCERN_LINES; i++) {
    f.textField(concernField(i), fillCopy(l.concern, { n: String(i + 1) }), MARGIN, f.y, f.contentWidth, {
      hideLabel: true,
      maxLength: maxLen(concernField(i)) as number,
    });
    f.y += FIELD_H + 6;
  }
  f.y += 6;

  f.section(copy.sections.questions, copy.hints.questions);
  for (let i = 0; i < QUESTION_LINES; i++) {
    f.textField(questionField(i), fillCopy(l.question, { n: String(i + 1) }), MARGIN, f.y, f.contentWidth, {
      hideLabel: true,
      maxLength: maxLen(questionField(i)) as number,
    });
    f.y += FIELD_H + 6;
  }
  f.y += 6;
  f.y +=
    f.paragraph(
      fillCopy(copy.footer, { advisorName: advisor.name, advisorEmail: advisor.email }),
      MARGIN,
      f.y,
      f.contentWidth,
      10,
      'bold',
      INK,
      2,
    ) + 4;
  // The disclosure fills what is left of the page, cut short with … if it is longer.
  const room = f.height - 30 - f.y;
  const lines = Math.max(1, Math.floor(room / (7 * 1.3)));
  f.paragraph(advisor.disclosure, MARGIN, f.y, f.contentWidth, 7, 'regular', MUTED, lines);
}

/** The form's PDF bytes. */
export async function makeIntakeForm(input: IntakeFormInput): Promise<Uint8Array> {
  const { intake, advisor } = input;
  const locale = formLocale(input);
  const copy = copyFor(input.copy, locale);
  const currency = intake?.finances?.currency ?? defaultCurrency(locale);
  const values = prefilledValues(intake);
  if (intake?.meeting) values.set(FIELD.meetingWhen, meetingWords(copy, locale, intake.meeting));
  const title = fillCopy(copy.documentTitle, { firm: advisor.firm });
  const f = new FormWriter(
    locale,
    copy,
    advisor.colors?.primary ?? '#1F4E79',
    advisor.colors?.accent ?? '#C8A24A',
    values,
    {
      title:
        intake?.prospect.firstName && intake.prospect.lastName
          ? `${title} (${fullName(locale, intake.prospect.firstName, intake.prospect.lastName)})`
          : title,
      author: advisor.name,
      creationDate: input.creationDate ?? new Date(),
    },
  );
  const { doc } = f;
  const bytes = pdfBytes(doc);

  f.hidden(FIELD.version, FORM_VERSION);
  f.hidden(FIELD.prospectId, input.prospectId);
  f.hidden(FIELD.secret, input.formSecret);
  f.hidden(FIELD.locale, locale);
  f.hidden(FIELD.currency, currency);
  header(f, advisor, input.logo, intake);
  meetingBlock(f, intake);
  pageOne(f, currency);
  f.pageNumber(1, 2);
  doc.addPage({ size: [f.width, f.height], margin: 0 });
  doc.rect(0, 0, f.width, 6).fill(f.primary);
  f.y = MARGIN;
  pageTwo(f, advisor);
  f.pageNumber(2, 2);
  doc.end();
  return bytes;
}
