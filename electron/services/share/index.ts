// Sharing one meeting with a tablet: starts and stops the tablet server, makes the QR code,
// renders the tablet's copy of the deck in each mode, turns the tablet's steps into the meeting
// record (the same one present mode writes), and announces each change of the share (the
// `share:changed` event of core/contract/events.ts, which both transports carry to the window).
import type { LiveMeeting } from '../../../core/meeting/live';
import { tabletAnswer } from '../../../core/meeting/tabletRunningLong';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Advisor } from '../../../core/advisor/advisor';
import type { DeckPlan } from '../../../core/plan/planDeck';
import type { ShareMode, ShareStatus, TabletEvent } from '../../../core/meeting/tabletShare';
import { renderDeckPage } from '../deck';
import type { Logo } from '../logo';
import { TabletServer, type DeckPage } from './server';
import type { ShareChange, ShareStartOutcome } from '../../../core/api';

export interface DeckToShare {
  plan: DeckPlan;
  advisor: Advisor;
  logo?: Logo | undefined;
}

export interface SharingOptions {
  /** The interface the tablet server listens on; by default the laptop's LAN address. */
  host?: string | undefined;
  templatesDir: string;
  /** The prospect's deck as planned now (with the advisor's changes), or why there is none. */
  deck(prospectId: string): Promise<DeckToShare | { problem: string }>;
  /** The tablet's steps, into the meeting record. */
  record(prospectId: string, events: TabletEvent[]): Promise<void>;
  /** The meeting as it stands (slides shown and skipped, when it started), for running long on the tablet. */
  meeting?(prospectId: string): Promise<LiveMeeting | null>;
  /** The share of a prospect changed: its status now (raised as the `share:changed` event). */
  changed?(change: ShareChange): void;
}

/**
 * The laptop's address on the office network: a private IPv4 address of an interface that is
 * up (Wi-Fi or Ethernet), not a loopback or a link-local one.
 */
export function lanAddress(): string | undefined {
  const candidates: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) candidates.push(a.address);
    }
  }
  const isPrivate = (ip: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
  return candidates.find(isPrivate) ?? candidates[0];
}

interface Assets {
  script: string;
  style: string;
}

interface Current {
  prospectId: string;
  server: TabletServer;
  qr: string;
  share: string;
  pages: Map<ShareMode, Promise<DeckPage>>;
}

/** The tablet page's script, in this order (its parts first, templates/deck/tablet.js last). */
const TABLET_SCRIPTS = [
  'tablet/words.js',
  'tablet/queue.js',
  'tablet/link.js',
  'tablet/questions.js',
  'tablet/runningLong.js',
  'tablet.js',
];

export class SharingService {
  #current: Current | undefined;
  #version = 1;
  #assets: Promise<Assets> | undefined;

  constructor(private readonly options: SharingOptions) {}

  #loadAssets(): Promise<Assets> {
    this.#assets ??= (async () => {
      const deckDir = join(this.options.templatesDir, 'deck');
      const [style, ...parts] = await Promise.all([
        readFile(join(deckDir, 'tablet.css'), 'utf8'),
        ...TABLET_SCRIPTS.map((name) => readFile(join(deckDir, name), 'utf8')),
      ]);
      return { script: parts.join('\n'), style };
    })();
    this.#assets.catch(() => (this.#assets = undefined));
    return this.#assets;
  }

  #changed(prospectId: string): void {
    this.#version += 1;
    this.options.changed?.({ id: prospectId, status: this.status(prospectId) });
  }

  /** Shares this prospect's meeting (and stops sharing any other): the address and its QR code. */
  async start(prospectId: string, mode: ShareMode = 'presents'): Promise<ShareStartOutcome> {
    if (this.#current?.prospectId === prospectId) return { started: true, status: this.status(prospectId) };
    await this.stop();
    const host = this.options.host ?? lanAddress();
    if (!host) return { started: false, problem: 'no-network' };
    const deck = await this.options.deck(prospectId);
    if ('problem' in deck) return { started: false, problem: deck.problem };
    const assets = await this.#loadAssets();
    const share = randomBytes(8).toString('hex');
    const pages = new Map<ShareMode, Promise<DeckPage>>();
    const page = (m: ShareMode) => {
      let made = pages.get(m);
      if (!made) {
        // Following, the tablet is the prospect's screen: the speaker notes are not in it at all.
        const plan: DeckPlan =
          m === 'follows'
            ? {
                ...deck.plan,
                deck: { ...deck.plan.deck, slides: deck.plan.deck.slides.map((s) => ({ ...s, notes: '' })) },
              }
            : deck.plan;
        made = renderDeckPage(plan, deck.advisor, {
          templatesDir: this.options.templatesDir,
          ...(deck.logo ? { logo: deck.logo } : {}),
          tablet: { ...assets, mode: m, share },
        });
        pages.set(m, made);
      }
      return made;
    };
    const server = new TabletServer({
      host,
      mode,
      deck: page,
      apply: (events) => this.options.record(prospectId, events),
      answer: async (now, slideId) => {
        const meeting = await this.options.meeting?.(prospectId);
        return meeting ? tabletAnswer(deck.plan, meeting, now, slideId) : undefined;
      },
      changed: () => this.#changed(prospectId),
    });
    try {
      await server.start();
    } catch {
      return { started: false, problem: 'cannot-listen' };
    }
    // Loaded when the advisor first shares, not when the app starts.
    const { default: QRCode } = await import('qrcode');
    const qr = await QRCode.toDataURL(server.address, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
    this.#current = { prospectId, server, qr, share, pages };
    // Rendered now, while the advisor reaches for the tablet: its first load is then instant.
    void page(mode).catch(() => undefined);
    this.#changed(prospectId);
    return { started: true, status: this.status(prospectId) };
  }

  /** Stops at once: the server closes every connection and nothing answers afterwards. */
  async stop(prospectId?: string): Promise<void> {
    const current = this.#current;
    if (!current || (prospectId !== undefined && current.prospectId !== prospectId)) return;
    this.#current = undefined;
    await current.server.close();
    this.#changed(current.prospectId);
  }

  sharing(prospectId: string): boolean {
    return this.#current?.prospectId === prospectId;
  }

  status(prospectId: string): ShareStatus {
    const current = this.#current;
    if (!current || current.prospectId !== prospectId)
      return { active: false, version: this.#version, mode: 'presents', tablet: 'waiting', pending: [] };
    const { server } = current;
    return {
      active: true,
      version: this.#version,
      address: server.address,
      pairAddress: server.address.replace(/\?.*$/, ''),
      ...(server.pairing.shortCode.usable ? { pairingCode: server.pairing.shortCode.code } : {}),
      qr: current.qr,
      mode: server.mode,
      tablet: server.connection,
      ...(server.slideId ? { slideId: server.slideId } : {}),
      pending: server.pending,
    };
  }

  setMode(prospectId: string, mode: ShareMode): ShareStatus {
    if (this.#current?.prospectId === prospectId) this.#current.server.setMode(mode);
    return this.status(prospectId);
  }

  answer(prospectId: string, device: string, allow: boolean): ShareStatus {
    if (this.#current?.prospectId === prospectId) this.#current.server.answer(device, allow);
    return this.status(prospectId);
  }

  /** The meeting's slide when sharing starts: a tablet opened now starts there. */
  meetingSlide(prospectId: string, slideId: string): void {
    if (this.#current?.prospectId === prospectId) this.#current.server.setSlide(slideId);
  }

  /** The laptop showed a slide: a following tablet shows it too. */
  laptopSlide(prospectId: string, slideId: string): void {
    const current = this.#current;
    if (current?.prospectId === prospectId && current.server.mode === 'follows') current.server.setSlide(slideId);
  }
}
