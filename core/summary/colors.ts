// The summary's colours from the firm's brand: each darkened where needed to read on white or on
// the card's tint (WCAG contrast), so a pale brand colour never makes a faint page.
import { contrast, DEFAULT_COLORS, parseHex, readableOn, toHex } from '../advisor/brandColors';

export interface SummaryColors {
  /** Headings and the advisor's name: the primary, darkened if needed to read on white. */
  heading: string;
  /** Rules, bullets, the follow-up bar: the accent, darkened to 3:1 on white if needed. */
  accent: string;
  /** The advisor card's background: a pale tint of the primary. */
  tint: string;
  text: string;
  muted: string;
}

function mixWithWhite(hex: string, amount: number): string {
  const c = parseHex(hex);
  return toHex({ r: c.r + (255 - c.r) * amount, g: c.g + (255 - c.g) * amount, b: c.b + (255 - c.b) * amount });
}

export function summaryColors(colors: { primary: string; accent: string } | undefined): SummaryColors {
  const { primary, accent } = colors ?? DEFAULT_COLORS;
  const heading = readableOn(primary, '#FFFFFF');
  const tint = mixWithWhite(primary, 0.92);
  return {
    heading: contrast(heading, tint) >= 4.5 ? heading : readableOn(heading, tint),
    accent: readableOn(accent, '#FFFFFF', 3),
    tint,
    text: '#1B2430',
    muted: '#4A5563',
  };
}
