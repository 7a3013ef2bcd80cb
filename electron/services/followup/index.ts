// The follow-up files of one meeting, for the CLI's build (follow-up.ics, follow-up.eml) and
// the app. Everything is built in memory first: the caller writes the files only once every
// output of the build is ready.
import type { Advisor } from '../../../core/advisor';
import { buildFollowUpDraft, type FollowUpCopy, type FollowUpDraft, type RecordedMeeting } from '../../../core/followUpEmail';
import type { Intake } from '../../../core/intake';
import type { DeckPlan } from '../../../core/plan';
import { buildFollowUpIcs } from './calendar';
import { loadFollowUpCopy } from './copy';
import { buildFollowUpEml } from './mail';

export interface FollowUpFilesInput {
  intake: Intake;
  advisor: Advisor;
  plan: DeckPlan;
  meeting?: RecordedMeeting | undefined;
  /** The bytes of summary.pdf, attached to the email as they are. */
  summaryPdf: Uint8Array;
  copy?: Readonly<Record<string, FollowUpCopy>>;
}

export interface FollowUpFiles {
  /** follow-up.ics */
  ics: string;
  /** follow-up.eml */
  eml: Buffer;
  /** The email's words, addresses and mailto: link. */
  draft: FollowUpDraft;
}

export const FOLLOW_UP_ICS = 'follow-up.ics';
export const FOLLOW_UP_EML = 'follow-up.eml';

export async function buildFollowUpFiles(input: FollowUpFilesInput): Promise<FollowUpFiles> {
  const copy = input.copy ?? loadFollowUpCopy();
  const draft = buildFollowUpDraft({ intake: input.intake, advisor: input.advisor, plan: input.plan, meeting: input.meeting, copy });
  const ics = buildFollowUpIcs({ intake: input.intake, advisor: input.advisor, plan: input.plan, subject: draft.subject, copy });
  const eml = await buildFollowUpEml({ ...input, copy });
  return { ics, eml, draft };
}

export { buildFollowUpIcs } from './calendar';
export { buildFollowUpEml } from './mail';
