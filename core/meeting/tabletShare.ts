// Presenting on a tablet over the office Wi-Fi: what the tablet sends back to the laptop, and
// what the laptop shows of the share. Pure data, checked the same on both sides.
import { z } from 'zod';
import { LIMITS, text } from '../text/text';
import type { MeetingEvent } from './live';

/**
 * `presents`: the advisor holds the tablet and drives; the laptop mirrors and records.
 * `follows`: the laptop drives and the tablet (often the prospect's screen) shows the same
 * slide, never the speaker notes.
 */
export const SHARE_MODES = ['presents', 'follows'] as const;
export type ShareMode = (typeof SHARE_MODES)[number];

/** What the laptop knows of the tablet: a stream open, lost a moment ago, or gone a while. */
export type TabletConnection = 'waiting' | 'connected' | 'reconnecting' | 'offline';

/** Events queued on the tablet while it presents, replayed after a dropped network. */
export const MAX_EVENTS_PER_POST = 200;

const eventId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an event id');
const slideId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a slide id');
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'must be a UTC instant');

/** One thing that happened on the tablet, with the id that lets the laptop apply it once. */
export const tabletEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: eventId, kind: z.literal('slide'), slideId, at: instant }),
  z.strictObject({
    id: eventId,
    kind: z.literal('question'),
    text: text(LIMITS.text, { required: true }),
    slideId: slideId.optional(),
    at: instant,
  }),
  // Running long: the advisor chose, on the tablet, to skip these for the rest of the meeting.
  z.strictObject({ id: eventId, kind: z.literal('skip'), slideIds: z.array(slideId).min(1).max(100), at: instant }),
]);
export type TabletEvent = z.output<typeof tabletEventSchema>;

/** A tablet's step as the meeting records it (its id only served to apply it once). */
export function meetingEventOf(event: TabletEvent): MeetingEvent & { at: string } {
  if (event.kind === 'slide') return { kind: 'slide', slideId: event.slideId, at: event.at };
  if (event.kind === 'skip') return { kind: 'skip', slideIds: event.slideIds, at: event.at };
  return { kind: 'question', text: event.text, ...(event.slideId ? { slideId: event.slideId } : {}), at: event.at };
}

export const tabletPostSchema = z.strictObject({
  events: z.array(z.unknown()).max(MAX_EVENTS_PER_POST),
  /** A presenting tablet's own clock (ms since 1970): running long is measured by it. */
  now: z.number().int().nonnegative().max(8.64e15).optional(),
  /** The slide on the tablet's screen as it posts. */
  slideId: slideId.optional(),
});

/** A device that opened the tablet address after the first one paired: the advisor decides. */
export interface PendingDevice {
  device: string;
  /** From its user agent, for the advisor to recognise it ("iPad", "Android", "Mac"). */
  label: string;
}

export interface ShareStatus {
  /** Sharing this prospect's meeting now. */
  active: boolean;
  /** Grows at every change: the window asks for what is newer than what it has. */
  version: number;
  address?: string;
  /** Instead of scanning: open this address (no token) and type the pairing code. */
  pairAddress?: string;
  /** Six digits, one-time and short-lived; absent once spent. */
  pairingCode?: string;
  /** The address as a QR code (PNG data URL) to scan with the tablet's camera. */
  qr?: string;
  mode: ShareMode;
  tablet: TabletConnection;
  /** The slide on the tablet, as it last said (or as the laptop sent it). */
  slideId?: string;
  pending: PendingDevice[];
}

/** A short name for a device from its user agent: enough to tell an iPad from a phone. */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = (userAgent ?? '').slice(0, 512);
  if (/iPad/.test(ua)) return 'iPad';
  if (/iPhone/.test(ua)) return 'iPhone';
  if (/Android/.test(ua)) return /Mobile/.test(ua) ? 'Android phone' : 'Android tablet';
  if (/Macintosh/.test(ua)) return /Mobile/.test(ua) ? 'iPad' : 'Mac';
  if (/Windows/.test(ua)) return 'Windows';
  if (/CrOS/.test(ua)) return 'Chromebook';
  if (/Linux/.test(ua)) return 'Linux';
  return 'Unknown device';
}
