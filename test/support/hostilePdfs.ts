// Hostile returned forms, made in the test from raw PDF syntax: a field tree whose every level
// points twice at the next, an object stream that inflates to a gigabyte or more from a few MB,
// objects nested deeper than a parser's stack. Each is a small file a prospect could send.
import { constants, deflateRawSync } from 'node:zlib';

/** A PDF file from numbered object bodies (1-based), with a correct xref table and trailer. */
export function pdfFile(objects: readonly (string | Buffer)[]): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1');
  const parts: Buffer[] = [head];
  let length = head.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(
    Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`),
  );
  return Buffer.concat(parts);
}

const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>';

/** A field tree of `levels` levels, each node's Kids naming the next level's node twice: 2^levels paths to its leaf. */
export function fanOutFieldTree(levels = 40): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>', PAGES, PAGE];
  for (let i = 0; i < levels; i++) {
    const next = 4 + i + 1;
    objects.push(
      i === levels - 1 ? '<< /T (leaf) /FT /Tx /V (x) >>' : `<< /T (n${i}) /Kids [${next} 0 R ${next} 0 R] >>`,
    );
  }
  return pdfFile(objects);
}

/** A chain of `levels` fields, each the only kid of the one before: deep, not wide. */
export function deepFieldChain(levels = 100_000): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>', PAGES, PAGE];
  for (let i = 0; i < levels; i++)
    objects.push(i === levels - 1 ? '<< /T (leaf) /FT /Tx /V (x) >>' : `<< /T (n) /Kids [${4 + i + 1} 0 R] >>`);
  return pdfFile(objects);
}

/** One object holding arrays nested `depth` deep: a recursive parser runs out of stack. */
export function deepNesting(depth = 500_000): Buffer {
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>',
    PAGES,
    PAGE,
    `<< /T (deep) /FT /Tx /V (x) /Deep ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ]);
}

/**
 * zlib data of `head` then `zeros` zero bytes, made without holding the zeros: DEFLATE blocks of
 * one 64 MB piece of zeros (level 9, ended by a sync flush so they can follow each other) repeated.
 */
function zlibOfZeros(head: Buffer, zeros: number): Buffer {
  const PIECE = 64 * 1024 * 1024;
  const flush = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
  const piece = deflateRawSync(Buffer.alloc(PIECE), flush);
  const parts = [Buffer.from([0x78, 0xda]), deflateRawSync(head, flush)];
  let left = zeros;
  for (; left >= PIECE; left -= PIECE) parts.push(piece);
  if (left > 0) parts.push(deflateRawSync(Buffer.alloc(left), flush));
  parts.push(deflateRawSync(Buffer.alloc(0)));
  // Adler-32 of the whole: zeros leave `a` as it is and add `a` to `b` once per byte.
  let a = 1;
  let b = 0;
  for (const byte of head) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  b = Number((BigInt(b) + BigInt(zeros) * BigInt(a)) % 65521n);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(((b << 16) | a) >>> 0);
  parts.push(sum);
  return Buffer.concat(parts);
}

/** An object stream holding the form's one field, followed by `inflatedMb` MB of zeros. */
export function objectStreamBomb(inflatedMb = 1024): Buffer {
  const offsets = '5 0 ';
  const field = '<< /T (prospect.firstName) /FT /Tx /V (bomb) >> ';
  const data = zlibOfZeros(Buffer.from(offsets + field), inflatedMb * 1024 * 1024);
  const stream = Buffer.concat([
    Buffer.from(
      `<< /Type /ObjStm /N 1 /First ${offsets.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
    ),
    data,
    Buffer.from('\nendstream'),
  ]);
  return pdfFile(['<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>', PAGES, PAGE, stream]);
}
