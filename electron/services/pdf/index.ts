// The PDF typesetting engine: what the summary (summary/), the fillable intake form
// (fillableForm/make.ts) and the logo checks (logo.ts, logoScale.ts) use to put text and
// pictures on a PDF page with pdfkit. Import this file (or, for the light image checks only,
// image.ts), never the files behind it.
//
// - fonts.ts: the embedded faces (Inter, Noto for CJK, Korean, Arabic, Hebrew), which face draws
//   each character, and each text's box in em, measured as pdfkit will draw it;
// - quickLayout.ts: everyday Latin words laid out straight from the font's GSUB/GPOS tables,
//   glyph for glyph what fontkit 2.0.4 gives (fontkit is pinned to that exact version:
//   test/unit/fontkit-pin.test.ts), else fontkit shapes; behind it lookupEffects.ts (what each
//   lookup can do), scriptLayout.ts (applying them), layoutTables.ts (GSUB/GPOS lookups read
//   from the bytes) and openTypeTable.ts (a table's bytes, coverage and class tables);
// - text.ts + bidi.ts: line breaking (spaces, CJK, kinsoku, words kept whole), right-to-left
//   order, and cutting a line short with …;
// - pdfkitFaces.ts: the faces registered in a pdfkit document (a copy per Arabic glyph meaning,
//   word layouts shared between documents);
// - image.ts + png.ts: the pictures it can embed, checked from their headers and data first;
// - pdfBytes.ts: a document's bytes once it has ended.
export { fallbackChain, type Face, type Family, fontFile, forgetGlyphs, type Weight } from './fonts';
export { type Line, type Run, type Style, TextEngine } from './text';
export { drawnText } from './bidi';
export { PdfkitFaces } from './pdfkitFaces';
export { pdfBytes } from './pdfBytes';
export { checkLogoForPdf, checkPngData, imageSize, type Logo, LogoError } from './image';
