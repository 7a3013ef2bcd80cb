// The meeting's clock against the plan: pure, so the strip only formats what these return.

/** A minute of slack before the strip says the meeting runs long: a pause is not a problem. */
export const LONG_AFTER_SECONDS = 60;

/** Minutes the plan gives from the first slide to the end of slide `index` (0-based). */
export function plannedThrough(slides: readonly { minutes: number }[], index: number): number {
  let total = 0;
  for (let i = 0; i <= index && i < slides.length; i++) total += slides[i]?.minutes ?? 0;
  return total;
}

// The meeting's clock is core's, the same the tablet's running long is measured by.
export { elapsedSeconds } from '../../../../core/meeting/clock';

/** 7:05 → "07:05"; past an hour, "1:02:09". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Whole minutes over the plan up to this slide, once past the slack; 0 when on time. */
export function minutesOver(elapsed: number, plannedMinutes: number): number {
  const over = elapsed - plannedMinutes * 60;
  return over > LONG_AFTER_SECONDS ? Math.floor(over / 60) : 0;
}
