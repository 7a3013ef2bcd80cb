// The one clock of everything the app starts (stores, follow-up scheduler, meetings, win-back):
// the system's by default; tests fix it, so nothing depends on today's date.

export interface Clock {
  /** Wall-clock time, epoch ms. */
  now(): number;
  /** Monotonic ms (performance.now): unaffected by wall-clock changes. */
  monotonic(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. Reads the globals at call time, so test fake timers apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `clock` when given, else the system's timers around `now`, else the system clock. */
export function clockOf(options: { clock?: Clock | undefined; now?: (() => number) | undefined }): Clock {
  if (options.clock) return options.clock;
  const now = options.now;
  return now ? { ...systemClock, now: () => now() } : systemClock;
}
