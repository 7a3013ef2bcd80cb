// Meetings: the meeting of one prospect, from present mode to wrap-up:
//   prospects/<id>/meeting-live.json      what happens while presenting (slides, questions),
//                                         written at every step so a crash loses nothing
//   prospects/<id>/meetings/<YYYY-MM-DDTHHmm>/  plan.json, deck.html (as presented), meeting.json,
//                                         summary.pdf, follow-up.ics, follow-up.eml
// and the follow-up in the follow-up store (one per meeting: wrapping up again moves it).
// Here: the MeetingService (one change at a time per prospect). Beside it: read.ts (reading the
// meeting files, setting damaged ones aside), wrapUp.ts (`Create summary and follow-up`),
// tabletShare.ts (what the tablet share serves and records) and handlers.ts (the channels, and
// how present mode and the tablet share go together).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MeetingRecord } from '../../../core/meeting/meeting';
import {
  endMeeting,
  recordEvent,
  shownSlides,
  startMeeting,
  type LiveMeeting,
  type MeetingEvent,
} from '../../../core/meeting/live';
import type { MeetingFileProblem, WrapUpOutcome } from '../../../core/api';
import { MEETING_FILES, MEETING_FOLDER, MEETINGS_DIR, type MeetingFileName } from '../../../core/dataFolder';
import { writeFileAtomic } from '../files';
import { KeyedQueue } from '../keyedQueue';
import { MeetingReads, meetingRevision } from './read';
import {
  meetingInputs,
  nowIso,
  proposeSlot,
  toLocal,
  wrapUpMeeting,
  type MeetingDeps,
  type WrapUpInput,
} from './wrapUp';

export { followUpIdForMeeting, type WrapUpInput } from './wrapUp';
export type { WrapUpOutcome };

const MIME: Record<MeetingFileName, string> = {
  'plan.json': 'application/json',
  'deck.html': 'text/html',
  'summary.pdf': 'application/pdf',
  'follow-up.ics': 'text/calendar',
  'follow-up.eml': 'message/rfc822',
  'meeting.json': 'application/json',
};

export class MeetingService {
  /** One change at a time per prospect: two windows recording at once never lose an event. */
  readonly #queue = new KeyedQueue();
  readonly #reads: MeetingReads;

  constructor(private readonly deps: MeetingDeps) {
    this.#reads = new MeetingReads({ prospects: deps.prospects, now: deps.now ?? Date.now });
  }

  #serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    return this.#queue.run(id, work);
  }

  #now(): string {
    return nowIso(this.deps);
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

  /** The meeting files of this prospect that could not be read and were set aside (since the app started). */
  problems(id: string): MeetingFileProblem[] {
    return this.#reads.problems(id);
  }

  /**
   * The meeting in progress (or ended and not yet wrapped up), or null. Not queued behind the
   * meeting's changes, so it may be called from inside one; those read with #readLive.
   */
  async live(id: string): Promise<LiveMeeting | null> {
    this.deps.prospects.get(id);
    return (await this.#reads.readLive(id)).value;
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
      const live = await this.#reads.readLive(id);
      const last = await this.#reads.readLast(id);
      return {
        live: live.value,
        last: last.meeting !== null && last.read.value ? { meeting: last.meeting, record: last.read.value } : null,
        revision: meetingRevision(live, last),
        problems: this.problems(id),
      };
    });
  }

  async #write(id: string, meeting: LiveMeeting): Promise<LiveMeeting> {
    await writeFileAtomic(this.#reads.livePath(id), `${JSON.stringify(meeting)}\n`);
    return meeting;
  }

  /**
   * Starts presenting, or comes back into the meeting under way. A meeting ended but not yet
   * wrapped up (End meeting pressed too early, an Esc by mistake) is taken up again, never
   * replaced: its slides and questions stay.
   */
  start(id: string): Promise<LiveMeeting> {
    return this.#serial(id, async () => {
      const current = (await this.#reads.readLive(id)).value;
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
      const current = (await this.#reads.readLive(id)).value ?? startMeeting(this.#now());
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
      let meeting = (await this.#reads.readLive(id)).value ?? startMeeting(this.#now());
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
      const current = (await this.#reads.readLive(id)).value ?? startMeeting(this.#now());
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
    const inputs = await meetingInputs(this.deps, id);
    if (!inputs.ok) return null;
    const zone = inputs.intake.meeting.timeZone;
    const live = await this.live(id);
    const endedAtLocal = live
      ? toLocal(live.endedAt ?? live.visits.at(-1)?.at ?? live.startedAt, zone)
      : (await this.lastRecord(id))?.record.endedAt;
    const slot = proposeSlot(this.deps, inputs.intake, inputs.advisor, endedAtLocal);
    return { dueAt: slot.dueAt, timeZone: slot.timeZone, local: toLocal(slot.dueAt, zone) };
  }

  /**
   * `Create summary and follow-up`: the meeting record and the six files, all or none, then the
   * follow-up (moved, never duplicated, when done again) and the prospect moved to Met.
   */
  wrapUp(id: string, input: WrapUpInput): Promise<WrapUpOutcome> {
    // One at a time per prospect, with the meeting's steps: the revision checked is the one written over.
    return this.#serial(id, () => wrapUpMeeting(this.deps, this.#reads, id, input));
  }

  /** The meeting record of the last wrap-up, and its folder name; null before the first. */
  async lastRecord(id: string): Promise<{ meeting: string; record: MeetingRecord } | null> {
    // Not queued either (see live()).
    const last = await this.#reads.readLast(id);
    return last.meeting !== null && last.read.value ? { meeting: last.meeting, record: last.read.value } : null;
  }

  /** One of a meeting's files, for a download or the mail app. */
  async file(
    id: string,
    meeting: string,
    name: MeetingFileName,
  ): Promise<{ name: string; mime: string; base64: string }> {
    if (!MEETING_FOLDER.test(meeting) || !MEETING_FILES.includes(name)) throw new Error('No such file.');
    const bytes = await readFile(join(this.deps.prospects.prospectDir(id), MEETINGS_DIR, meeting, name));
    return { name, mime: MIME[name], base64: bytes.toString('base64') };
  }

  /** Where a meeting's files are, for `Show files`. */
  path(id: string, meeting: string, name?: MeetingFileName): string {
    if (!MEETING_FOLDER.test(meeting) || (name !== undefined && !MEETING_FILES.includes(name)))
      throw new Error('No such file.');
    const folder = join(this.deps.prospects.prospectDir(id), MEETINGS_DIR, meeting);
    return name ? join(folder, name) : folder;
  }

  /** Seconds on each slide so far (the presenter strip's "time against the plan"). */
  static shown(meeting: LiveMeeting) {
    return shownSlides(meeting);
  }
}
