// The meeting's clock, apart from live.ts (and its schema) so present mode loads without the validator.

/** Whole seconds from `startedAt` (an ISO instant) to `now` (ms), never negative. */
export function elapsedSeconds(startedAt: string, now: number): number {
  const start = Date.parse(startedAt);
  return Number.isFinite(start) ? Math.max(0, Math.floor((now - start) / 1000)) : 0;
}
