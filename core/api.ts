// The one contract between the app window and the main process (DESIGN.md, "Layers").
// The preload exposes one function per channel; main registers one handler per channel and
// validates every input against the channel's schema, because anything the renderer sends
// may have been shaped by text a prospect typed. Pure TypeScript: imported by both sides.
import { z } from 'zod';

/** What every handler answers: errors cross the process boundary as data, never as throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const AppInfo = z.object({ name: z.string(), version: z.string() });
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * The channel map. Channel names are `area:action` and stay the same string everywhere
 * (contract, handler, renderer call) so one search finds every end of a channel.
 * `input` is enforced by main; `output` documents and types what the handler returns.
 */
export const channels = {
  'app:info': { input: z.undefined(), output: AppInfo },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.infer<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<(typeof channels)[C]['output']>;

/** The names the preload exposes. Kept as data so the preload needs no zod at runtime. */
export const channelNames = Object.keys(channels) as Channel[];

// A channel without input is called with no argument rather than with `undefined`.
type Args<C extends Channel> = [ChannelInput<C>] extends [undefined] ? [] : [input: ChannelInput<C>];

/** `window.advisorDeck` as the renderer sees it: one async function per channel. */
export type AdvisorDeckApi = {
  readonly [C in Channel]: (...args: Args<C>) => Promise<Result<ChannelOutput<C>>>;
};

/** What main implements: one handler per channel, given an input that already passed its schema. */
export type Handlers = {
  readonly [C in Channel]: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/**
 * Validates `rawInput` for `channel`, runs its handler and wraps the outcome in a Result.
 * Lives here, not in electron/, so the boundary rules are testable without Electron.
 */
export async function dispatch<C extends Channel>(
  handlers: Handlers,
  channel: C,
  rawInput: unknown,
): Promise<Result<ChannelOutput<C>>> {
  const parsed = channels[channel].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: `Invalid input for ${channel}: ${z.prettifyError(parsed.error)}` };
  try {
    const handler = handlers[channel] as (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
    return { ok: true, value: await handler(parsed.data as ChannelInput<C>) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
