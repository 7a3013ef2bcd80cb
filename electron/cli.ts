// The headless entry point: build a prospect's meeting files from an intake file (and, after
// the meeting, its record).
// Exit codes: 0 done; 2 bad input (every problem printed as `path: message`, nothing written;
// an output folder that cannot take the files is one line `--out: …`, its files left as they
// were); 1 unexpected.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { build, SAMPLE_ADVISOR } from './services/build';
import { OutputFolderError } from './services/outputs';
import { TEMPLATES_DIR } from './services/recipes';
import { forTerminal, printProblems, printWarnings } from './problems';

const USAGE = `Usage: npm run cli -- build <intake.json> [--advisor <advisor.json>] [--meeting <meeting.json>] [--deck <deck.json>] [--out <dir>]

  build      Check the intake, the advisor profile and the meeting record, then write the
             meeting files (plan.json, deck.html, summary.pdf, follow-up.ics, follow-up.eml)
             into the output folder: all of them, or none.
  --advisor  The advisor profile (default: templates/samples/advisor.json).
  --deck     The advisor's changes to the planned deck (the app's prospects/<id>/deck.json):
             order, hidden and added slides, reworded titles, points and notes.
  --meeting  What happened in the meeting (optional): slides shown, questions and answers,
             notes. The one-page summary (summary.pdf) then reports it.
  --out      The output folder (default: out/).`;

export class UsageError extends Error {}
/** `--help`: the usage on stdout, exit 0. */
class HelpRequested extends Error {}

interface BuildArgs {
  intake: string;
  advisor: string;
  meeting?: string;
  deck?: string;
  out: string;
}

export function parseCli(argv: readonly string[]): BuildArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { advisor: { type: 'string' }, meeting: { type: 'string' }, deck: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, intake, ...extra] = parsed.positionals;
  if (parsed.values.help) throw new HelpRequested();
  if (command !== 'build') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  if (!intake) throw new UsageError('missing the intake file');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const { meeting, deck } = parsed.values;
  return { intake, advisor: parsed.values.advisor ?? SAMPLE_ADVISOR, ...(meeting !== undefined ? { meeting } : {}), ...(deck !== undefined ? { deck } : {}), out: parsed.values.out ?? 'out' };
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: BuildArgs;
  try {
    args = parseCli(argv);
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(USAGE);
      return 0;
    }
    if (error instanceof UsageError) {
      if (error.message) console.error(`error: ${forTerminal(error.message)}`);
      console.error(USAGE);
      return 2;
    }
    throw error;
  }
  const outDir = resolve(args.out);
  let result;
  try {
    result = await build({ intakePath: args.intake, advisorPath: args.advisor, ...(args.meeting !== undefined ? { meetingPath: args.meeting } : {}), ...(args.deck !== undefined ? { deckPath: args.deck } : {}), outDir, templatesDir: TEMPLATES_DIR });
  } catch (error) {
    // A path under a file, a link to nothing, no permission, a full disk: the person's to fix.
    if (!(error instanceof OutputFolderError)) throw error;
    console.error(`--out: ${forTerminal(error.message)}`);
    return 2;
  }
  if (!result.ok) {
    printProblems(result.invalid, (line) => console.error(line));
    return 2;
  }
  const { deck, followUp } = result.plan;
  console.log(`Built ${deck.slides.length} slides (${deck.plannedMinutes} of ${deck.budgetMinutes - deck.qaMinutes} minutes, ${deck.qaMinutes} kept for questions), follow-up ${followUp.dueAt}`);
  printWarnings(result.warnings, (line) => console.error(line));
  for (const file of result.files) console.log(`  ${forTerminal(file)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`unexpected error: ${forTerminal(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    process.exitCode = 1;
  },
);
