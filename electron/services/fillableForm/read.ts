// Reads a returned intake form: the AcroForm fields as data, with pdf-lib (pure JS) in a worker
// with limits (readInWorker.ts, formFields.ts). Nothing in the PDF runs: pdf-lib has no
// JavaScript engine and never follows actions, links or launches; only field names and values
// are read. The values become an intake here, on the caller's thread (bounded: a few KB of text).
import { FIELD, FORM_VERSION, REQUIRED_FIELDS } from '../../../core/intake/fillableForm';
import type { IntakeFormCopy } from '../../../core/intake/fillableFormCopy';
import { type FormIntake, intakeFromFields } from '../../../core/intake/fillableFormRead';
import type { Checked } from '../../../core/validation';
import { formatBytes, readCappedFile } from '../files';
import { loadIntakeFormCopy } from './copy';
import { readFieldsInWorker, type ReaderLimits } from './readInWorker';

/**
 * The largest form read: the form as made is about 40 KB, and a reader that saves it with its
 * own fonts or a scanned signature adds a few MB at most. A larger file is refused before it is
 * parsed.
 */
export const MAX_FORM_BYTES = 10 * 1024 * 1024;

/** What a file holds, as far as its first bytes tell: a PDF starts with %PDF- (within its first KB). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export interface ReadFormOptions {
  /** The form's copies, to understand a choice filled with its label (default: the shipped ones). */
  copies?: readonly IntakeFormCopy[];
  /** The reader's deadline and memory (default READER_LIMITS). */
  limits?: ReaderLimits;
}

/**
 * A returned form's bytes → its intake. Problems name the field (`prospect.age: …`), or `(file)`
 * for the file as a whole: not a PDF, encrypted, no form, another template, flattened fields.
 */
export async function readIntakeForm(bytes: Uint8Array, options: ReadFormOptions = {}): Promise<Checked<FormIntake>> {
  if (bytes.byteLength > MAX_FORM_BYTES)
    return {
      ok: false,
      problems: [
        {
          path: '(file)',
          message: `is too large: ${formatBytes(bytes.byteLength)}, at most ${formatBytes(MAX_FORM_BYTES)}`,
        },
      ],
    };
  if (!looksLikePdf(bytes)) return { ok: false, problems: [{ path: '(file)', message: 'is not a PDF file' }] };
  const read = await readFieldsInWorker(bytes, options.limits);
  if (!read.ok) return read;
  const values = new Map(read.values);
  const version = values.get(FIELD.version);
  if (version === undefined) {
    const ours = REQUIRED_FIELDS.filter((name) => values.has(name)).length;
    const message =
      ours === 0
        ? 'is not an Advisor Deck intake form: none of its fields is one of ours'
        : `has no ${FIELD.version} field: it is not this app's intake form, or a PDF reader dropped fields`;
    return { ok: false, problems: [{ path: '(file)', message }] };
  }
  if (version !== FORM_VERSION) {
    const shown = typeof version === 'string' ? `"${[...version].slice(0, 60).join('')}"` : 'a checkbox';
    return {
      ok: false,
      problems: [
        {
          path: FIELD.version,
          message:
            `is ${shown}: the form was made from another template, not this app's intake form (${FORM_VERSION}); ` +
            'send the prospect a new form',
        },
      ],
    };
  }
  const missing = REQUIRED_FIELDS.filter((name) => !values.has(name));
  if (missing.length) {
    return {
      ok: false,
      problems: missing.map((name) => ({
        path: name,
        message:
          'is missing from the form: a PDF reader may have flattened it (printed or exported it as a plain PDF); ' +
          'send the prospect the form again',
      })),
    };
  }
  const copies = options.copies ?? Object.values(loadIntakeFormCopy());
  return intakeFromFields(values, { copies });
}

/** Reads a returned form file: at most MAX_FORM_BYTES are read (a larger file is refused unread). */
export async function readIntakeFormFile(path: string, options: ReadFormOptions = {}): Promise<Checked<FormIntake>> {
  const read = await readCappedFile(path, MAX_FORM_BYTES);
  if (!read.ok) return { ok: false, problems: [{ path: '(file)', message: read.message }] };
  const bytes = read.bytes;
  return readIntakeForm(bytes, options);
}
