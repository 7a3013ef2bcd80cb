// `records export` (CLI and app): verifies first, then one zip a compliance officer opens:
//   manifest.csv          time, prospect, event, file, SHA-256: one row per file of each entry
//   records/log.jsonl     the entries exported, each line exactly as in the log
//   verify.txt            what verify said
//   <the files>           at their paths in the data folder (prospects/<id>/meetings/<when>/…)
// Nothing is written when the records do not verify.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { manifestCsv, selectEntries, trackFiles } from '../../../core/records/recordLog';
import { verifyRecords, type VerifyReport } from './verify';
import { ZipWriter } from './zip';

export interface ExportFilter {
  /** First local day included, YYYY-MM-DD. */
  from?: string | undefined;
  /** Last local day included, YYYY-MM-DD. */
  to?: string | undefined;
  prospect?: string | undefined;
}

export type ExportOutcome =
  | { exported: true; records: number; files: number; report: VerifyReport }
  | { exported: false; report: VerifyReport };

/** The machine's local day of an instant: what an advisor means by "from the 3rd". */
export function localDay(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function exportRecords(
  dataDir: string,
  filter: ExportFilter,
  write: (chunk: Buffer) => Promise<void>,
  now: number,
): Promise<ExportOutcome> {
  const report = await verifyRecords(dataDir);
  if (!report.intact) return { exported: false, report };
  const chosen = selectEntries(report.lines, filter, localDay);
  const chosenLines = new Set(chosen.map((l) => l.line));
  const entryOf = new Map(chosen.map((l) => [l.line, l.entry]));
  const files = trackFiles(report.lines).filter((f) => chosenLines.has(f.line));

  const zip = new ZipWriter(write, now);
  const rows = files.map((f) => {
    const entry = entryOf.get(f.line);
    return [
      entry?.at ?? '',
      entry?.prospect ?? '',
      f.kept ? `${entry?.event ?? ''} (earlier version kept)` : (entry?.event ?? ''),
      f.path,
      f.sha256,
    ];
  });
  await zip.add({ name: 'manifest.csv', bytes: Buffer.from(manifestCsv(rows), 'utf8') });
  await zip.add({ name: 'records/log.jsonl', bytes: Buffer.from(chosen.map((l) => `${l.text}\n`).join(''), 'utf8') });
  await zip.add({ name: 'verify.txt', bytes: Buffer.from(`${report.summary}\n`, 'utf8') });
  const added = new Set<string>();
  for (const f of files) {
    if (added.has(f.path)) continue;
    added.add(f.path);
    const where = report.located.get(f.path);
    if (!where) throw new Error(`${f.path}: missing`);
    const bytes = await readFile(where);
    // Read again after verify: a file changed in between is not exported as if it checked.
    if (createHash('sha256').update(bytes).digest('hex') !== f.sha256)
      throw new Error(`${f.path}: changed while exporting; run records verify`);
    await zip.add({ name: f.path, bytes });
  }
  await zip.finish();
  return { exported: true, records: chosen.length, files: added.size, report };
}
