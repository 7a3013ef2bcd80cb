// Follow-ups: after a meeting, the advisor is brought back to the prospect on a good slot.
// Here: the follow-up files of one meeting, for the CLI's build (follow-up.ics, follow-up.eml)
// and the app; everything is built in memory first, the caller writes the files only once every
// output of the build is ready. Beside it: the store (store.ts and its record files, settings
// file and timeline), the scheduler that shows reminders (scheduler.ts, clockTrust.ts), the
// win-back rule (winBack.ts), the start with the app (open.ts) and the channels (handlers.ts).
import { buildFollowUpDraft, type FollowUpDraft } from '../../../core/followUp/email';
import { buildFollowUpIcs } from './calendar';
import { loadFollowUpCopy } from './copy';
import { followUpKey } from './ids';
import { composeFollowUpEml, type FollowUpEmlInput } from './mail';

/** The same inputs as the email alone: the calendar needs nothing more. */
export type FollowUpFilesInput = FollowUpEmlInput;

export interface FollowUpFiles {
  /** follow-up.ics */
  ics: string;
  /** follow-up.eml */
  eml: Buffer;
  /** The email's words, addresses and mailto: link. */
  draft: FollowUpDraft;
}

export async function buildFollowUpFiles(input: FollowUpFilesInput): Promise<FollowUpFiles> {
  const copy = input.copy ?? loadFollowUpCopy();
  const draft = buildFollowUpDraft({
    intake: input.intake,
    advisor: input.advisor,
    plan: input.plan,
    meeting: input.meeting,
    copy,
  });
  const ics = buildFollowUpIcs({
    intake: input.intake,
    advisor: input.advisor,
    plan: input.plan,
    meeting: input.meeting,
    subject: draft.subject,
    copy,
  });
  // One draft for both files: the event's description quotes the email's subject.
  const eml = await composeFollowUpEml(draft, {
    key: followUpKey(input.intake, input.plan),
    date: new Date(input.plan.followUp.dueAt),
    summaryPdf: input.summaryPdf,
  });
  return { ics, eml, draft };
}

export { buildFollowUpIcs } from './calendar';
export { buildFollowUpEml } from './mail';
