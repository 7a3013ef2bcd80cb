// The CLI's books and records commands, loaded only when one of them runs (electron/cli.ts):
//   records verify [--data <dir>]
//   records export --out <file.zip> [--data <dir>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--prospect <id>]
// Exit codes: 0 intact (and exported); 3 the records do not verify (each problem on its own line,
// `records/log.jsonl:LINE: …`; nothing exported); 2 bad arguments or an --out that cannot be
// written; 1 unexpected (thrown to the caller).
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROSPECT_ID } from '../core/prospect/prospect';
import { defaultDataFolder } from './services/dataFolder';
import { forTerminal } from './problems';

export const RECORDS_USAGE = `Usage: npm run cli -- records verify [--data <dir>]
       npm run cli -- records export --out <file.zip> [--data <dir>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--prospect <id>]

  verify      Check the records of what was shown and sent (records/log.jsonl in the data
              folder): the chain of entries and every file they name, by size and SHA-256.
              Exit 0: "N records, M files, chain intact". Exit 3: each changed or missing file
              and each broken link, one a line (records/log.jsonl:LINE: …).
  export      Verify, then write a zip of the files, the log's entries and manifest.csv (time,
              prospect, event, file, SHA-256) for a compliance officer. Nothing is written when
              the records do not verify (exit 3).
  --data      The data folder (default: the desktop app's, ${defaultDataFolder()}).
  --out       The zip file to write.
  --from, --to  The first and last day (local time) of the entries exported.
  --prospect  Only this prospect's entries (their id, as in prospects/<id>/).`;

function usage(message: string): number {
  console.error(`error: ${forTerminal(message)}`);
  console.error(RECORDS_USAGE);
  return 2;
}

async function dataFolder(value: string | undefined): Promise<string | { problem: string }> {
  const dir = resolve(value ?? defaultDataFolder());
  const info = await stat(dir).catch(() => undefined);
  if (!info) return { problem: `--data: no such folder: ${dir}` };
  if (!info.isDirectory()) return { problem: `--data: not a folder: ${dir}` };
  return dir;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) =>
  DAY.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export async function runRecords(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        prospect: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(RECORDS_USAGE);
    return 0;
  }
  const [action, ...extra] = parsed.positionals;
  if (extra.length > 0) return usage(`unexpected argument "${extra[0]}"`);
  if (action !== 'verify' && action !== 'export')
    return usage(action === undefined ? 'missing verify or export' : `unknown records command "${action}"`);
  const data = await dataFolder(parsed.values.data);
  if (typeof data !== 'string') {
    console.error(forTerminal(data.problem));
    return 2;
  }
  if (action === 'verify') {
    if (
      parsed.values.out !== undefined ||
      parsed.values.from !== undefined ||
      parsed.values.to !== undefined ||
      parsed.values.prospect !== undefined
    )
      return usage('verify takes --data only');
    const { verifyRecords } = await import('./services/records/verify');
    const report = await verifyRecords(data);
    for (const line of report.problems) console.log(forTerminal(line));
    console.log(report.summary);
    return report.intact ? 0 : 3;
  }
  const { out, from, to, prospect } = parsed.values;
  if (out === undefined || out === '') return usage('missing --out <file.zip>');
  if (from !== undefined && !isDay(from)) return usage('--from: must be a day like 2026-12-07');
  if (to !== undefined && !isDay(to)) return usage('--to: must be a day like 2026-12-07');
  if (from !== undefined && to !== undefined && from > to) return usage('--from: must not be after --to');
  if (prospect !== undefined && !PROSPECT_ID.test(prospect))
    return usage('--prospect: must be a prospect id (lower-case letters, digits and hyphens)');
  return exportTo(data, resolve(out), { from, to, prospect });
}

/** Writes the zip under a temporary name beside --out, then renames it: a whole zip or none. */
async function exportTo(
  data: string,
  out: string,
  filter: { from?: string | undefined; to?: string | undefined; prospect?: string | undefined },
): Promise<number> {
  const { exportRecords } = await import('./services/records/export');
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    if ((await stat(out).catch(() => undefined))?.isDirectory())
      throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    handle = await open(temp, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      EISDIR: 'is a folder',
      ENOENT: 'its folder does not exist',
      ENOTDIR: 'a part of its path is a file',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'read-only file system',
      ENOSPC: 'the disk is full',
    };
    if (!code || !why[code]) throw error;
    console.error(`--out: cannot write ${forTerminal(out)}: ${why[code]}`);
    return 2;
  }
  const file = handle;
  let done;
  try {
    done = await exportRecords(
      data,
      filter,
      async (chunk) => {
        await file.write(chunk);
      },
      Date.now(),
    );
    if (done.exported) await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  if (!done.exported) {
    await rm(temp, { force: true });
    for (const line of done.report.problems) console.log(forTerminal(line));
    console.log(done.report.summary);
    console.error('Nothing was exported: the records do not verify.');
    return 3;
  }
  await rename(temp, out);
  console.log(done.report.summary);
  console.log(
    `Exported ${done.records} record${done.records === 1 ? '' : 's'} and ` +
      `${done.files} file${done.files === 1 ? '' : 's'} to ${forTerminal(out)}`,
  );
  return 0;
}
