/** Brand colours made safe to read: WCAG 2 contrast, computed, so any advisor colour works. */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

export function toHex({ r, g, b }: Rgb): string {
  const c = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`.toUpperCase();
}

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  const { r, g, b } = parseHex(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(hex: string, toward: string, amount: number): string {
  const a = parseHex(hex);
  const b = parseHex(toward);
  return toHex({ r: a.r + (b.r - a.r) * amount, g: a.g + (b.g - a.g) * amount, b: a.b + (b.b - a.b) * amount });
}

/**
 * The colour itself when it reads on `background` at `ratio` (4.5 for text), else the nearest
 * darker (or lighter, on a dark background) shade that does: the brand stays recognisable.
 */
export function readableOn(color: string, background: string, ratio = 4.5): string {
  if (contrast(color, background) >= ratio) return color;
  const toward = luminance(background) > 0.18 ? '#000000' : '#FFFFFF';
  for (let step = 1; step <= 20; step++) {
    const candidate = mix(color, toward, step / 20);
    if (contrast(candidate, background) >= ratio) return candidate;
  }
  return toward;
}

/** Black-ish or white text, whichever reads better on a filled brand colour. */
export function textOn(background: string): string {
  return contrast('#FFFFFF', background) >= contrast('#14202B', background) ? '#FFFFFF' : '#14202B';
}

export const DEFAULT_COLORS = { primary: '#1F4E79', accent: '#C8A24A' } as const;

export interface DeckColors {
  /** The advisor's primary as given: large fills and rules. */
  primary: string;
  /** Primary as text on the page background (≥ 4.5:1). */
  primaryText: string;
  /** Primary as a graphic (chart line, bar) on the page background (≥ 3:1). */
  primaryGraphic: string;
  /** Text on a primary fill. */
  onPrimary: string;
  accent: string;
  /** Accent as text on the page background (≥ 4.5:1). */
  accentText: string;
  /** Accent as a graphic on the page (≥ 3:1, WCAG non-text contrast). */
  accentGraphic: string;
  /** Accent as a graphic on a primary fill (≥ 3:1). */
  accentOnPrimary: string;
  /** Text on an accent-graphic fill. */
  onAccent: string;
  background: string;
  /** Around the slides when the screen's shape differs from the deck's. */
  pageBackground: string;
  /** Quotes and panels on the slide. */
  surface: string;
  text: string;
  muted: string;
}

export function deckColors(colors: { primary: string; accent: string } | undefined): DeckColors {
  const { primary, accent } = colors ?? DEFAULT_COLORS;
  const background = '#FBFAF7';
  // A mid-tone brand colour may let neither white nor dark text read on it: then the fill is
  // darkened until white text does.
  const onPrimary = textOn(primary);
  const fill = contrast(onPrimary, primary) >= 4.5 ? primary : readableOn(primary, '#FFFFFF');
  const accentGraphic = readableOn(accent, background, 3);
  return {
    primary: fill,
    primaryText: readableOn(primary, background),
    primaryGraphic: readableOn(primary, background, 3),
    onPrimary: fill === primary ? onPrimary : '#FFFFFF',
    accent,
    accentText: readableOn(accent, background),
    accentGraphic,
    accentOnPrimary: readableOn(accent, fill, 3),
    onAccent: textOn(accentGraphic),
    background,
    pageBackground: '#2A2F36',
    surface: '#F1EEE7',
    text: '#1B2430',
    muted: '#4A5563',
  };
}
