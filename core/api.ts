// The one contract between the app window and the main process (DESIGN.md, "Layers").
// The preload exposes one function per channel; main registers one handler per channel and
// validates every input against the channel's schema, because anything the renderer sends
// may have been shaped by text a prospect typed. Pure TypeScript: imported by both sides.
import { z } from 'zod';
import { FOLLOW_UP_ID, followUpSchema, followUpSettingsSchema } from './followUpRecord';

/** What every handler answers: errors cross the process boundary as data, never as throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const AppInfo = z.object({ name: z.string(), version: z.string() });
export type AppInfo = z.infer<typeof AppInfo>;

const followUpId = z.strictObject({ id: z.string().regex(FOLLOW_UP_ID) });
const FollowUpLists = z.object({ overdue: z.array(followUpSchema), today: z.array(followUpSchema), upcoming: z.array(followUpSchema) });
const instantWithOffset = z.string().max(40);

/**
 * The channel map. Channel names are `area:action` and stay the same string everywhere
 * (contract, handler, renderer call) so one search finds every end of a channel.
 * `input` is enforced by main; `output` documents and types what the handler returns.
 */
export const channels = {
  'app:info': { input: z.undefined(), output: AppInfo },
  /** Open follow-ups as overdue, today and upcoming (in the machine's zone). */
  'followups:list': { input: z.undefined(), output: FollowUpLists },
  'followups:snooze': {
    input: z.strictObject({
      id: followUpId.shape.id,
      until: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('hour') }),
        z.strictObject({ kind: z.literal('tomorrow') }),
        z.strictObject({ kind: z.literal('at'), at: instantWithOffset }),
      ]),
    }),
    output: followUpSchema,
  },
  'followups:reschedule': { input: z.strictObject({ id: followUpId.shape.id, dueAt: instantWithOffset }), output: followUpSchema },
  'followups:complete': { input: followUpId, output: followUpSchema },
  'followups:cancel': { input: followUpId, output: followUpSchema },
  /** Opens the follow-up's email (subject and body, no attachment) in the default mail app. */
  'followups:email': { input: followUpId, output: z.object({ opened: z.boolean() }) },
  'settings:get': { input: z.undefined(), output: followUpSettingsSchema },
  'settings:set': { input: followUpSettingsSchema.partial(), output: followUpSettingsSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof channels;

/**
 * Channels every host of the renderer implements. The others belong to features a host may
 * not have (a test page, a future local web host): their handlers and bridge functions are
 * optional in the types, the renderer checks before calling, and dispatch answers an error
 * for a missing one. The Electron main process implements all of them (Required<Handlers>).
 */
export type CoreChannel = 'app:info';
type FeatureChannel = Exclude<Channel, CoreChannel>;

/** Main → renderer: the advisor clicked a follow-up's reminder; show that follow-up. */
export const FOLLOW_UP_FOCUS_EVENT = 'followups:focus';

export type ChannelInput<C extends Channel> = z.infer<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<(typeof channels)[C]['output']>;

/** The names the preload exposes. Kept as data so the preload needs no zod at runtime. */
export const channelNames = Object.keys(channels) as Channel[];

// A channel without input is called with no argument rather than with `undefined`.
type Args<C extends Channel> = [ChannelInput<C>] extends [undefined] ? [] : [input: ChannelInput<C>];

type BridgeFunction<C extends Channel> = (...args: Args<C>) => Promise<Result<ChannelOutput<C>>>;
type Handler<C extends Channel> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** `window.advisorDeck` as the renderer sees it: one async function per channel, and events. */
export type AdvisorDeckApi = { readonly [C in CoreChannel]: BridgeFunction<C> } & { readonly [C in FeatureChannel]?: BridgeFunction<C> } & {
  /** Calls `listener` with a follow-up id when its reminder is clicked; returns the unsubscribe. */
  readonly onFollowUpFocus?: (listener: (id: string) => void) => () => void;
};

/** What main implements: one handler per channel, given an input that already passed its schema. */
export type Handlers = { readonly [C in CoreChannel]: Handler<C> } & { readonly [C in FeatureChannel]?: Handler<C> };

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
  const handler = handlers[channel] as Handler<C> | undefined;
  if (!handler) return { ok: false, error: `${channel} is not available here` };
  try {
    return { ok: true, value: await handler(parsed.data as ChannelInput<C>) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
