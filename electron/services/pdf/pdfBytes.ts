/**
 * Everything a pdfkit document writes, as one array once it has ended. Listen before drawing
 * (call this right after making the document): pdfkit streams pages as they are written.
 */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  return new Promise<Uint8Array>((resolve, reject) => {
    doc.on('error', reject);
    doc.on('end', () => {
      // A plain Uint8Array (not a Buffer): what callers hand over IPC and HTTP.
      const out = new Uint8Array(chunks.reduce((size, c) => size + c.length, 0));
      let offset = 0;
      for (const c of chunks) {
        out.set(c, offset);
        offset += c.length;
      }
      resolve(out);
    });
  });
}
