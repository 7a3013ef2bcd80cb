import { createHash } from 'node:crypto';

/** Hashes of texts already hashed: reveal.js and the theme are the same in every deck a process makes. */
const hashes = new Map<string, string>();

export function sha256(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    // A handful per deck (reveal.js, the script, the styles of one advisor's colours): bounded all the same.
    if (hashes.size >= 64) hashes.clear();
    hashes.set(text, hash);
  }
  return hash;
}

/**
 * A deck allows nothing from outside: no network of any kind, scripts and styles only when
 * their exact text is in the file (by hash), images only embedded (data:).
 */
export function deckCsp({
  scripts,
  styles,
  connectSelf = false,
}: {
  scripts: readonly string[];
  styles: readonly string[];
  connectSelf?: boolean;
}): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(' ')}`,
    `style-src ${styles.map(sha256).join(' ')}`,
    'img-src data:',
    'font-src data:',
    // Only the tablet's copy, served by the laptop, talks back to where it came from.
    connectSelf ? "connect-src 'self'" : "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
