// The headless entry point: build prospects' meeting files from intake files (and, after a
// meeting, its record). This file stays small: each command's module is loaded with import()
// only when that command runs, so `--help` (and a mistyped command line) answers at once.
// Exit codes: 0 done; 2 bad input (every problem printed as `path: message`, nothing written;
// an output folder that cannot take the files is one line `--out: …`, its files left as they
// were); 1 unexpected.
import { forTerminal } from './problems';

const USAGE = `Usage: npm run cli -- build <intake.json> [--advisor <advisor.json>] [--meeting <meeting.json>]
                                [--deck <deck.json>] [--out <dir>]
       npm run cli -- build <intake.json|folder>... [--advisor <advisor.json>] [--out <dir>] [--keep-going] [--quiet]

  build         Check the intake, the advisor profile and the meeting record, then write the
                meeting files (plan.json, deck.html, summary.pdf, follow-up.ics, follow-up.eml)
                into the output folder: all of them, or none.
                With several intakes, or folders of them (the *.json files inside), every file
                is checked first, then each prospect's files go into <dir>/<prospect id>/ (the
                id the app gives the prospect on import, the same run after run). A bad file is
                listed by field (file: path: message) and nothing is written for anyone.
  --advisor     The advisor profile (default: templates/samples/advisor.json).
  --deck        The advisor's changes to the planned deck (the app's prospects/<id>/deck.json):
                order, hidden and added slides, reworded titles, points and notes. One intake only.
  --meeting     What happened in the meeting (optional): slides shown, questions and answers,
                notes. The one-page summary (summary.pdf) then reports it. One intake only.
  --out         The output folder (default: out/).
  --keep-going  Several intakes: build the good ones even when some are bad (exit 2 all the same).
  --quiet, -q   Several intakes: no progress bar and no list of what was built, only the summary
                line (Built N prospects (M slides) in X s; K failed) and the problems.

  intake-form, import: the fillable PDF intake form (npm run cli -- intake-form --help).
  records verify, records export: the books and records of what was shown and sent
                (npm run cli -- records --help).`;

/** A command: its own module, loaded when it runs; `args` is the command line after its name. */
type Command = (args: readonly string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  build: async (args) => (await import('./cliBuild')).runBuild(args, USAGE),
  // The intake form commands live in their own module, loaded only when one is asked for.
  'intake-form': async (args) => (await import('./cliFillableForm')).runIntakeForm(args),
  import: async (args) => (await import('./cliFillableForm')).runImport(args),
  // Books and records (verify, export): their own module too.
  records: async (args) => (await import('./cliRecords')).runRecords(args),
};

const isCommand = (word: string | undefined): word is string => word !== undefined && Object.hasOwn(COMMANDS, word);

export async function main(argv: readonly string[]): Promise<number> {
  const [first] = argv;
  if (isCommand(first)) return (COMMANDS[first] as Command)(argv.slice(1));
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  // Options before the command (`--out x build a.json`) were always read as if after it.
  const at = argv.findIndex(isCommand);
  if (at > 0) return (COMMANDS[argv[at] as string] as Command)([...argv.slice(0, at), ...argv.slice(at + 1)]);
  const word = argv.find((a) => !a.startsWith('-'));
  console.error(`error: ${forTerminal(word ? `unknown command "${word}"` : 'missing command')}`);
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `unexpected error: ${forTerminal(error instanceof Error ? (error.stack ?? error.message) : String(error))}`,
    );
    process.exitCode = 1;
  },
);
