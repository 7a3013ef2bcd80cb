import type { SummaryContent } from '../../../core/summary/summary';
import { imageSize, type Logo } from '../pdf';
import { type PageLayout, SummaryLayout } from './layout/summaryLayout';
import { renderPdf } from './render';

export { checkLogoForPdf, LogoError } from '../pdf';
export { loadSummaryCopy } from './copy';

/** Lays the page out (one page, always) without drawing it: for tests and the PDF. */
export function layoutSummary(content: SummaryContent, logo?: Logo): PageLayout {
  const size = logo ? imageSize(logo) : undefined;
  return new SummaryLayout(content, size).fit();
}

/** The one-page PDF summary for the prospect. */
export async function renderSummaryPdf(content: SummaryContent, logo?: Logo): Promise<Uint8Array> {
  const layout = layoutSummary(content, logo);
  return renderPdf(content, layout, logo);
}
