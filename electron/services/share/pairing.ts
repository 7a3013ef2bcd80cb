// The tablet pairing: who may see the shared meeting. The QR code's address carries a one-time
// token (192 bits) and the laptop shows a six-digit code beside it (pairingCode.ts). The first
// device to use either is paired, with a device cookie; any later one (another device scanned the
// code) waits for the advisor, who answers Allow or Refuse on the laptop. A wrong token is
// refused; a wrong code counts against the code's few tries. No I/O here: the tablet server
// (server.ts) turns each outcome into an answer.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { deviceLabel, type PendingDevice } from '../../../core/meeting/tabletShare';
import { cookieValue, sameSecret, sessionCookie } from '../localServer';
import { PairingCode } from './pairingCode';

export const DEVICE_COOKIE = 'advisor_deck_tablet';
/** Devices that may wait for the advisor at once: more are refused without asking. */
const MAX_PENDING = 4;

export interface Device {
  id: string;
  state: 'paired' | 'pending' | 'refused';
  label: string;
}

/**
 * What a pairing attempt comes to: `paired` (on to the deck, with the device's cookie when it is
 * new), `waiting` or `refused` (a later device and the advisor's answer), `forbidden` (a wrong
 * token, or too many waiting), `wrong-code` / `spent-code` (the code form again, with why).
 */
export type PairOutcome =
  | { kind: 'paired'; cookie?: string }
  | { kind: 'waiting'; cookie?: string; device: string }
  | { kind: 'refused' }
  | { kind: 'forbidden' }
  | { kind: 'wrong-code'; attemptsLeft: number }
  | { kind: 'spent-code' };

export class TabletPairing {
  readonly token: string;
  /** The short code to type instead of scanning: same rules as the token (one device, then Allow). */
  readonly shortCode = new PairingCode();
  #tokenUsed = false;
  readonly #devices = new Map<string, Device>();

  constructor(token?: string) {
    this.token = token ?? randomBytes(24).toString('base64url');
  }

  get pending(): PendingDevice[] {
    return [...this.#devices.values()]
      .filter((d) => d.state === 'pending')
      .map((d) => ({ device: d.id, label: d.label }));
  }

  /** The device a request comes from, by its cookie. */
  device(req: IncomingMessage): Device | undefined {
    const secret = cookieValue(req.headers.cookie, DEVICE_COOKIE);
    if (secret === undefined) return undefined;
    for (const [key, device] of this.#devices) if (sameSecret(key, secret)) return device;
    return undefined;
  }

  /** The advisor's Allow or Refuse for a waiting device; false when there is no such device waiting. */
  answer(device: string, allow: boolean): boolean {
    for (const d of this.#devices.values()) {
      if (d.id === device && d.state === 'pending') {
        d.state = allow ? 'paired' : 'refused';
        return true;
      }
    }
    return false;
  }

  /** The QR code's address opened with `offered` as its token. */
  byToken(offered: string, device: Device | undefined, req: IncomingMessage): PairOutcome {
    if (!sameSecret(offered, this.token)) return { kind: 'forbidden' };
    // Already paired on this device (the page reloaded with the address): on to the deck.
    if (device?.state === 'paired') return { kind: 'paired' };
    if (!this.#tokenUsed) return this.#pairFirst(req);
    // The token again: another device scanned the code. It gets nothing until the advisor says so.
    if (device) return this.#asked(device);
    return this.#ask(req);
  }

  /** The code form posted with `typed`: the first device pairs, a later one waits for Allow. */
  byCode(typed: string, device: Device | undefined, req: IncomingMessage): PairOutcome {
    if (device) return device.state === 'paired' ? { kind: 'paired' } : this.#asked(device);
    const answer = this.shortCode.answer(typed);
    if (answer === 'wrong') return { kind: 'wrong-code', attemptsLeft: this.shortCode.attemptsLeft };
    if (answer === 'spent') return { kind: 'spent-code' };
    if (!this.#tokenUsed) return this.#pairFirst(req);
    return this.#ask(req);
  }

  /** Where a device that is not paired stands. */
  asked(device: Device): PairOutcome {
    return this.#asked(device);
  }

  #asked(device: Device): PairOutcome {
    return device.state === 'refused' ? { kind: 'refused' } : { kind: 'waiting', device: device.id };
  }

  #pairFirst(req: IncomingMessage): PairOutcome {
    this.#tokenUsed = true;
    const { secret } = this.#newDevice('paired', req);
    return { kind: 'paired', cookie: sessionCookie(DEVICE_COOKIE, secret) };
  }

  #ask(req: IncomingMessage): PairOutcome {
    if (this.pending.length >= MAX_PENDING) return { kind: 'forbidden' };
    const { secret, device } = this.#newDevice('pending', req);
    return { kind: 'waiting', cookie: sessionCookie(DEVICE_COOKIE, secret), device: device.id };
  }

  #newDevice(state: Device['state'], req: IncomingMessage): { secret: string; device: Device } {
    const secret = randomBytes(24).toString('base64url');
    const device: Device = { id: randomBytes(8).toString('hex'), state, label: deviceLabel(req.headers['user-agent']) };
    this.#devices.set(secret, device);
    return { secret, device };
  }
}
