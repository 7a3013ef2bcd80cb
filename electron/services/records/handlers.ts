// The Records screen's channels (core/api.ts): list, verify and export, over the same services
// as `npm run cli -- records …`, so the window and the CLI say the same thing.
import type { Handlers, RecordListItem, RecordsVerifyOutcome } from '../../../core/api';
import { exportRecords } from './export';
import { readRecords } from './log';
import { verifyRecords, type VerifyReport } from './verify';
import { timeStamp } from './write';

const outcome = (report: VerifyReport): RecordsVerifyOutcome => ({
  intact: report.intact,
  records: report.records,
  files: report.files,
  summary: report.summary,
  problems: report.problems,
});

/** A zip in memory larger than this is refused: the CLI (which streams to a file) is for that. */
const MAX_APP_EXPORT_BYTES = 512 * 1024 * 1024;

export function recordsHandlers(
  dataDir: string,
  now: () => number,
): Pick<Handlers, 'records:list' | 'records:verify' | 'records:export'> {
  return {
    'records:list': async (input) => {
      const { lines, problems } = await readRecords(dataDir);
      const limit = input?.limit ?? 500;
      const entries: RecordListItem[] = lines
        .slice(-limit)
        .reverse()
        .map(({ line, entry, hash }) => ({
          line,
          at: entry.at,
          prospect: entry.prospect,
          event: entry.event,
          files: entry.files,
          kept: entry.kept,
          hash,
        }));
      return {
        entries,
        total: lines.length,
        problems: problems.map((p) => `records/log.jsonl:${p.line}: ${p.message}`),
      };
    },
    'records:verify': async () => outcome(await verifyRecords(dataDir)),
    'records:export': async (input) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const at = now();
      const done = await exportRecords(
        dataDir,
        input ?? {},
        async (chunk) => {
          size += chunk.length;
          if (size > MAX_APP_EXPORT_BYTES)
            throw new Error('This export is over 512 MB: use npm run cli -- records export, or a shorter period.');
          chunks.push(chunk);
        },
        at,
      );
      if (!done.exported) return { exported: false, ...outcome(done.report) };
      return {
        exported: true,
        name: `records-${timeStamp(at)}.zip`,
        mime: 'application/zip',
        base64: Buffer.concat(chunks).toString('base64'),
        records: done.records,
        files: done.files,
      };
    },
  };
}
