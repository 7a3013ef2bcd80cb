// The tablet server: a second, separate HTTP server on the laptop's LAN address that serves one
// meeting's deck to one paired tablet, and takes back what happens on it. Nothing of the app:
// no prospect list, no API, no file but the deck. Locked down because the office Wi-Fi is shared:
// - the tablet pairing (pairing.ts): the address carries a one-time token (192 bits), the laptop
//   shows a typed code beside it; the first use pairs the device with an HttpOnly,
//   SameSite=Strict cookie and drops the token from the address bar; the same token used again
//   (another device scanned the code) only asks the advisor, who answers Allow or Refuse on the
//   laptop; meanwhile that device waits with a 403 page (tabletPages.ts);
// - a wrong or absent token gets 403; a foreign Host (DNS rebinding) 421; a foreign Origin 403;
// - bodies are capped, each client address is rate-limited, and the deck's strict CSP is sent.
// The checks, headers and event streams come from the local-server kit (../localServer).
// Plain HTTP: the deck holds only what is shown to the prospect (README, "Present on a tablet").
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  MAX_EVENTS_PER_POST,
  tabletEventSchema,
  tabletPostSchema,
  type PendingDevice,
  type ShareMode,
  type TabletConnection,
  type TabletEvent,
} from '../../../core/meeting/tabletShare';
import {
  allowedHost,
  eventMessage,
  EventStreams,
  fromAnotherSite,
  HTML,
  JSON_TYPE,
  readBody,
  readJsonBody,
  securityHeaders,
  send as sendWith,
  TEXT,
} from '../localServer';
import { TabletPairing, type Device, type PairOutcome } from './pairing';
import { CODE_PAGE_CSP, codePage, forbiddenPage, PAGE_CSP, refusedPage, waitingPage } from './tabletPages';

/** A queue of a whole meeting's events fits many times over; a flood does not. */
export const MAX_TABLET_BODY = 512 * 1024;
/** Per client address: a burst for a replay after a dropped network, then a steady trickle. */
const BUCKET_SIZE = 120;
const REFILL_PER_SECOND = 30;
/** Event ids remembered to apply each once: far more than a meeting makes. */
const MAX_APPLIED = 50_000;
/** After a stream drops, the tablet is "reconnecting" for this long, then "offline". */
const OFFLINE_AFTER_MS = 10_000;

export interface DeckPage {
  html: string;
  csp: string;
}

export interface TabletServerOptions {
  /** The interface to listen on: the laptop's LAN address (127.0.0.1 in tests). */
  host: string;
  /** The deck as the tablet gets it in each mode (with speaker notes only when it presents). */
  deck(mode: ShareMode): Promise<DeckPage>;
  /** Applies the tablet's new events, in order; each id reaches here once. */
  apply(events: TabletEvent[]): Promise<void>;
  /** What a presenting tablet's clock means for the meeting (running long), sent with its acks. */
  answer?(now: number, slideId: string | undefined): Promise<object | undefined>;
  /** Something the laptop shows changed: connection, pending devices, the tablet's slide. */
  changed(): void;
  mode: ShareMode;
  /** A fixed token (tests); random by default. */
  token?: string;
}

export class TabletServer {
  /** Who may see the meeting: the QR token, the typed code, the devices (pairing.ts). */
  readonly pairing: TabletPairing;
  #server: Server | undefined;
  #port = 0;
  readonly #streams = new EventStreams<string>();
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #applied = new Set<string>();
  #applying: Promise<unknown> = Promise.resolve();
  #mode: ShareMode;
  #slideId: string | undefined;
  #connection: TabletConnection = 'waiting';
  #offlineTimer: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(private readonly options: TabletServerOptions) {
    this.pairing = new TabletPairing(options.token);
    this.#mode = options.mode;
  }

  get token(): string {
    return this.pairing.token;
  }

  get address(): string {
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host}:${this.#port}/?pair=${this.token}`;
  }

  get mode(): ShareMode {
    return this.#mode;
  }

  get slideId(): string | undefined {
    return this.#slideId;
  }

  get connection(): TabletConnection {
    return this.#connection;
  }

  get pending(): PendingDevice[] {
    return this.pairing.pending;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.#handle(req, res).catch(() => {
        if (!res.headersSent) this.#send(res, 500, 'Something went wrong.');
        else res.destroy();
      });
    });
    server.headersTimeout = 15_000;
    server.requestTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, this.options.host, () => resolve());
    });
    const address = server.address();
    this.#port = typeof address === 'object' && address ? address.port : 0;
    this.#server = server;
    // Keeps the streams open through proxies and sleepy radios, and finds dead ones.
    this.#heartbeat = setInterval(() => {
      this.#streams.write(': ping\n\n');
    }, 15_000);
    this.#heartbeat.unref();
  }

  /** Closes at once: every stream and socket, and nothing answers afterwards. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#offlineTimer);
    const server = this.#server;
    if (!server) return;
    // Tablets are told first, so they show "Meeting ended" and drop the deck rather than retry a
    // server that is gone; a stream that cannot take it in a moment (a sleeping tablet) is cut.
    await this.#streams.end(ENDED_EVENT, END_GRACE_MS);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setMode(mode: ShareMode): void {
    if (mode === this.#mode) return;
    this.#mode = mode;
    this.#broadcast();
    this.options.changed();
  }

  /** The laptop moved on (the tablet follows): the tablet shows the same slide. */
  setSlide(slideId: string): void {
    if (slideId === this.#slideId) return;
    this.#slideId = slideId;
    this.#broadcast();
    this.options.changed();
  }

  answer(device: string, allow: boolean): boolean {
    if (!this.pairing.answer(device, allow)) return false;
    this.options.changed();
    return true;
  }

  #send(res: ServerResponse, status: number, body: string, type = TEXT, headers: Record<string, string> = {}): void {
    sendWith(res, status, body, type, { ...securityHeaders(PAGE_CSP), ...headers });
  }

  #forbidden(res: ServerResponse): void {
    this.#send(res, 403, forbiddenPage(), HTML);
  }

  /** A token bucket per client address: a flood is answered 429 without any other work. */
  #allowRequest(address: string): boolean {
    const now = Date.now();
    const bucket = this.#buckets.get(address) ?? { tokens: BUCKET_SIZE, at: now };
    bucket.tokens = Math.min(BUCKET_SIZE, bucket.tokens + ((now - bucket.at) / 1000) * REFILL_PER_SECOND);
    bucket.at = now;
    if (this.#buckets.size > 1024) this.#buckets.clear();
    this.#buckets.set(address, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.#closed) return void res.destroy();
    if (!this.#allowRequest(req.socket.remoteAddress ?? ''))
      return this.#send(res, 429, 'Too many requests.', undefined, { 'Retry-After': '1' });
    const hostName = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    const host = allowedHost(req, [`${hostName}:${this.#port}`]);
    if (host === undefined) return this.#send(res, 421, 'Wrong host.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      // `//` and the like: the request's fault, not the server's (400, nothing logged).
      return this.#send(res, 400, 'Bad address.');
    }
    const device = this.pairing.device(req);

    if (url.pathname === '/' && req.method === 'GET') {
      const offered = url.searchParams.get('pair');
      if (offered !== null) return this.#paired(res, this.pairing.byToken(offered, device, req), true);
      if (!device)
        return this.#send(res, 403, codePage(), HTML, {
          'Content-Security-Policy': CODE_PAGE_CSP,
        });
      if (device.state !== 'paired') return this.#paired(res, this.pairing.asked(device));
      const page = await this.options.deck(this.#mode);
      return this.#send(res, 200, page.html, HTML, { 'Content-Security-Policy': page.csp });
    }

    if (url.pathname === '/pair' && req.method === 'POST') return this.#pairByCode(req, res, device, host);

    if (url.pathname === '/pair/status' && req.method === 'GET') {
      if (!device) return this.#forbidden(res);
      return this.#send(res, 200, JSON.stringify({ state: device.state }), JSON_TYPE);
    }

    if (url.pathname === '/events' && req.method === 'GET') {
      if (device?.state !== 'paired') return this.#forbidden(res);
      // A dropped stream is tried again after a second (EventSource does the retrying).
      const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
      this.#streams.open(req, res, headers, `retry: 1000\n\n${this.#stateEvent()}`, device.id, () => {
        if (this.#streams.size === 0 && !this.#closed) this.#setConnection('reconnecting');
      });
      this.#setConnection('connected');
      return;
    }

    if (url.pathname === '/events' && req.method === 'POST') {
      if (device?.state !== 'paired') return this.#forbidden(res);
      if (fromAnotherSite(req, [`http://${host}`])) return this.#send(res, 403, 'Forbidden: another site.');
      const body = await readJsonBody(req, MAX_TABLET_BODY);
      if (!body.ok) return this.#send(res, body.status, `${body.message}.`);
      const parsed = body.value;
      const post = tabletPostSchema.safeParse(parsed);
      if (!post.success) return this.#send(res, 400, `At most ${MAX_EVENTS_PER_POST} events a request.`);
      const acked = await this.#receive(post.data.events);
      if (this.#streams.size > 0) this.#setConnection('connected');
      const { now, slideId } = post.data;
      const extra = now !== undefined && this.options.answer ? await this.options.answer(now, slideId) : undefined;
      return this.#send(res, 200, JSON.stringify({ ...extra, acked }), JSON_TYPE);
    }

    return this.#send(res, 404, 'Not found.');
  }

  /** The typed code traded for the cookie, as the token is: the first device pairs, a later one waits for Allow. */
  async #pairByCode(
    req: IncomingMessage,
    res: ServerResponse,
    device: Device | undefined,
    host: string,
  ): Promise<void> {
    // The page sends no referrer, so a browser says Origin "null" for its own form: the fetch
    // metadata tells a post from this page from another site's (which could burn the code).
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (
      (origin !== undefined && origin !== 'null' && origin !== `http://${host}`) ||
      (site !== undefined && site !== 'same-origin' && site !== 'none')
    ) {
      return this.#send(res, 403, 'Forbidden: another site.');
    }
    if (device) return this.#paired(res, this.pairing.byCode('', device, req));
    const body = await readBody(req, 1024);
    if (body === undefined) return this.#send(res, 413, 'Too large.');
    const outcome = this.pairing.byCode(new URLSearchParams(body).get('code') ?? '', undefined, req);
    this.options.changed();
    return this.#paired(res, outcome);
  }

  /** A pairing's outcome as the tablet sees it; `announce`: a device waiting by the token is named in X-Device. */
  #paired(res: ServerResponse, outcome: PairOutcome, announce = false): void {
    const codeForm = (problem: string) =>
      this.#send(res, 403, codePage(problem), HTML, { 'Content-Security-Policy': CODE_PAGE_CSP });
    switch (outcome.kind) {
      case 'paired':
        if (outcome.cookie === undefined) return this.#send(res, 303, '', undefined, { Location: '/' });
        this.#setConnection('waiting');
        this.options.changed();
        return this.#send(res, 303, '', undefined, { Location: '/', 'Set-Cookie': outcome.cookie });
      case 'waiting':
        if (outcome.cookie === undefined) return this.#send(res, 403, waitingPage(), HTML);
        this.options.changed();
        return this.#send(res, 403, waitingPage(), HTML, {
          'Set-Cookie': outcome.cookie,
          ...(announce ? { 'X-Device': outcome.device } : {}),
        });
      case 'refused':
        return this.#send(res, 403, refusedPage(), HTML);
      case 'forbidden':
        return this.#forbidden(res);
      case 'wrong-code': {
        const left = outcome.attemptsLeft;
        return codeForm(`That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`);
      }
      case 'spent-code':
        return codeForm(
          'This code no longer works. Scan the QR code on the advisor’s laptop, or ask them to share again for a new code.',
        );
    }
  }

  /**
   * Applies each new event once, in the order sent, one post at a time. A malformed event is
   * acknowledged and dropped (sending it again cannot make it right); one the laptop could not
   * take (a full question list) too, so a queue never sticks.
   */
  #receive(events: unknown[]): Promise<string[]> {
    const run = this.#applying.then(async () => {
      const acked: string[] = [];
      const fresh: TabletEvent[] = [];
      for (const raw of events) {
        const checked = tabletEventSchema.safeParse(raw);
        const id =
          raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
            ? (raw as { id: string }).id.slice(0, 64)
            : undefined;
        if (!checked.success) {
          if (id !== undefined) acked.push(id);
          continue;
        }
        acked.push(checked.data.id);
        if (this.#applied.has(checked.data.id)) continue;
        this.#applied.add(checked.data.id);
        fresh.push(checked.data);
      }
      if (this.#applied.size > MAX_APPLIED) {
        const keep = [...this.#applied].slice(-MAX_APPLIED / 2);
        this.#applied.clear();
        for (const id of keep) this.#applied.add(id);
      }
      if (fresh.length === 0) return acked;
      // While the tablet presents, its slide is the meeting's; while it follows, the laptop's.
      const applied = this.#mode === 'presents' ? fresh : fresh.filter((e) => e.kind !== 'slide');
      await this.options.apply(applied);
      const lastSlide = applied.filter((e) => e.kind === 'slide').at(-1);
      if (lastSlide && lastSlide.kind === 'slide') this.#slideId = lastSlide.slideId;
      this.options.changed();
      return acked;
    });
    this.#applying = run.catch(() => undefined);
    return run;
  }

  #setConnection(connection: TabletConnection): void {
    clearTimeout(this.#offlineTimer);
    if (connection === 'reconnecting') {
      this.#offlineTimer = setTimeout(() => this.#setConnection('offline'), OFFLINE_AFTER_MS);
      this.#offlineTimer.unref();
    }
    if (connection === this.#connection) return;
    this.#connection = connection;
    this.options.changed();
  }

  #stateEvent(): string {
    return eventMessage('state', { mode: this.#mode, ...(this.#slideId ? { slideId: this.#slideId } : {}) });
  }

  #broadcast(): void {
    this.#streams.write(this.#stateEvent());
  }
}

/** Sent to every tablet when the meeting ends or sharing stops. */
const ENDED_EVENT = eventMessage('ended', {});
/** How long a tablet's stream may take to receive the end before it is cut anyway. */
const END_GRACE_MS = 500;
