// An intake file's text as the advisor imports it (a .json file, a paste): refused by its size
// first, then parsed, then checked against the intake schema, every problem named.
import { checkIntake, type Intake } from '../../../core/intake/intake';
import type { Problem } from '../../../core/validation';

/** An intake file larger than this is refused before it is parsed. */
export const MAX_INTAKE_JSON = 1024 * 1024;

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses an intake file's text: size first, then JSON, then the schema; every problem named. */
export function parseIntakeText(text: string): { ok: true; value: Intake } | { ok: false; problems: Problem[] } {
  if (text.length > MAX_INTAKE_JSON)
    return { ok: false, problems: [{ path: '(file)', message: `is too large: at most ${MAX_INTAKE_JSON / 1024} KB` }] };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof RangeError ? 'is nested too deeply' : (error as Error).message;
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON (${message})` }] };
  }
  if (!isObject(value)) return { ok: false, problems: [{ path: '(root)', message: 'must be a JSON object { … }' }] };
  return checkIntake(value);
}
