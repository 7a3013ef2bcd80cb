// The tablet server: a second, separate HTTP server on the laptop's LAN address that serves one
// meeting's deck to one paired tablet, and takes back what happens on it. Nothing of the app:
// no prospect list, no API, no file but the deck. Locked down because the office Wi-Fi is shared:
// - the address carries a one-time token (192 bits); its first use pairs the device with an
//   HttpOnly, SameSite=Strict cookie and drops the token from the address bar;
// - the same token used again (another device scanned the code) only asks the advisor, who
//   answers Allow or Refuse on the laptop; meanwhile that device waits with a 403 page;
// - a wrong or absent token gets 403; a foreign Host (DNS rebinding) 421; a foreign Origin 403;
// - bodies are capped, each client address is rate-limited, and the deck's strict CSP is sent.
// Plain HTTP: the deck holds only what is shown to the prospect (README, "Present on a tablet").
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  deviceLabel,
  MAX_EVENTS_PER_POST,
  tabletEventSchema,
  tabletPostSchema,
  type PendingDevice,
  type ShareMode,
  type TabletConnection,
  type TabletEvent,
} from '../../../core/meeting/tabletShare';
import { sha256 } from '../csp';
import { CODE_PAGE_CSP, codePage, PairingCode } from './pairingCode';
import { cookieValue, readBody, sameSecret } from '../web/http';

const COOKIE = 'advisor_deck_tablet';
/** A queue of a whole meeting's events fits many times over; a flood does not. */
export const MAX_TABLET_BODY = 512 * 1024;
/** Per client address: a burst for a replay after a dropped network, then a steady trickle. */
const BUCKET_SIZE = 120;
const REFILL_PER_SECOND = 30;
/** Devices that may wait for the advisor at once: more are refused without asking. */
const MAX_PENDING = 4;
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

interface Device {
  id: string;
  state: 'paired' | 'pending' | 'refused';
  label: string;
}

const PAGE_STYLE =
  'body{font:20px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#F4F2EE;color:#1F2328}main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.4rem;margin:0 0 .5rem}';
// Polls until the advisor answers: allowed, the deck opens; refused, the page says so.
const WAITING_SCRIPT =
  "(function(){var m=document.getElementById('m');function ask(){fetch('/pair/status',{credentials:'same-origin',cache:'no-store'}).then(function(r){return r.json()}).then(function(s){if(s.state==='paired')location.replace('/');else if(s.state==='refused'){m.textContent=document.documentElement.getAttribute('data-refused')}else setTimeout(ask,1000)},function(){setTimeout(ask,2000)})}ask()})()";
const PAGE_CSP = `default-src 'none'; style-src ${sha256(PAGE_STYLE)}; script-src ${sha256(WAITING_SCRIPT)}; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function plainPage(title: string, message: string, waiting = false): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en" data-refused="${escape('The advisor did not allow this device.')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><link rel="icon" href="data:,"><title>${escape(title)}</title><style>${PAGE_STYLE}</style></head><body><main><h1>${escape(title)}</h1><p id="m" role="status">${escape(message)}</p></main>${waiting ? `<script>${WAITING_SCRIPT}</script>` : ''}</body></html>`;
}

export class TabletServer {
  readonly token: string;
  /** The short code to type instead of scanning: same rules as the token (one device, then Allow). */
  readonly pairing = new PairingCode();
  #server: Server | undefined;
  #port = 0;
  #tokenUsed = false;
  readonly #devices = new Map<string, Device>();
  readonly #streams = new Map<ServerResponse, string>();
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
    this.token = options.token ?? randomBytes(24).toString('base64url');
    this.#mode = options.mode;
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
    return [...this.#devices.values()]
      .filter((d) => d.state === 'pending')
      .map((d) => ({ device: d.id, label: d.label }));
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
      for (const stream of this.#streams.keys()) stream.write(': ping\n\n');
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
    await Promise.all([...this.#streams.keys()].map((stream) => endStream(stream, ENDED_EVENT)));
    for (const stream of this.#streams.keys()) stream.destroy();
    this.#streams.clear();
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
    for (const d of this.#devices.values()) {
      if (d.id === device && d.state === 'pending') {
        d.state = allow ? 'paired' : 'refused';
        this.options.changed();
        return true;
      }
    }
    return false;
  }

  #send(
    res: ServerResponse,
    status: number,
    body: string,
    type = 'text/plain; charset=utf-8',
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(body);
  }

  #forbidden(res: ServerResponse): void {
    this.#send(
      res,
      403,
      plainPage('Not allowed', 'Scan the code shown on the advisor’s laptop to see this meeting.'),
      'text/html; charset=utf-8',
    );
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

  #device(req: IncomingMessage): Device | undefined {
    const secret = cookieValue(req.headers.cookie, COOKIE);
    if (secret === undefined) return undefined;
    for (const [key, device] of this.#devices) if (sameSecret(key, secret)) return device;
    return undefined;
  }

  #newDevice(state: Device['state'], req: IncomingMessage): { secret: string; device: Device } {
    const secret = randomBytes(24).toString('base64url');
    const device: Device = { id: randomBytes(8).toString('hex'), state, label: deviceLabel(req.headers['user-agent']) };
    this.#devices.set(secret, device);
    return { secret, device };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.#closed) return void res.destroy();
    if (!this.#allowRequest(req.socket.remoteAddress ?? ''))
      return this.#send(res, 429, 'Too many requests.', undefined, { 'Retry-After': '1' });
    const hostName = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    const host = req.headers.host ?? '';
    if (host !== `${hostName}:${this.#port}`) return this.#send(res, 421, 'Wrong host.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      // `//` and the like: the request's fault, not the server's (400, nothing logged).
      return this.#send(res, 400, 'Bad address.');
    }
    const device = this.#device(req);

    if (url.pathname === '/' && req.method === 'GET') {
      const offered = url.searchParams.get('pair');
      if (offered !== null) {
        if (!sameSecret(offered, this.token)) return this.#forbidden(res);
        // Already paired on this device (the page reloaded with the address): on to the deck.
        if (device?.state === 'paired') return this.#send(res, 303, '', undefined, { Location: '/' });
        if (!this.#tokenUsed) {
          this.#tokenUsed = true;
          const { secret } = this.#newDevice('paired', req);
          this.#setConnection('waiting');
          this.options.changed();
          return this.#send(res, 303, '', undefined, {
            Location: '/',
            'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
          });
        }
        // The token again: another device scanned the code. It gets nothing until the advisor says so.
        if (device) return this.#waitingOrRefused(res, device);
        if (this.pending.length >= MAX_PENDING) return this.#forbidden(res);
        const { secret, device: asking } = this.#newDevice('pending', req);
        this.options.changed();
        return this.#send(
          res,
          403,
          plainPage(
            'Waiting for the advisor',
            'This device can show the meeting once the advisor allows it on the laptop.',
            true,
          ),
          'text/html; charset=utf-8',
          {
            'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
            'X-Device': asking.id,
          },
        );
      }
      if (!device)
        return this.#send(res, 403, codePage(), 'text/html; charset=utf-8', {
          'Content-Security-Policy': CODE_PAGE_CSP,
        });
      if (device.state !== 'paired') return this.#waitingOrRefused(res, device);
      const page = await this.options.deck(this.#mode);
      return this.#send(res, 200, page.html, 'text/html; charset=utf-8', { 'Content-Security-Policy': page.csp });
    }

    if (url.pathname === '/pair' && req.method === 'POST') return this.#pairByCode(req, res, device, host);

    if (url.pathname === '/pair/status' && req.method === 'GET') {
      if (!device) return this.#forbidden(res);
      return this.#send(res, 200, JSON.stringify({ state: device.state }), 'application/json; charset=utf-8');
    }

    if (url.pathname === '/events' && req.method === 'GET') {
      if (device?.state !== 'paired') return this.#forbidden(res);
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Connection: 'keep-alive',
      });
      // A dropped stream is tried again after a second (EventSource does the retrying).
      res.write(`retry: 1000\n\n`);
      res.write(this.#stateEvent());
      this.#streams.set(res, device.id);
      this.#setConnection('connected');
      req.on('close', () => {
        this.#streams.delete(res);
        if (this.#streams.size === 0 && !this.#closed) this.#setConnection('reconnecting');
      });
      return;
    }

    if (url.pathname === '/events' && req.method === 'POST') {
      if (device?.state !== 'paired') return this.#forbidden(res);
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return this.#send(res, 403, 'Forbidden: another site.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return this.#send(res, 415, 'Send JSON.');
      const body = await readBody(req, MAX_TABLET_BODY);
      if (body === undefined) return this.#send(res, 413, 'Too large.');
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return this.#send(res, 400, 'Not JSON.');
      }
      const post = tabletPostSchema.safeParse(parsed);
      if (!post.success) return this.#send(res, 400, `At most ${MAX_EVENTS_PER_POST} events a request.`);
      const acked = await this.#receive(post.data.events);
      if (this.#streams.size > 0) this.#setConnection('connected');
      const { now, slideId } = post.data;
      const extra = now !== undefined && this.options.answer ? await this.options.answer(now, slideId) : undefined;
      return this.#send(res, 200, JSON.stringify({ ...extra, acked }), 'application/json; charset=utf-8');
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
    if (device)
      return device.state === 'paired'
        ? this.#send(res, 303, '', undefined, { Location: '/' })
        : this.#waitingOrRefused(res, device);
    const body = await readBody(req, 1024);
    if (body === undefined) return this.#send(res, 413, 'Too large.');
    const answer = this.pairing.answer(new URLSearchParams(body).get('code') ?? '');
    this.options.changed();
    const codeForm = (problem: string) =>
      this.#send(res, 403, codePage(problem), 'text/html; charset=utf-8', { 'Content-Security-Policy': CODE_PAGE_CSP });
    if (answer === 'wrong')
      return codeForm(
        `That code is not right. ${this.pairing.attemptsLeft} ${this.pairing.attemptsLeft === 1 ? 'try' : 'tries'} left.`,
      );
    if (answer === 'spent')
      return codeForm(
        'This code no longer works. Scan the QR code on the advisor’s laptop, or ask them to share again for a new code.',
      );
    if (!this.#tokenUsed) {
      this.#tokenUsed = true;
      const { secret } = this.#newDevice('paired', req);
      this.#setConnection('waiting');
      this.options.changed();
      return this.#send(res, 303, '', undefined, {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (this.pending.length >= MAX_PENDING) return this.#forbidden(res);
    const { secret } = this.#newDevice('pending', req);
    this.options.changed();
    return this.#send(
      res,
      403,
      plainPage(
        'Waiting for the advisor',
        'This device can show the meeting once the advisor allows it on the laptop.',
        true,
      ),
      'text/html; charset=utf-8',
      {
        'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
      },
    );
  }

  #waitingOrRefused(res: ServerResponse, device: Device): void {
    if (device.state === 'refused')
      return this.#send(
        res,
        403,
        plainPage('Not allowed', 'The advisor did not allow this device.'),
        'text/html; charset=utf-8',
      );
    this.#send(
      res,
      403,
      plainPage(
        'Waiting for the advisor',
        'This device can show the meeting once the advisor allows it on the laptop.',
        true,
      ),
      'text/html; charset=utf-8',
    );
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
    return `event: state\ndata: ${JSON.stringify({ mode: this.#mode, ...(this.#slideId ? { slideId: this.#slideId } : {}) })}\n\n`;
  }

  #broadcast(): void {
    const event = this.#stateEvent();
    for (const stream of this.#streams.keys()) stream.write(event);
  }
}

/** Sent to every tablet when the meeting ends or sharing stops. */
const ENDED_EVENT = 'event: ended\ndata: {}\n\n';
/** How long a tablet's stream may take to receive the end before it is cut anyway. */
const END_GRACE_MS = 500;

function endStream(stream: ServerResponse, last: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableEnded || stream.destroyed) return resolve();
    const timer = setTimeout(resolve, END_GRACE_MS);
    timer.unref();
    stream.end(last, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
