import type { SummaryContent } from '../../../core/summary/summary';
import type { Logo } from '../logo';
import { imageSize } from '../pdf/image';
import { SummaryLayout, type PageLayout } from './layout';
import { renderPdf } from './render';

export { checkLogoForPdf } from '../pdf/image';
export { LogoError } from './render';
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
