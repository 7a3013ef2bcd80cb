// Server-sent events, the way both local servers push to a page: the web host sends the app's
// events (core/api/events.ts) to each open window, the tablet server the meeting's state to the
// paired tablet. One stream per page, kept in a set the server writes each message to.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const EVENT_STREAM = 'text/event-stream; charset=utf-8';

/** One message: its event name and its data as JSON, on one line (JSON.stringify has no newline). */
export function eventMessage(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The open streams of one server, each with what it was opened for. */
export class EventStreams<T = true> {
  readonly #streams = new Map<ServerResponse, T>();

  /** Starts a stream with `first` (a comment or the current state), and forgets it when the page goes. */
  open(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
    first: string,
    tag: T,
    onClose?: () => void,
  ): void {
    res.writeHead(200, { ...headers, 'Content-Type': EVENT_STREAM, Connection: 'keep-alive' });
    res.write(first);
    this.#streams.set(res, tag);
    req.on('close', () => {
      this.#streams.delete(res);
      onClose?.();
    });
  }

  get size(): number {
    return this.#streams.size;
  }

  streams(): ServerResponse[] {
    return [...this.#streams.keys()];
  }

  /** Writes the same text to every stream. */
  write(text: string): void {
    for (const stream of this.#streams.keys()) stream.write(text);
  }

  /** Ends every stream with `last`; one that cannot take it in `graceMs` (a sleeping tablet) is cut. */
  async end(last: string, graceMs: number): Promise<void> {
    await Promise.all(this.streams().map((stream) => endStream(stream, last, graceMs)));
    for (const stream of this.#streams.keys()) stream.destroy();
    this.#streams.clear();
  }
}

function endStream(stream: ServerResponse, last: string, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableEnded || stream.destroyed) return resolve();
    const timer = setTimeout(resolve, graceMs);
    timer.unref();
    stream.end(last, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
