// The meeting of one prospect, from present mode to wrap-up:
//   prospects/<id>/meeting-live.json      what happens while presenting (slides, questions),
//                                         written at every step so a crash loses nothing
//   prospects/<id>/meetings/<YYYY-MM-DDTHHmm>/  plan.json, deck.html (as presented), meeting.json,
//                                         summary.pdf, follow-up.ics, follow-up.eml
// and the follow-up in the follow-up store (one per meeting: wrapping up again moves it).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Advisor } from '../../../core/advisor/advisor';
import type { Intake } from '../../../core/intake/intake';
import { proposeFollowUp } from '../../../core/followUp/proposal';
import { intakeAsHeld } from '../../../core/meeting/held';
import { checkMeeting, type MeetingRecord } from '../../../core/meeting/meeting';
import type { Problem } from '../../../core/validation';
import { createHash } from 'node:crypto';
import {
  endMeeting,
  liveMeetingSchema,
  meetingRecordOf,
  recordEvent,
  shownSlides,
  startMeeting,
  type LiveMeeting,
  type MeetingEvent,
} from '../../../core/meeting/live';
import { isoWithOffset, wallClockInZone } from '../../../core/locale/time';
import { planDeck } from '../../../core/plan/planDeck';
import type { FollowUp } from '../../../core/followUp/record';
import type { MeetingFileProblem, WrapUpOutcome } from '../../../core/api';
import type { AdvisorProfileStore } from '../advisorProfile';
import { renderMeetingFiles, MEETING_FILE_NAMES } from '../build';
import { MAX_INTAKE_BYTES, MAX_RECORD_BYTES, readCappedFile, writeFileAtomic } from '../files';
import { followUpFromMeeting } from '../followUp/schedule';
import { loadFollowUpCopy } from '../followUp/copy';
import type { FollowUpStore } from '../followUp/store';
import { writeFilesAllOrNothing } from '../outputs';
import type { ProspectStore } from '../prospects/store';
import { readDeckChanges } from '../prospects/deckFile';
import { loadRecipe } from '../recipes';
import { meetingFolderName } from '../app/preview';
import { checkRevision, revisionOf } from '../prospects/revision';
import { setAsideFile } from './setAside';
import type { RecordKeeper } from '../records';

export const LIVE_FILE = 'meeting-live.json';
const RECORD_FILE = 'meeting.json';
export const MEETING_FILES = [...MEETING_FILE_NAMES, 'meeting.json'] as const;
export type MeetingFileName = (typeof MEETING_FILES)[number];

const MIME: Record<MeetingFileName, string> = {
  'plan.json': 'application/json',
  'deck.html': 'text/html',
  'summary.pdf': 'application/pdf',
  'follow-up.ics': 'text/calendar',
  'follow-up.eml': 'message/rfc822',
  'meeting.json': 'application/json',
};

export interface WrapUpInput {
  questions: {
    text: string;
    answer?: string | undefined;
    slideId?: string | undefined;
    before?: boolean | undefined;
  }[];
  notes?: string | undefined;
  /** The follow-up's local date and time in the meeting's zone (YYYY-MM-DDTHH:mm), over the slot rule's. */
  followUpAt?: string | undefined;
  /** The revision the wrap-up window loaded (meeting:get); another one is refused (StaleError). */
  revision?: string | undefined;
}

/** A meeting file as read: its value (null when absent or damaged) and its text (null when absent), for the revision. */
interface Read<T> {
  value: T | null;
  text: string | null;
}

export type { WrapUpOutcome };

const nowIso = (now: () => number) => new Date(now()).toISOString();
/** An instant as local wall-clock time in a zone, YYYY-MM-DDTHH:mm. */
const toLocal = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

/** One follow-up per prospect and meeting, from the app's own prospect id. */
export function followUpIdForMeeting(prospectId: string, startsAt: string): string {
  return `fu-${createHash('sha256').update(`${prospectId}|${startsAt}`, 'utf8').digest('hex').slice(0, 24)}`;
}

function localParts(local: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local) ?? [];
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
}

export class MeetingService {
  /** One change at a time per prospect: two windows recording at once never lose an event. */
  readonly #queues = new Map<string, Promise<unknown>>();

  #serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    const next = (this.#queues.get(id) ?? Promise.resolve()).then(work, work);
    this.#queues.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  }

  constructor(
    private readonly deps: {
      prospects: ProspectStore;
      advisor: AdvisorProfileStore;
      followUps: () => FollowUpStore | null;
      templatesDir: string;
      now?: () => number;
      /** Books and records: the files are written through it and recorded (the app always gives one). */
      records?: RecordKeeper;
    },
  ) {}

  #now(): string {
    return nowIso(this.deps.now ?? Date.now);
  }

  /** The wrap-up's renderers, loaded once per process (see #warmUp). */
  #warming: Promise<unknown> | undefined;

  /**
   * A meeting ended: its wrap-up comes next. What makes the files (pdfkit and fontkit, React's
   * server renderer, the calendar and mail builders, the summary's copy) loads now, while the
   * advisor reviews the form, rather than after `Create summary and follow-up` is pressed. Only
   * on End meeting: present mode, which reads the meeting too, starts with nothing else to do.
   * Nothing is rendered ahead; a failure here is met again (and reported) by the wrap-up itself.
   */
  #warmUp(): void {
    if (this.#warming) return;
    this.#warming = Promise.all([
      import('../summary').then((summary) => summary.loadSummaryCopy(this.deps.templatesDir)),
      import('../deck'),
      import('../followUp'),
    ]).catch(() => {
      this.#warming = undefined;
    });
  }

  #livePath(id: string): string {
    return join(this.deps.prospects.prospectDir(id), LIVE_FILE);
  }

  /** Meeting files set aside in this run, per prospect: the screens of that prospect say so. */
  readonly #problems = new Map<string, MeetingFileProblem[]>();

  /** The meeting files of this prospect that could not be read and were set aside (since the app started). */
  problems(id: string): MeetingFileProblem[] {
    return this.#problems.get(id) ?? [];
  }

  /**
   * Reads one meeting file. Absent: nothing. Unreadable, too large, not JSON or failing its
   * check: renamed aside and reported (on the prospect's screens and the Prospects screen), then
   * read as absent, so the rest of the prospect goes on (a new meeting, a wrap-up).
   */
  async #read<T>(
    id: string,
    path: string,
    maxBytes: number,
    check: (value: unknown) => T | null,
    meeting?: string,
  ): Promise<Read<T>> {
    const read = await readCappedFile(path, maxBytes);
    let why: string;
    if (read.ok) {
      const text = read.bytes.toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
        why = 'does not pass its check';
      } catch {
        value = undefined;
        why = 'is not valid JSON';
      }
      const checked = value === undefined ? null : check(value);
      if (checked !== null) return { value: checked, text };
    } else if (read.message === 'file not found') return { value: null, text: null };
    else why = read.message;
    const file = meeting === undefined ? LIVE_FILE : RECORD_FILE;
    let keptAs: string | null = null;
    let message: string;
    try {
      keptAs = await setAsideFile(path, (this.deps.now ?? Date.now)());
      message = `${why}; it was kept as ${keptAs}`;
    } catch (error) {
      // Set aside by a read running beside this one (live() is not queued): reported by that one.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: null, text: null };
      message = `${why}; it could not be set aside (${(error as Error).message})`;
    }
    const problem: MeetingFileProblem = { file, ...(meeting === undefined ? {} : { meeting }), keptAs, message };
    this.#problems.set(id, [...this.problems(id), problem]);
    this.deps.prospects.problems.push({ file: path, message });
    // Not renamed (no permission): its text still counts for the revision, it is still there.
    return { value: null, text: keptAs === null && read.ok ? read.bytes.toString('utf8') : null };
  }

  #readLive(id: string): Promise<Read<LiveMeeting>> {
    return this.#read(id, this.#livePath(id), MAX_INTAKE_BYTES, (value) => {
      const checked = liveMeetingSchema.safeParse(value);
      return checked.success ? checked.data : null;
    });
  }

  /** The meeting record of the last wrap-up (of the intake's meeting), and its folder name. */
  async #readLast(id: string): Promise<{ meeting: string | null; read: Read<MeetingRecord> }> {
    const intake = this.deps.prospects.intake(id);
    if (!intake) return { meeting: null, read: { value: null, text: null } };
    const meeting = meetingFolderName(intake.meeting.startsAt);
    const path = join(this.deps.prospects.prospectDir(id), 'meetings', meeting, RECORD_FILE);
    const read = await this.#read(
      id,
      path,
      MAX_RECORD_BYTES,
      (value) => {
        const checked = checkMeeting(value);
        return checked.ok ? checked.value : null;
      },
      meeting,
    );
    return { meeting, read };
  }

  /** What a wrap-up is based on: the meeting in progress and the last record. */
  static #revision(live: Read<LiveMeeting>, last: { meeting: string | null; read: Read<MeetingRecord> }): string {
    return revisionOf(live.text, last.meeting, last.read.text);
  }

  /**
   * The meeting in progress (or ended and not yet wrapped up), or null. Not queued behind the
   * meeting's changes, so it may be called from inside one; those read with #readLive.
   */
  async live(id: string): Promise<LiveMeeting | null> {
    this.deps.prospects.get(id);
    return (await this.#readLive(id)).value;
  }

  /**
   * What wrap-up starts from, read together: the meeting in progress, the last record, their
   * revision (meeting:wrapUp sends it back) and the meeting files set aside.
   */
  async snapshot(id: string): Promise<{
    live: LiveMeeting | null;
    last: { meeting: string; record: MeetingRecord } | null;
    revision: string;
    problems: MeetingFileProblem[];
  }> {
    this.deps.prospects.get(id);
    return this.#serial(id, async () => {
      const live = await this.#readLive(id);
      const last = await this.#readLast(id);
      return {
        live: live.value,
        last: last.meeting !== null && last.read.value ? { meeting: last.meeting, record: last.read.value } : null,
        revision: MeetingService.#revision(live, last),
        problems: this.problems(id),
      };
    });
  }

  async #write(id: string, meeting: LiveMeeting): Promise<LiveMeeting> {
    await writeFileAtomic(this.#livePath(id), `${JSON.stringify(meeting)}\n`);
    return meeting;
  }

  /**
   * Starts presenting, or comes back into the meeting under way. A meeting ended but not yet
   * wrapped up (End meeting pressed too early, an Esc by mistake) is taken up again, never
   * replaced: its slides and questions stay.
   */
  start(id: string): Promise<LiveMeeting> {
    return this.#serial(id, async () => {
      const current = (await this.#readLive(id)).value;
      if (current && !current.endedAt) return current;
      if (current) {
        const { endedAt: _ended, ...resumed } = current;
        void _ended;
        return this.#write(id, resumed);
      }
      return this.#write(id, startMeeting(this.#now()));
    });
  }

  record(id: string, event: MeetingEvent): Promise<LiveMeeting> {
    return this.#serial(id, async () => {
      const current = (await this.#readLive(id)).value ?? startMeeting(this.#now());
      return this.#write(id, recordEvent(current, event, this.#now()));
    });
  }

  /**
   * Steps that happened elsewhere (the tablet), in order, at the times they happened: one read
   * and one write for a whole replayed queue. A time from another clock is kept inside the
   * meeting (not before its start or the last slide, not after now).
   */
  recordAll(id: string, events: readonly (MeetingEvent & { at: string })[]): Promise<LiveMeeting> {
    return this.#serial(id, async () => {
      let meeting = (await this.#readLive(id)).value ?? startMeeting(this.#now());
      const now = this.#now();
      for (const { at, ...event } of events) {
        const floor = meeting.visits.at(-1)?.at ?? meeting.startedAt;
        const when = at < floor ? floor : at > now ? now : at;
        try {
          meeting = recordEvent(meeting, event as MeetingEvent, when);
        } catch {
          // A full question list: the rest of the queue still counts.
        }
      }
      return this.#write(id, meeting);
    });
  }

  end(id: string): Promise<LiveMeeting> {
    return this.#serial(id, async () => {
      const current = (await this.#readLive(id)).value ?? startMeeting(this.#now());
      const ended = await this.#write(id, endMeeting(current, this.#now()));
      this.#warmUp();
      return ended;
    });
  }

  /**
   * The follow-up wrap-up proposes: the slot rule on the day the meeting ended (the live
   * meeting's end or last step, else the last wrap-up's), the planned day only while nothing has
   * been presented; never before the meeting's end nor in the past.
   */
  async proposedFollowUp(id: string): Promise<{ dueAt: string; timeZone: string; local: string } | null> {
    const inputs = await this.#inputs(id);
    if (!inputs.ok) return null;
    const zone = inputs.intake.meeting.timeZone;
    const live = await this.live(id);
    const endedAtLocal = live
      ? toLocal(live.endedAt ?? live.visits.at(-1)?.at ?? live.startedAt, zone)
      : (await this.lastRecord(id))?.record.endedAt;
    const slot = this.#propose(inputs.intake, inputs.advisor, endedAtLocal);
    return { dueAt: slot.dueAt, timeZone: slot.timeZone, local: toLocal(slot.dueAt, zone) };
  }

  #propose(intake: Intake, advisor: Advisor, endedAtLocal: string | undefined) {
    const { preferredTime, holidays } = advisor.followUp;
    return proposeFollowUp({
      plannedStartsAt: intake.meeting.startsAt,
      endedAtLocal,
      timeZone: intake.meeting.timeZone,
      preferredTime,
      holidays,
      now: (this.deps.now ?? Date.now)(),
    });
  }

  async #inputs(id: string) {
    const intake = this.deps.prospects.intake(id);
    if (!intake) return { ok: false as const, problems: [{ path: 'intake', message: 'is not saved yet' }] };
    const profile = await this.deps.advisor.advisor();
    if (!profile.ok)
      return { ok: false as const, problems: profile.problems.map((p) => ({ ...p, path: `advisor.${p.path}` })) };
    const { changes } = await readDeckChanges(this.deps.prospects.prospectDir(id));
    return {
      ok: true as const,
      intake,
      advisor: profile.value as Advisor,
      logo: profile.logo,
      changes,
      warnings: profile.warnings,
    };
  }

  /**
   * `Create summary and follow-up`: the meeting record and the six files, all or none, then the
   * follow-up (moved, never duplicated, when done again) and the prospect moved to Met.
   */
  wrapUp(id: string, input: WrapUpInput): Promise<WrapUpOutcome> {
    // One at a time per prospect, with the meeting's steps: the revision checked is the one written over.
    return this.#serial(id, () => this.#wrapUp(id, input));
  }

  async #wrapUp(id: string, input: WrapUpInput): Promise<WrapUpOutcome> {
    const inputs = await this.#inputs(id);
    if (!inputs.ok) return { done: false, problems: inputs.problems };
    const { intake, advisor, logo, changes } = inputs;
    const zone = intake.meeting.timeZone;
    const liveRead = await this.#readLive(id);
    const lastRead = await this.#readLast(id);
    checkRevision(input.revision, MeetingService.#revision(liveRead, lastRead));
    const current = liveRead.value;
    // Wrapped up before (the live file is gone): what was shown and when it ended come from
    // the meeting record written then, not from now.
    const previous =
      current || !lastRead.read.value || lastRead.meeting === null
        ? null
        : { meeting: lastRead.meeting, record: lastRead.read.value };
    const live = current ?? startMeeting(this.#now());
    const ended = live.endedAt ?? this.#now();
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
    followUpAt ??= this.#propose(intake, advisor, current || previous ? endedAtLocal : undefined).dueAt;
    const recipe = await loadRecipe('first-meeting', this.deps.templatesDir);
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
      { templatesDir: this.deps.templatesDir },
    );
    if (!rendered.ok) return { done: false, problems: rendered.problems };
    const meetingName = meetingFolderName(intake.meeting.startsAt);
    const folder = join(this.deps.prospects.prospectDir(id), 'meetings', meetingName);
    const recordText = `${JSON.stringify(record.value, null, 2)}\n`;
    const meetingFiles = [...rendered.files, { name: RECORD_FILE, bytes: recordText }];
    // Done again: the earlier files are kept under superseded/<time>/ and both are recorded.
    const files = this.deps.records
      ? await this.deps.records.write({
          event: 'summary and follow-up created',
          prospect: id,
          advisor,
          folder,
          files: meetingFiles,
        })
      : await writeFilesAllOrNothing(folder, meetingFiles);

    const store = this.deps.followUps();
    let followUp: FollowUp | null = null;
    const warnings: Problem[] = [];
    if (store) {
      const draft = followUpFromMeeting({
        intake,
        advisor,
        plan: rendered.plan,
        meeting: record.value,
        copy: loadFollowUpCopy(this.deps.templatesDir),
      });
      // The app's own prospect id (and a follow-up id made from it, one per meeting), so the
      // Prospects screen shows the next follow-up and two prospects never share one.
      const next = { ...draft, id: followUpIdForMeeting(id, intake.meeting.startsAt), prospectId: id };
      const current = store.get(next.id);
      if (!current || current.status === 'scheduled') followUp = store.schedule(next, { replace: true });
      else if (current.status === 'due' || current.status === 'snoozed')
        followUp = store.reschedule(next.id, next.dueAt);
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
    await this.deps.prospects.setStatus(id, 'met', followUp ? `met; follow-up ${followUp.channel} on ${when}` : 'met');
    // The meeting is wrapped up: present mode starts afresh next time.
    await rm(this.#livePath(id), { force: true });

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
      revision: MeetingService.#revision(
        { value: null, text: null },
        { meeting: meetingName, read: { value: record.value, text: recordText } },
      ),
    };
  }

  /** The meeting record of the last wrap-up, and its folder name; null before the first. */
  async lastRecord(id: string): Promise<{ meeting: string; record: MeetingRecord } | null> {
    // Not queued either (see live()).
    const last = await this.#readLast(id);
    return last.meeting !== null && last.read.value ? { meeting: last.meeting, record: last.read.value } : null;
  }

  /** One of a meeting's files, for a download or the mail app. */
  async file(
    id: string,
    meeting: string,
    name: MeetingFileName,
  ): Promise<{ name: string; mime: string; base64: string }> {
    if (!/^\d{4}-\d{2}-\d{2}T\d{4}$/.test(meeting) || !MEETING_FILES.includes(name)) throw new Error('No such file.');
    const bytes = await readFile(join(this.deps.prospects.prospectDir(id), 'meetings', meeting, name));
    return { name, mime: MIME[name], base64: bytes.toString('base64') };
  }

  /** Where a meeting's files are, for `Show files`. */
  path(id: string, meeting: string, name?: MeetingFileName): string {
    if (!/^\d{4}-\d{2}-\d{2}T\d{4}$/.test(meeting) || (name !== undefined && !MEETING_FILES.includes(name)))
      throw new Error('No such file.');
    const folder = join(this.deps.prospects.prospectDir(id), 'meetings', meeting);
    return name ? join(folder, name) : folder;
  }

  /** Seconds on each slide so far (the presenter strip's "time against the plan"). */
  static shown(meeting: LiveMeeting) {
    return shownSlides(meeting);
  }
}
