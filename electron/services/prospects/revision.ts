// The revision of what a window loaded (the intake and draft, deck.json, a meeting's files): a
// hash of the content, so it needs no field in the files (the CLI reads them as they are) and no
// clock. A window sends it back with its save; a save based on another revision is refused
// (core/api.ts, StaleError). Equal content has an equal revision, and that is right: a save
// based on exactly what is on disk overwrites nothing the window did not see.
import { createHash } from 'node:crypto';
import { StaleError } from '../../../core/api';

/** Each part as it is on disk (text or bytes), or null for a file that is not there. */
export function revisionOf(...parts: readonly (string | Uint8Array | null)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    // Length-prefixed, so no two lists of parts hash the same text.
    if (part === null) hash.update('-;');
    else {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      hash.update(`${bytes.byteLength};`).update(bytes);
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/** Refuses a save based on another revision than `current`; no base: not checked. */
export function checkRevision(base: string | undefined, current: string): void {
  if (base !== undefined && base !== current) throw new StaleError();
}
