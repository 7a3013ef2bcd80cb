// Sends what happens in the meeting to the app layer, one call at a time. The app layer reads
// meeting-live.json, adds the event and writes it back: two calls at once could each read the
// same file and one event would be lost, so every call waits for the one before it.
// Slide changes made while a call is under way are coalesced: only the slide on screen when the
// next call leaves is sent, so swiping fast never queues a backlog, and the latest is never lost.
import type { Result } from '../../../../core/api';
import type { LiveMeeting, MeetingEvent } from '../../../../core/meeting/live';

export type SendEvent = (event: MeetingEvent) => Promise<Result<LiveMeeting>>;

export interface RecorderHooks {
  /** The meeting as kept on disk after a call. */
  kept?: (meeting: LiveMeeting) => void;
  /** A call failed; the slide stays pending and is sent again with the next call. */
  failed?: (error: string) => void;
}

export class MeetingRecorder {
  #queue: Promise<unknown> = Promise.resolve();
  /** The slide to record next, or null when the last one is kept. */
  #pendingSlide: string | null = null;
  #slideQueued = false;
  #lastSlide: string | null;

  constructor(
    private readonly send: SendEvent,
    /** The last slide already kept (on resume), so showing it again writes nothing. */
    lastSlide: string | null,
    private readonly hooks: RecorderHooks = {},
  ) {
    this.#lastSlide = lastSlide;
  }

  /** This slide is on screen now. */
  slide(slideId: string): void {
    this.#pendingSlide = slideId;
    if (this.#slideQueued) return;
    this.#slideQueued = true;
    void this.#enqueue(() => this.#sendPendingSlide());
  }

  /** Keeps a question, after any slide change before it; resolves once it is on disk (or failed). */
  question(text: string, slideId: string | undefined): Promise<Result<LiveMeeting>> {
    return this.#enqueue(async () => {
      await this.#sendPendingSlide();
      return this.#call({ kind: 'question', text, ...(slideId ? { slideId } : {}) });
    });
  }

  /** Skips these slides for the rest of the meeting, after any slide change before it. */
  skip(slideIds: string[]): Promise<Result<LiveMeeting>> {
    return this.#enqueue(async () => {
      await this.#sendPendingSlide();
      return this.#call({ kind: 'skip', slideIds });
    });
  }

  /** Resolves when everything asked so far has been sent (a pending slide is tried once more). */
  async flush(): Promise<void> {
    await this.#enqueue(() => this.#sendPendingSlide());
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    // The chain itself never rejects: one failure must not stop the calls after it.
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #sendPendingSlide(): Promise<void> {
    this.#slideQueued = false;
    const slideId = this.#pendingSlide;
    if (slideId === null || slideId === this.#lastSlide) {
      this.#pendingSlide = null;
      return;
    }
    const result = await this.#call({ kind: 'slide', slideId });
    if (result.ok) {
      this.#lastSlide = slideId;
      if (this.#pendingSlide === slideId) this.#pendingSlide = null;
    }
    // On failure the slide stays pending (unless a newer one replaced it): the next call retries it.
  }

  async #call(event: MeetingEvent): Promise<Result<LiveMeeting>> {
    let result: Result<LiveMeeting>;
    try {
      result = await this.send(event);
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (result.ok) this.hooks.kept?.(result.value);
    else this.hooks.failed?.(result.error);
    return result;
  }
}
