// Reading a prospect's meeting files: the meeting in progress (meeting-live.json) and the record
// of the last wrap-up (meetings/<meeting>/meeting.json). A damaged one is set aside and reported
// (on the prospect's screens and the Prospects screen), then read as absent, so the rest of the
// prospect goes on (a new meeting, a wrap-up).
import { join } from 'node:path';
import { checkMeeting, type MeetingRecord } from '../../../core/meeting/meeting';
import { liveMeetingSchema, type LiveMeeting } from '../../../core/meeting/live';
import type { MeetingFileProblem } from '../../../core/api';
import { LIVE_FILE, MEETING_RECORD_FILE, MEETINGS_DIR, meetingFolderName } from '../../../core/dataFolder';
import { MAX_INTAKE_BYTES, MAX_RECORD_BYTES, readCappedFile } from '../files';
import { setAsideFile } from '../setAside';
import { revisionOf } from '../prospects/revision';
import type { ProspectStore } from '../prospects/store';

/** A meeting file as read: its value (null when absent or damaged) and its text (null when absent), for the revision. */
export interface Read<T> {
  value: T | null;
  text: string | null;
}

/** The last wrap-up's record as read, and its meeting folder's name (null without a saved intake). */
export interface LastRead {
  meeting: string | null;
  read: Read<MeetingRecord>;
}

/** What a wrap-up is based on: the meeting in progress and the last record. */
export function meetingRevision(live: Read<LiveMeeting>, last: LastRead): string {
  return revisionOf(live.text, last.meeting, last.read.text);
}

export class MeetingReads {
  /** Meeting files set aside in this run, per prospect: the screens of that prospect say so. */
  readonly #problems = new Map<string, MeetingFileProblem[]>();

  constructor(private readonly deps: { prospects: ProspectStore; now: () => number }) {}

  /** The meeting files of this prospect that could not be read and were set aside (since the app started). */
  problems(id: string): MeetingFileProblem[] {
    return this.#problems.get(id) ?? [];
  }

  livePath(id: string): string {
    return join(this.deps.prospects.prospectDir(id), LIVE_FILE);
  }

  /**
   * Reads one meeting file. Absent: nothing. Unreadable, too large, not JSON or failing its
   * check: renamed aside and reported, then read as absent.
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
    const file = meeting === undefined ? LIVE_FILE : MEETING_RECORD_FILE;
    let keptAs: string | null = null;
    let message: string;
    try {
      keptAs = await setAsideFile(path, this.deps.now());
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

  readLive(id: string): Promise<Read<LiveMeeting>> {
    return this.#read(id, this.livePath(id), MAX_INTAKE_BYTES, (value) => {
      const checked = liveMeetingSchema.safeParse(value);
      return checked.success ? checked.data : null;
    });
  }

  /** The meeting record of the last wrap-up (of the intake's meeting), and its folder name. */
  async readLast(id: string): Promise<LastRead> {
    const intake = this.deps.prospects.intake(id);
    if (!intake) return { meeting: null, read: { value: null, text: null } };
    const meeting = meetingFolderName(intake.meeting.startsAt);
    const path = join(this.deps.prospects.prospectDir(id), MEETINGS_DIR, meeting, MEETING_RECORD_FILE);
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
}
