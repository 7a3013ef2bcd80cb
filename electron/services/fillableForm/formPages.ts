// The fillable form's two pages: where each field and line goes (the header with the firm's logo,
// the meeting, the prospect and their family, finances, risk; then goals, the urgent need,
// concerns, questions and the disclosure). Drawn with formWriter.ts.
import type { Advisor } from '../../../core/advisor/advisor';
import { GOALS, RISK_TOLERANCES } from '../../../core/intake/intake';
import {
  BLANK_MEETING_FIELDS,
  CHILD_LINES,
  CONCERN_LINES,
  FIELD,
  MONEY_FIELDS,
  MONEY_RANGES,
  PROSPECT_FIELDS,
  QUESTION_LINES,
  childField,
  concernField,
  goalField,
  questionField,
} from '../../../core/intake/fillableForm';
import { fillCopy, rangeLabel } from '../../../core/intake/fillableFormCopy';
import type { KnownIntake } from '../../../core/intake/fillableFormKnown';
import { imageSize, type Logo } from '../pdf';
import { BOX, FIELD_H, type FormWriter, GAP, INK, LABEL_GAP, LABEL_SIZE, MARGIN, MUTED, ROW } from './formWriter';

/** Logo at most this box, its aspect kept. */
function logoBox(logo: Logo, maxW: number, maxH: number): { w: number; h: number } | undefined {
  const size = imageSize(logo);
  if (!size || size.width <= 0 || size.height <= 0) return undefined;
  const scale = Math.min(maxW / size.width, maxH / size.height);
  return { w: size.width * scale, h: size.height * scale };
}

export function header(f: FormWriter, advisor: Advisor, logo: Logo | undefined, intake: KnownIntake | undefined): void {
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

export function meetingBlock(f: FormWriter, intake: KnownIntake | undefined): void {
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

export function pageOne(f: FormWriter, currency: string): void {
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

/** A section of numbered one-line fields without labels (concerns, questions). */
function fieldLines(
  f: FormWriter,
  title: string,
  hint: string,
  count: number,
  field: (i: number) => string,
  label: string,
): void {
  f.section(title, hint);
  for (let i = 0; i < count; i++) {
    f.textField(field(i), fillCopy(label, { n: String(i + 1) }), MARGIN, f.y, f.contentWidth, {
      hideLabel: true,
      maxLength: maxLen(field(i)) as number,
    });
    f.y += FIELD_H + 6;
  }
  f.y += 6;
}

export function pageTwo(f: FormWriter, advisor: Advisor): void {
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

  fieldLines(f, copy.sections.concerns, copy.hints.concerns, CONCERN_LINES, concernField, l.concern);
  fieldLines(f, copy.sections.questions, copy.hints.questions, QUESTION_LINES, questionField, l.question);
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
