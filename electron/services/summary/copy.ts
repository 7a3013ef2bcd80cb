import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSummaryCopy, type SummaryCopy } from '../../../core/summary/copy';
import { formatProblem } from '../../../core/validation';
import { readJsonFile } from '../files';
import { TEMPLATES_DIR } from '../recipes';

// Apart from the renderer (pdfkit, fontkit): a summary drawn in another thread still takes its
// words from here.
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
    if (!out['en'])
      throw new Error('the summary has no English copy (templates/summary/copy/en.json), the last fallback');
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
