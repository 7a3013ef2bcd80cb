import PDFDocument from 'pdfkit';
import type { SummaryContent } from '../../../core/summary/summary';
import { drawnText, forgetGlyphs, type Logo, LogoError, pdfBytes, PdfkitFaces } from '../pdf';
import type { PageLayout } from './layout/summaryLayout';

/**
 * Draws a laid-out page with pdfkit. Text is real text in embedded, subset TTF faces (so it is
 * selectable and extractable), positioned run by run on its baseline. No JavaScript, no
 * annotations other than the mailto and https links the layout placed.
 */
export async function renderPdf(content: SummaryContent, layout: PageLayout, logo?: Logo): Promise<Uint8Array> {
  const doc = new PDFDocument({
    // No default font: pdfkit would read and parse Helvetica's metrics for a font no summary uses.
    font: null as unknown as string,
    size: layout.size,
    margin: 0,
    bufferPages: true,
    compress: true,
    lang: content.locale,
    displayTitle: true,
    info: {
      Title: content.info.title,
      Author: content.info.author,
      Subject: content.info.subject,
      Creator: 'Advisor Deck',
      CreationDate: new Date(content.info.creationDate),
    },
  });
  const bytes = pdfBytes(doc);

  const faces = new PdfkitFaces(doc);

  for (const op of layout.ops) {
    switch (op.kind) {
      case 'rect':
        doc.rect(op.x, op.y, op.w, op.h).fill(op.color);
        break;
      case 'dot':
        doc.circle(op.x, op.y, op.r).fill(op.color);
        break;
      case 'image':
        if (!logo) break;
        try {
          doc.image(Buffer.from(logo.bytes), op.x, op.y, { width: op.w, height: op.h });
        } catch (error) {
          throw new LogoError(`cannot be embedded in the PDF: ${(error as Error).message}`);
        }
        break;
      case 'link':
        doc.link(op.x, op.y, op.w, op.h, op.url);
        break;
      case 'text':
        doc.fillColor(op.color);
        for (const run of op.line.runs) {
          if (!run.text) continue;
          const shaped = run.face.family === 'arabic' || run.face.family === 'hebrew';
          faces.use(run.face, op.size, shaped ? run.text : undefined);
          // From a clean glyph cache, as emBox measured it: the same glyphs and widths. For a
          // shared Arabic base glyph it also gives the characters of this word (pdfkit maps
          // glyphs to text from them), so ت is not read as ب.
          forgetGlyphs(run.face);
          doc.text(drawnText(run.text), op.x + run.x, op.baseline, { lineBreak: false, baseline: 'alphabetic' });
        }
        break;
    }
  }
  // pdfkit moves its cursor with each text; the layout owns every position, so check nothing spilled.
  const pages = doc.bufferedPageRange().count;
  if (pages !== 1) throw new Error(`the summary spilled onto ${pages} pages`);
  doc.end();
  return bytes;
}
