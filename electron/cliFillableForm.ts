// The CLI's intake form commands, loaded only when one of them is asked for:
//   intake-form [<intake.json>] [--advisor <advisor.json>] [--locale <tag>] [--prospect-id <id>] --out <file.pdf>
//   import <filled.pdf> --out <intake.json>
// Exit codes as the CLI's: 0 done; 2 bad input (every problem printed `path: message`, nothing
// written); 1 unexpected (thrown to the caller).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkAdvisor } from '../core/advisor/advisor';
import { checkIntake, type Intake } from '../core/intake/intake';
import { canonicalLocale } from '../core/locale/locale';
import { PROSPECT_ID } from '../core/prospect/prospect';
import type { Problem } from '../core/validation';
import { SAMPLE_ADVISOR, type FileProblems } from './services/build';
import { MAX_RECORD_BYTES, readJsonFile, writeFileAtomic } from './services/files';
import { readLogo, type Logo } from './services/logo';
import { forTerminal, printProblems, printWarnings } from './problems';

export const INTAKE_FORM_USAGE = `Usage: npm run cli -- intake-form [<intake.json>] [--advisor <advisor.json>] [--locale <tag>]
                                      [--prospect-id <id>] --out <file.pdf>
       npm run cli -- import <filled.pdf> --out <intake.json>

  intake-form    Make the fillable PDF intake form the prospect fills in any PDF reader, branded
                 with the advisor's firm and pre-filled with what the intake already says (names,
                 meeting). Without an intake: a blank form in the locale.
  import         Read a returned form's fields (as data only: nothing in the PDF runs), check
                 them as an intake and write the intake file.
  --advisor      The advisor profile (default: templates/samples/advisor.json).
  --locale       The form's language and formats (default: the intake's, then the advisor's).
  --prospect-id  The app's prospect id, carried back in a hidden field.
  --out          The file to write.`;

type Parsed =
  | { ok: true; positionals: string[]; values: Record<string, string | boolean | undefined> }
  | { ok: false; code: number };

function parse(
  argv: readonly string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(INTAKE_FORM_USAGE);
    return { ok: false, code: 0 };
  }
  return {
    ok: true,
    positionals: parsed.positionals,
    values: parsed.values as Record<string, string | boolean | undefined>,
  };
}

function usage(message: string): { ok: false; code: number } {
  console.error(`error: ${forTerminal(message)}`);
  console.error(INTAKE_FORM_USAGE);
  return { ok: false, code: 2 };
}

/** A write that failed for a reason the person can fix: one line naming --out, exit 2. */
function outProblem(error: unknown): number {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EISDIR: 'is a folder',
    ENOTDIR: 'a part of its path is a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'the disk is full',
    ENAMETOOLONG: 'the name is too long',
  };
  const why = code ? known[code] : undefined;
  if (!why) throw error;
  console.error(`--out: cannot write the file: ${why}`);
  return 2;
}

/** `intake-form`: the arguments after the command name. */
export async function runIntakeForm(argv: readonly string[]): Promise<number> {
  const parsed = parse(argv, {
    advisor: { type: 'string' },
    locale: { type: 'string' },
    'prospect-id': { type: 'string' },
    out: { type: 'string' },
  });
  if (!parsed.ok) return parsed.code;
  const [intakePath, ...extra] = parsed.positionals;
  if (extra.length) return usage(`unexpected argument "${extra[0]}"`).code;
  const out = parsed.values['out'];
  if (typeof out !== 'string' || out === '') return usage('missing --out <file.pdf>').code;
  const advisorPath = (parsed.values['advisor'] as string | undefined) ?? SAMPLE_ADVISOR;

  const invalid: FileProblems[] = [];
  const argProblems: Problem[] = [];
  const localeArg = parsed.values['locale'] as string | undefined;
  const locale = localeArg === undefined ? undefined : canonicalLocale(localeArg);
  if (localeArg !== undefined && !locale)
    argProblems.push({ path: '--locale', message: 'must be a language tag like en-US or fr-CA' });
  const prospectId = parsed.values['prospect-id'] as string | undefined;
  if (prospectId !== undefined && !PROSPECT_ID.test(prospectId))
    argProblems.push({
      path: '--prospect-id',
      message: 'must be a prospect id: lower-case letters, digits and hyphens',
    });
  if (argProblems.length) invalid.push({ file: '(arguments)', problems: argProblems });

  let intake: Intake | undefined;
  if (intakePath !== undefined) {
    const read = await readJsonFile(intakePath);
    const checked = read.ok ? checkIntake(read.value) : read;
    if (checked.ok) intake = checked.value;
    else invalid.push({ file: intakePath, problems: checked.problems });
  }
  const advisorRead = await readJsonFile(advisorPath, { maxBytes: MAX_RECORD_BYTES });
  const advisor = advisorRead.ok ? checkAdvisor(advisorRead.value) : advisorRead;
  if (!advisor.ok) invalid.push({ file: advisorPath, problems: advisor.problems });
  if (invalid.length || !advisor.ok) {
    printProblems(invalid, (line) => console.error(line));
    return 2;
  }
  const warnings: FileProblems[] = [];
  let logo: Logo | undefined;
  if (advisor.value.logo) {
    const read = await readLogo(advisorPath, advisor.value.logo);
    if (read.ok) logo = read.value;
    else
      warnings.push({
        file: advisorPath,
        problems: [{ ...read.problem, message: `${read.problem.message}; made without the logo` }],
      });
  }
  // pdfkit and the fonts load only now that the input is known to be good.
  const { makeIntakeForm } = await import('./services/fillableForm/make');
  const { loadIntakeFormCopy } = await import('./services/fillableForm/copy');
  const pdf = await makeIntakeForm({
    advisor: advisor.value,
    copy: loadIntakeFormCopy(),
    ...(intake ? { intake } : {}),
    ...(locale ? { locale } : {}),
    ...(logo ? { logo } : {}),
    ...(prospectId ? { prospectId } : {}),
  });
  const target = resolve(out);
  try {
    await writeFileAtomic(target, pdf);
  } catch (error) {
    return outProblem(error);
  }
  printWarnings(warnings, (line) => console.error(line));
  console.log(`Made the intake form${intake ? ` for ${fullName(intake)}` : ' (blank)'}: ${forTerminal(target)}`);
  return 0;
}

/** `import`: the arguments after the command name. */
export async function runImport(argv: readonly string[]): Promise<number> {
  const parsed = parse(argv, { out: { type: 'string' } });
  if (!parsed.ok) return parsed.code;
  const [pdfPath, ...extra] = parsed.positionals;
  if (!pdfPath) return usage('missing the filled form (a .pdf file)').code;
  if (extra.length) return usage(`unexpected argument "${extra[0]}"`).code;
  const out = parsed.values['out'];
  if (typeof out !== 'string' || out === '') return usage('missing --out <intake.json>').code;
  const { readIntakeFormFile } = await import('./services/fillableForm/read');
  const read = await readIntakeFormFile(pdfPath);
  if (!read.ok) {
    // A problem with the file as a whole is said of the file.
    const problems = read.problems.map((p) => (p.path === '(file)' ? { ...p, path: pdfPath } : p));
    printProblems([{ file: pdfPath, problems }], (line) => console.error(line));
    return 2;
  }
  const { intake, prospectId } = read.value;
  const target = resolve(out);
  try {
    await writeFileAtomic(target, `${JSON.stringify(intake, null, 2)}\n`);
  } catch (error) {
    return outProblem(error);
  }
  console.log(`Imported ${fullName(intake)}${prospectId ? ` (prospect ${prospectId})` : ''}: ${forTerminal(target)}`);
  return 0;
}

/** The prospect's name as the terminal may show it. */
function fullName(intake: { prospect: { firstName: string; lastName: string } }): string {
  return `${forTerminal(intake.prospect.firstName)} ${forTerminal(intake.prospect.lastName)}`;
}
