// `Send intake form`: the form and an email draft to send it with, for a prospect of the app.
// intake-form.eml is an unsent draft (`X-Unsent: 1`: Outlook and Apple Mail open it ready to
// send) with the form attached, composed by nodemailer's MailComposer like the follow-up email.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Advisor } from '../../../core/advisor/advisor';
import { fillCopy, type IntakeFormCopy } from '../../../core/intake/fillableFormCopy';
import type { KnownIntake } from '../../../core/intake/fillableFormKnown';
import { fullName } from '../../../core/locale/locale';
import { withoutInvisibles } from '../../../core/text/text';
import type { Logo } from '../logo';
import type { OutputFile } from '../outputs';
import { loadIntakeFormCopy } from './copy';
import { copyFor, formLocale, makeIntakeForm, meetingText } from './make';

export const INTAKE_FORM_PDF = 'intake-form.pdf';
export const INTAKE_FORM_EML = 'intake-form.eml';

export interface IntakeFormFilesInput {
  known: KnownIntake;
  advisor: Advisor;
  logo?: Logo;
  prospectId: string;
  /** The prospect's form secret, hidden in the form (see makeIntakeForm). */
  formSecret: string;
  templatesDir: string;
  now: Date;
}

function messageIdDomain(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) ? domain : 'advisor-deck.invalid';
}

/** The words of the email that goes with the form. */
export function intakeFormEmail(
  copy: IntakeFormCopy,
  locale: string,
  known: KnownIntake,
  advisor: Advisor,
): { subject: string; body: string } {
  const meetingWhen = known.meeting ? meetingText(copy, locale, known.meeting) : '';
  const values = {
    firstName: known.prospect.firstName ?? '',
    advisorName: advisor.name,
    firm: advisor.firm,
    meetingWhen,
    meetingOn: meetingWhen ? fillCopy(copy.email.meetingOn, { meetingWhen }) : '',
  };
  // Without a first name the greeting reads "Dear," rather than "Dear ,".
  const body = fillCopy(copy.email.body, values).replace(/ +,/g, ',');
  return { subject: fillCopy(copy.email.subject, values), body };
}

/** intake-form.pdf and intake-form.eml, in memory; the caller writes them (writeFilesAllOrNothing). */
export async function renderIntakeFormFiles(input: IntakeFormFilesInput): Promise<OutputFile[]> {
  const { known, advisor, prospectId } = input;
  const copies = loadIntakeFormCopy(input.templatesDir);
  const locale = formLocale({ intake: known, advisor });
  const pdf = await makeIntakeForm({
    intake: known,
    advisor,
    copy: copies,
    prospectId,
    formSecret: input.formSecret,
    creationDate: input.now,
    ...(input.logo ? { logo: input.logo } : {}),
  });
  const { subject, body } = intakeFormEmail(copyFor(copies, locale), locale, known, advisor);
  const { firstName, lastName, email } = known.prospect;
  const key = createHash('sha256').update(`${prospectId}\n${input.now.toISOString()}`).digest('hex');
  const composer = new MailComposer({
    from: { name: withoutInvisibles(advisor.name), address: advisor.email },
    ...(email
      ? {
          to: {
            name: withoutInvisibles(firstName && lastName ? fullName(locale, firstName, lastName) : (firstName ?? '')),
            address: email,
          },
        }
      : {}),
    subject: withoutInvisibles(subject),
    text: body,
    date: input.now,
    messageId: `<${key.slice(0, 32)}.intake-form@${messageIdDomain(advisor.email)}>`,
    headers: { 'X-Unsent': '1' },
    baseBoundary: key.slice(0, 16),
    textEncoding: 'quoted-printable',
    disableFileAccess: true,
    disableUrlAccess: true,
    attachments: [
      {
        filename: INTAKE_FORM_PDF,
        content: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
        contentType: 'application/pdf',
        contentDisposition: 'attachment',
      },
    ],
  });
  const eml = await composer.compile().build();
  return [
    { name: INTAKE_FORM_PDF, bytes: pdf },
    { name: INTAKE_FORM_EML, bytes: eml },
  ];
}
