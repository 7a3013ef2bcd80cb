// `Create summary and follow-up`: the meeting record and the six files, all or none, then the
// follow-up (moved, never duplicated, when done again) and the prospect moved to Met.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Advisor } from '../../../core/advisor/advisor';
import type { Intake } from '../../../core/intake/intake';
import { proposeFollowUp } from '../../../core/followUp/proposal';
import { intakeAsHeld } from '../../../core/meeting/held';
import { checkMeeting } from '../../../core/meeting/meeting';
import type { Problem } from '../../../core/validation';
import { meetingRecordOf, startMeeting } from '../../../core/meeting/live';
import { isoWithOffset, wallClockInZone } from '../../../core/locale/time';
import { planDeck } from '../../../core/plan/planDeck';
import type { FollowUp } from '../../../core/followUp/record';
import type { WrapUpOutcome } from '../../../core/api';
import { MEETING_RECORD_FILE, MEETINGS_DIR, meetingFolderName } from '../../../core/dataFolder';
import type { AdvisorProfileStore } from '../advisorProfile';
import { renderMeetingFiles } from '../build';
import { followUpFromMeeting } from '../followUp/schedule';
import { loadFollowUpCopy } from '../followUp/copy';
import type { FollowUpStore } from '../followUp/store';
import { writeFilesAllOrNothing } from '../outputs';
import type { ProspectStore } from '../prospects/store';
import { readDeckChanges } from '../prospects/deckFile';
import { loadRecipe } from '../recipes';
import { checkRevision } from '../prospects/revision';
import type { RecordKeeper } from '../records';
import { meetingRevision, type MeetingReads } from './read';

export interface MeetingDeps {
  prospects: ProspectStore;
  advisor: AdvisorProfileStore;
  followUps: () => FollowUpStore | null;
  templatesDir: string;
  now?: () => number;
  /** Books and records: the files are written through it and recorded (the app always gives one). */
  records?: RecordKeeper;
}

/** What the wrap-up form sends: the questions and notes as meetingRecordOf takes them, and more. */
export type WrapUpInput = Omit<Parameters<typeof meetingRecordOf>[1], 'endedAtLocal'> & {
  /** The follow-up's local date and time in the meeting's zone (YYYY-MM-DDTHH:mm), over the slot rule's. */
  followUpAt?: string | undefined;
  /** The revision the wrap-up window loaded (meeting:get); another one is refused (StaleError). */
  revision?: string | undefined;
};

export const nowIso = (deps: Pick<MeetingDeps, 'now'>): string => new Date((deps.now ?? Date.now)()).toISOString();
/** An instant as local wall-clock time in a zone, YYYY-MM-DDTHH:mm. */
export const toLocal = (iso: string, zone: string): string =>
  DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

/** One follow-up per prospect and meeting, from the app's own prospect id. */
export function followUpIdForMeeting(prospectId: string, startsAt: string): string {
  return `fu-${createHash('sha256').update(`${prospectId}|${startsAt}`, 'utf8').digest('hex').slice(0, 24)}`;
}

function localParts(local: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local) ?? [];
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
}

export function proposeSlot(
  deps: Pick<MeetingDeps, 'now'>,
  intake: Intake,
  advisor: Advisor,
  endedAtLocal: string | undefined,
) {
  const { preferredTime, holidays } = advisor.followUp;
  return proposeFollowUp({
    plannedStartsAt: intake.meeting.startsAt,
    endedAtLocal,
    timeZone: intake.meeting.timeZone,
    preferredTime,
    holidays,
    now: (deps.now ?? Date.now)(),
  });
}

/** What a wrap-up is made from: the saved intake, the advisor's profile and the deck's changes. */
export async function meetingInputs(deps: Pick<MeetingDeps, 'prospects' | 'advisor'>, id: string) {
  const intake = deps.prospects.intake(id);
  if (!intake) return { ok: false as const, problems: [{ path: 'intake', message: 'is not saved yet' }] };
  const profile = await deps.advisor.advisor();
  if (!profile.ok)
    return { ok: false as const, problems: profile.problems.map((p) => ({ ...p, path: `advisor.${p.path}` })) };
  const { changes } = await readDeckChanges(deps.prospects.prospectDir(id));
  return {
    ok: true as const,
    intake,
    advisor: profile.value as Advisor,
    logo: profile.logo,
    changes,
    warnings: profile.warnings,
  };
}

export async function wrapUpMeeting(
  deps: MeetingDeps,
  reads: MeetingReads,
  id: string,
  input: WrapUpInput,
): Promise<WrapUpOutcome> {
  const inputs = await meetingInputs(deps, id);
  if (!inputs.ok) return { done: false, problems: inputs.problems };
  const { intake, advisor, logo, changes } = inputs;
  const zone = intake.meeting.timeZone;
  const liveRead = await reads.readLive(id);
  const lastRead = await reads.readLast(id);
  checkRevision(input.revision, meetingRevision(liveRead, lastRead));
  const current = liveRead.value;
  // Wrapped up before (the live file is gone): what was shown and when it ended come from
  // the meeting record written then, not from now.
  const previous =
    current || !lastRead.read.value || lastRead.meeting === null
      ? null
      : { meeting: lastRead.meeting, record: lastRead.read.value };
  const live = current ?? startMeeting(nowIso(deps));
  const ended = live.endedAt ?? nowIso(deps);
  const endedAtLocal = previous?.record.endedAt ?? toLocal(ended, zone);

  let followUpAt: string | undefined;
  if (input.followUpAt) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(input.followUpAt);
    if (!m)
      return {
        done: false,
        problems: [{ path: 'followUpAt', message: 'must be a date and time like 2026-12-08T10:00' }],
      };
    followUpAt = isoWithOffset(
      wallClockInZone(
        { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) },
        zone,
      ),
    );
    const endedInstant = previous?.record.endedAt
      ? isoWithOffset(wallClockInZone(localParts(previous.record.endedAt), zone))
      : ended;
    if (Date.parse(followUpAt) <= Date.parse(endedInstant))
      return { done: false, problems: [{ path: 'followUpAt', message: 'must be after the meeting' }] };
  }

  // Without a time of its own, the follow-up is the proposal's (the slot rule on the day it ended).
  followUpAt ??= proposeSlot(deps, intake, advisor, current || previous ? endedAtLocal : undefined).dueAt;
  const recipe = await loadRecipe('first-meeting', deps.templatesDir);
  // Planned as held: "We met on …" and the next steps name the day it took place.
  const planned = planDeck(intakeAsHeld(intake, endedAtLocal), advisor, recipe, changes);
  const recordInput = meetingRecordOf(
    live,
    { endedAtLocal, questions: input.questions, notes: input.notes },
    planned.deck.slides.map((s) => s.id),
  );
  if (previous?.record.shownSlideIds)
    recordInput.shownSlideIds = previous.record.shownSlideIds.filter((sid) =>
      planned.deck.slides.some((s) => s.id === sid),
    );
  if (previous?.record.skippedSlideIds)
    recordInput.skippedSlideIds = previous.record.skippedSlideIds.filter((sid) =>
      planned.deck.slides.some((s) => s.id === sid),
    );
  const record = checkMeeting(recordInput);
  if (!record.ok) return { done: false, problems: record.problems };

  const rendered = await renderMeetingFiles(
    {
      intake,
      advisor,
      ...(logo ? { logo } : {}),
      meeting: record.value,
      changes,
      ...(followUpAt ? { followUpAt } : {}),
      planned,
    },
    { templatesDir: deps.templatesDir },
  );
  if (!rendered.ok) return { done: false, problems: rendered.problems };
  const meetingName = meetingFolderName(intake.meeting.startsAt);
  const folder = join(deps.prospects.prospectDir(id), MEETINGS_DIR, meetingName);
  const recordText = `${JSON.stringify(record.value, null, 2)}\n`;
  const meetingFiles = [...rendered.files, { name: MEETING_RECORD_FILE, bytes: recordText }];
  // Done again: the earlier files are kept under superseded/<time>/ and both are recorded.
  const files = deps.records
    ? await deps.records.write({
        event: 'summary and follow-up created',
        prospect: id,
        advisor,
        folder,
        files: meetingFiles,
      })
    : await writeFilesAllOrNothing(folder, meetingFiles);

  const store = deps.followUps();
  let followUp: FollowUp | null = null;
  const warnings: Problem[] = [];
  if (store) {
    const draft = followUpFromMeeting({
      intake,
      advisor,
      plan: rendered.plan,
      meeting: record.value,
      copy: loadFollowUpCopy(deps.templatesDir),
    });
    // The app's own prospect id (and a follow-up id made from it, one per meeting), so the
    // Prospects screen shows the next follow-up and two prospects never share one.
    const next = { ...draft, id: followUpIdForMeeting(id, intake.meeting.startsAt), prospectId: id };
    const current = store.get(next.id);
    if (!current || current.status === 'scheduled') followUp = store.schedule(next, { replace: true });
    else if (current.status === 'due' || current.status === 'snoozed') followUp = store.reschedule(next.id, next.dueAt);
    else {
      // Done or cancelled: the advisor already acted on it; wrapping up again does not bring it back.
      followUp = current;
      warnings.push({
        path: 'followUpAt',
        message: `the follow-up of this meeting is already ${current.status}; it was left as it is`,
      });
    }
  }
  const when = followUp ? DateTime.fromISO(followUp.dueAt, { zone }).toFormat('yyyy-MM-dd HH:mm') : '';
  await deps.prospects.setStatus(id, 'met', followUp ? `met; follow-up ${followUp.channel} on ${when}` : 'met');
  // The meeting is wrapped up: present mode starts afresh next time.
  await rm(reads.livePath(id), { force: true });

  // The summary the PDF was drawn from: what the window shows as the page.
  return {
    done: true,
    folder,
    meeting: meetingName,
    files,
    followUp,
    summary: rendered.summary,
    warnings: [...inputs.warnings, ...rendered.warnings, ...warnings],
    // What this window wraps up again from: no meeting in progress, the record just written.
    revision: meetingRevision(
      { value: null, text: null },
      { meeting: meetingName, read: { value: record.value, text: recordText } },
    ),
  };
}
