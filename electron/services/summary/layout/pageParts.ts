// The parts of the summary page that are not blocks: the header (logo, firm, the prospect's
// name, the meeting), the advisor's card beside "Next steps", and the fine print at the foot
// (the hypothetical notice and the firm's disclosure, cut only as a last resort).
import type { Line, Style } from '../../pdf';
import { type Frag, lineHeight, moved, type Op, stack, textFrag } from './ops';
import { type PageText, type Part, RULE } from './pageText';

const TITLE_SIZES = [20, 18, 16, 15, 14, 13] as const;

export function pageHeader(t: PageText, size: number): Frag {
  const c = t.content.colors;
  const h = t.content.header;
  const ops: Op[] = [];
  let logoBox = { w: 0, h: 0 };
  if (t.logo) {
    const scale = Math.min(170 / t.logo.width, 44 / t.logo.height);
    logoBox = { w: t.logo.width * scale, h: t.logo.height * scale };
    ops.push({ kind: 'image', x: 0, y: 0, w: logoBox.w, h: logoBox.h });
  }
  const firmWidth = t.logo ? t.inner - logoBox.w - 16 : t.inner;
  const firmStyle: Style = { weight: 'bold', size: t.logo ? 11 : 13 };
  const firmLines = t.atMost({ text: h.firm }, firmStyle, firmWidth, 2);
  const firm = textFrag(firmLines, firmStyle.size, c.heading, 0, t.logo ? 'right' : 'left', t.inner);
  const top = Math.max(logoBox.h, firm.height);
  ops.push(...moved(firm.ops, 0, (top - firm.height) / 2));
  ops.push({ kind: 'rect', x: 0, y: top + 7, w: t.inner, h: 1.5, color: c.accent });
  const band: Frag = { ops, height: top + 8.5 };

  const kickerSize = Math.max(8, size - 1);
  const kicker = textFrag(
    t.lines({ text: h.kicker.toLocaleUpperCase(t.content.language) }, { weight: 'bold', size: kickerSize }, t.inner),
    kickerSize,
    c.heading,
  );
  let titleSize = 13;
  let titleLines: Line[] = [];
  for (const candidate of TITLE_SIZES) {
    titleSize = candidate;
    titleLines = t.lines(h.preparedFor, { weight: 'bold', size: candidate }, t.inner);
    if (titleLines.length <= 2) break;
  }
  if (t.tight) titleLines = t.atMost(h.preparedFor, { weight: 'bold', size: titleSize }, t.inner, 2);
  const title = textFrag(titleLines, titleSize, c.text);
  const meeting = textFrag(
    t.atMost(h.meetingLine, { weight: 'regular', size }, t.inner, t.tight ? 1 : Infinity),
    size,
    c.muted,
  );
  return stack([band, stack([kicker, title, meeting], 2)], 12);
}

export function advisorCard(t: PageText, width: number, size: number): Frag {
  const a = t.content.advisor;
  const c = t.content.colors;
  const pad = 8;
  const w = width - 2 * pad - 3;
  const cap = t.tight ? 1 : Infinity;
  const name = textFrag(
    t.atMost({ text: a.name, keep: [[0, a.name.length]] }, { weight: 'bold', size: size + 1.5 }, w, cap),
    size + 1.5,
    c.heading,
  );
  const line = (text: string | undefined, color = c.text, hyphenate = true) =>
    text ? textFrag(t.atMost({ text }, { weight: 'regular', size, hyphenate }, w, cap), size, color) : undefined;
  const email = line(a.email, c.text, false);
  const website = line(a.website, c.text, false);
  const label = textFrag(
    t.lines(
      { text: a.title.toLocaleUpperCase(t.content.language) },
      { weight: 'bold', size: Math.max(7.5, size - 1.5) },
      w,
    ),
    Math.max(7.5, size - 1.5),
    c.muted,
  );
  const parts: (Frag | undefined)[] = [label, name, line(a.credentials, c.muted), line(a.role), line(a.firm)];
  const contact = stack([email, line(a.phone), website], size * 0.15);
  const body = stack([stack(parts, size * 0.15), contact], size * 0.5);
  // Links cover exactly the lines of the email and the https website, nothing else.
  const links: Op[] = [];
  const linkFor = (frag: Frag | undefined, url: string | undefined) => {
    if (!frag || !url) return;
    const y0 = body.ops.length ? contactOffset(body, contact, frag) : 0;
    links.push({ kind: 'link', x: 0, y: y0, w, h: frag.height, url });
  };
  linkFor(email, `mailto:${a.email}`);
  linkFor(website, a.websiteUrl);
  const height = body.height + 2 * pad;
  return {
    height,
    ops: [
      { kind: 'rect', x: 0, y: 0, w: width, h: height, color: c.tint },
      { kind: 'rect', x: 0, y: 0, w: 3, h: height, color: c.heading },
      ...moved([...body.ops, ...links], pad + 3, pad),
    ],
  };
}

export function finePrint(t: PageText, fineSize: number, maxHeight = Infinity): { frag: Frag; shortened: boolean } {
  const c = t.content.colors;
  const style: Style = { weight: 'regular', size: fineSize };
  const notice = t.content.hypothetical
    ? textFrag(
        t.lines({ text: t.content.hypothetical }, { weight: 'bold', size: fineSize }, t.inner),
        fineSize,
        c.muted,
      )
    : undefined;
  let lines = t.lines({ text: t.content.disclosure }, style, t.inner);
  let shortened = false;
  const rule: Frag = { ops: [{ kind: 'rect', x: 0, y: 0, w: t.inner, h: 0.6, color: RULE }], height: 0.6 };
  const build = () => stack([rule, notice, textFrag(lines, fineSize, c.muted)], 4);
  let frag = build();
  if (frag.height > maxHeight && lines.length > 1) {
    // Last resort only: a disclosure of thousands of characters beside a full page. Lines
    // differ in height (a CJK face is taller than Inter): the kept ones are added up.
    const all = lines;
    const part: Part = {
      text: { text: t.content.disclosure },
      style,
      color: c.muted,
      lines: all,
      width: t.inner,
    };
    const height = (ls: readonly Line[]) => ls.reduce((sum, l) => sum + lineHeight(l, fineSize), 0);
    const room = maxHeight - (frag.height - height(all));
    let keep = all.length;
    let used = height(all);
    while (keep > 1 && used > room) used -= lineHeight(all[--keep] as Line, fineSize);
    const cut = (n: number) => [...all.slice(0, n - 1), t.ellipsized(part, all[n - 1] as Line, t.inner)];
    lines = cut(keep);
    // The line cut short may be taller than the one it stands for.
    while (keep > 1 && height(lines) > room) lines = cut(--keep);
    shortened = true;
    frag = build();
  }
  return { frag, shortened };
}

/** Where `frag` (a part of `contact`) lies inside `body`: both were stacked, so search by identity of ops. */
function contactOffset(body: Frag, contact: Frag, frag: Frag): number {
  const firstOp = frag.ops[0];
  const contactFirst = contact.ops[0];
  if (!firstOp || !contactFirst || firstOp.kind !== 'text' || contactFirst.kind !== 'text') return 0;
  // Text ops keep their line object through moves, so the line identifies the op.
  const inBody = body.ops.find((op) => op.kind === 'text' && op.line === firstOp.line);
  return inBody?.kind === 'text' ? inBody.baseline - firstOp.baseline : 0;
}
