import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSummaryCopy, type SummaryContent, type SummaryCopy } from '../../../core/summary';
import { formatProblem } from '../../../core/validation';
import { readJsonFile } from '../files';
import type { Logo } from '../logo';
import { TEMPLATES_DIR } from '../recipes';
import { imageSize } from './image';
import { SummaryLayout, type PageLayout } from './layout';
import { renderPdf } from './render';

export { checkLogoForPdf } from './image';
export { LogoError } from './render';

const copies = new Map<string, Promise<Record<string, SummaryCopy>>>();

/**
 * The summary's copy per language (<templates>/summary/copy/<language>.json), checked like user
 * files; read once per templates folder. The default (the source tree) is for tests and benchmarks.
 */
export function loadSummaryCopy(templatesDir: string = TEMPLATES_DIR): Promise<Record<string, SummaryCopy>> {
  const load = async () => {
    const dir = join(templatesDir, 'summary', 'copy');
    const out: Record<string, SummaryCopy> = {};
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
      const read = await readJsonFile(join(dir, file));
      const checked = read.ok ? checkSummaryCopy(read.value) : read;
      if (!checked.ok) throw new Error(`summary copy ${file}: ${checked.problems.map(formatProblem).join('; ')}`);
      out[file.replace(/\.json$/, '')] = checked.value;
    }
    if (!out['en']) throw new Error('the summary has no English copy (templates/summary/copy/en.json), the last fallback');
    return out;
  };
  let loading = copies.get(templatesDir);
  if (!loading) {
    loading = load().catch((error: unknown) => {
      copies.delete(templatesDir);
      throw error;
    });
    copies.set(templatesDir, loading);
  }
  return loading;
}

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
