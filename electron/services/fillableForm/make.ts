// The fillable intake form: a PDF with an AcroForm, branded like the summary (the firm's colour,
// logo and disclosure, the same Inter and Noto faces for what is drawn), two pages, fields large
// enough for a finger. Each field is named by the intake path it fills (core/intake/fillableForm.ts).
import { DateTime } from 'luxon';
import type { Advisor } from '../../../core/advisor/advisor';
import { FIELD, FORM_VERSION } from '../../../core/intake/fillableForm';
import { fillCopy, formLanguage, type IntakeFormCopy } from '../../../core/intake/fillableFormCopy';
import { type KnownIntake, prefilledValues } from '../../../core/intake/fillableFormKnown';
import type { Intake } from '../../../core/intake/intake';
import { DEFAULT_LOCALE, defaultCurrency, fullName } from '../../../core/locale/locale';
import { type Logo, pdfBytes } from '../pdf';
import { header, meetingBlock, pageOne, pageTwo } from './formPages';
import { FormWriter, MARGIN } from './formWriter';

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

/** The form's locale: what was asked, else the prospect's, else the advisor's. */
export function formLocale(input: Pick<IntakeFormInput, 'locale' | 'intake' | 'advisor'>): string {
  return input.locale ?? input.intake?.locale ?? input.advisor.locale ?? DEFAULT_LOCALE;
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
