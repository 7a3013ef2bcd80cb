// follow-up.eml: the follow-up email as an unsent draft with summary.pdf attached. Outlook and
// Apple Mail open a message with `X-Unsent: 1` as a draft ready to send. Built with
// nodemailer's MailComposer (RFC 5322 headers, RFC 2047 encoded words, MIME, base64), never by
// hand; a pure function of its inputs: the Date header is the follow-up's due time, the
// Message-ID and the MIME boundaries derive from the follow-up's key.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Advisor } from '../../../core/advisor/advisor';
import {
  buildFollowUpDraft,
  type FollowUpCopy,
  type FollowUpDraft,
  type RecordedMeeting,
} from '../../../core/followUp/email';
import type { Intake } from '../../../core/intake/intake';
import { SUMMARY_PDF } from '../../../core/dataFolder';
import { withoutInvisibles } from '../../../core/text/text';
import type { DeckPlan } from '../../../core/plan/planDeck';
import { loadFollowUpCopy } from './copy';
import { followUpKey } from './ids';

export interface FollowUpEmlInput {
  intake: Intake;
  advisor: Advisor;
  plan: DeckPlan;
  /** The meeting record, when there is one: its questions and answers go in the email. */
  meeting?: RecordedMeeting | undefined;
  /** The bytes of summary.pdf, attached as they are. */
  summaryPdf: Uint8Array;
  /** Copy per language; the shipped templates/followUp/copy by default. */
  copy?: Readonly<Record<string, FollowUpCopy>>;
}

/** Where the Message-ID lives: the advisor's own mail domain, as their mail client would use. */
function messageIdDomain(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) ? domain : 'advisor-deck.invalid';
}

export async function buildFollowUpEml(input: FollowUpEmlInput): Promise<Buffer> {
  const { intake, advisor, plan, meeting, summaryPdf } = input;
  const draft = buildFollowUpDraft({ intake, advisor, plan, meeting, copy: input.copy ?? loadFollowUpCopy() });
  return composeFollowUpEml(draft, { key: followUpKey(intake, plan), date: new Date(plan.followUp.dueAt), summaryPdf });
}

/** The .eml of a draft already built (the app rebuilds it from a stored follow-up). */
export async function composeFollowUpEml(
  draft: FollowUpDraft,
  options: { key: string; date: Date; summaryPdf: Uint8Array },
): Promise<Buffer> {
  const composer = new MailComposer({
    // Headers show names and the subject without bidi controls or zero-width characters, also for
    // a draft stored before they were taken out (buildFollowUpDraft already does it).
    from: { name: withoutInvisibles(draft.from.name), address: draft.from.address },
    ...(draft.to ? { to: { name: withoutInvisibles(draft.to.name), address: draft.to.address } } : {}),
    ...(draft.cc ? { cc: { name: withoutInvisibles(draft.cc.name), address: draft.cc.address } } : {}),
    subject: withoutInvisibles(draft.subject),
    text: draft.body,
    date: options.date,
    messageId: `<${options.key}.follow-up@${messageIdDomain(draft.from.address)}>`,
    headers: { 'X-Unsent': '1' },
    // Fixed boundaries keep the output byte-identical across runs (nodemailer picks random ones).
    baseBoundary: options.key.slice(0, 16),
    textEncoding: 'quoted-printable',
    // The composer never reads a file or a URL named in its input: content only.
    disableFileAccess: true,
    disableUrlAccess: true,
    attachments: [
      {
        filename: SUMMARY_PDF,
        content: Buffer.from(options.summaryPdf.buffer, options.summaryPdf.byteOffset, options.summaryPdf.byteLength),
        contentType: 'application/pdf',
        contentDisposition: 'attachment',
      },
    ],
  });
  return composer.compile().build();
}
