// The one contract between the app window and the main process (DESIGN.md, "Layers").
// The preload exposes one function per channel; main registers one handler per channel and
// validates every input against the channel's schema, because anything the renderer sends
// may have been shaped by text a prospect typed. Pure TypeScript: imported by both sides.
// In parts: contract/channels.ts (the channel map and its input schemas), contract/payloads.ts
// (what the channels answer), contract/events.ts (what the app layer tells the window unasked);
// here, the Result every call answers, the ApiClient and Handlers types, and dispatch.
import { z } from 'zod';
import { channels, type Channel, type ChannelInput, type ChannelOutput } from './contract/channels';
import type { EventSubscriptions } from './contract/events';

// The contract's parts, from here as well: everyone imports core/api.
export * from './contract/channels';
export * from './contract/payloads';
export * from './contract/events';

/**
 * What every handler answers: errors cross the process boundary as data, never as throws.
 * `code: 'stale'`: a save based on an older revision of what it changes, refused (StaleError).
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: 'stale' };

/**
 * A save that carries the revision it was based on, when that is no longer the revision on disk:
 * another window saved in between. Refused whole, so the newer data is never overwritten.
 */
export class StaleError extends Error {
  override name = 'StaleError';
  readonly code = 'stale' as const;
  constructor(message = 'This prospect changed in another window.') {
    super(message);
  }
}

// A channel without input is called with no argument rather than with `undefined`.
type Args<C extends Channel> = [ChannelInput<C>] extends [undefined] ? [] : [input: ChannelInput<C>];

type BridgeFunction<C extends Channel> = (...args: Args<C>) => Promise<Result<ChannelOutput<C>>>;
type Handler<C extends Channel> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/**
 * What the renderer talks to, whatever the transport (IPC through the preload in Electron,
 * HTTP in `npm run web`): one async function per channel, every channel on every host, and events.
 */
export type ApiClient = { readonly [C in Channel]: BridgeFunction<C> } & EventSubscriptions;
/** The preload's bridge is an ApiClient. */
export type AdvisorDeckApi = ApiClient;

/** What the app layer implements: one handler per channel, given an input that already passed its schema. */
export type Handlers = { readonly [C in Channel]: Handler<C> };

/**
 * Validates `rawInput` for `channel`, runs its handler and wraps the outcome in a Result.
 * Lives here, not in electron/, so the boundary rules are testable without Electron.
 */
export async function dispatch<C extends Channel>(
  handlers: Handlers,
  channel: C,
  rawInput: unknown,
): Promise<Result<ChannelOutput<C>>> {
  if (!Object.hasOwn(channels, channel)) return { ok: false, error: `Unknown channel ${String(channel)}` };
  const parsed = channels[channel].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: `Invalid input for ${channel}: ${z.prettifyError(parsed.error)}` };
  const handler = handlers[channel] as Handler<C> | undefined;
  if (!handler) return { ok: false, error: `${channel} is not available here` };
  try {
    return { ok: true, value: await handler(parsed.data as ChannelInput<C>) };
  } catch (error) {
    if (error instanceof StaleError) return { ok: false, error: error.message, code: error.code };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
