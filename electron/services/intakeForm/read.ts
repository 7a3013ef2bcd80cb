// Reads a returned intake form: the AcroForm fields as data, with pdf-lib (pure JS). Nothing in
// the PDF runs: pdf-lib has no JavaScript engine and never follows actions, links or launches;
// only field names and values are read.
import { EncryptedPDFError, PDFCheckBox, PDFDocument, PDFDropdown, PDFHexString, PDFName, PDFOptionList, PDFRadioGroup, PDFString, PDFTextField, ParseSpeeds, type PDFField } from 'pdf-lib';
import { FIELD, FORM_VERSION, REQUIRED_FIELDS, intakeFromFields, type FieldValue, type FormIntake, type IntakeFormCopy } from '../../../core/intakeForm';
import type { Checked, Problem } from '../../../core/validation';
import { formatBytes, readCappedFile } from '../files';
import { loadIntakeFormCopy } from './copy';

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
}

/**
 * pdf-lib reports each damaged object it skips on the console; the reader reports the file's
 * problems itself, once. Parsing is synchronous at ParseSpeeds.Fastest, so little else can log
 * meanwhile.
 */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const { log, warn } = console;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    return await run();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

type FieldsRead = { ok: true; values: Map<string, FieldValue> } | { ok: false; problems: Problem[] };

/** A checkbox is ticked when its value (or, without one, its widget's state) names a state other than Off. */
function checkboxState(field: PDFCheckBox): boolean {
  const acro = field.acroField;
  const v = acro.dict.lookup(PDFName.of('V'));
  // pypdf (and others) write the state as a text string "/Yes" instead of a name.
  let state = v instanceof PDFName ? v.decodeText() : v instanceof PDFString || v instanceof PDFHexString ? v.decodeText().replace(/^\//, '') : undefined;
  if (state === undefined) {
    for (const widget of acro.getWidgets()) {
      const as = widget.getAppearanceState();
      if (as) state = as.decodeText();
    }
  }
  return state !== undefined && state !== '' && state !== 'Off';
}

function valueOf(field: PDFField): FieldValue | undefined {
  if (field instanceof PDFTextField) return field.getText();
  if (field instanceof PDFCheckBox) return checkboxState(field);
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) return field.getSelected()[0];
  if (field instanceof PDFRadioGroup) return field.getSelected();
  return undefined;
}

/** Every field's value by name, or why the PDF holds no form to read. */
async function readFields(bytes: Uint8Array): Promise<FieldsRead> {
  const fail = (message: string): FieldsRead => ({ ok: false, problems: [{ path: '(file)', message }] });
  if (!looksLikePdf(bytes)) return fail('is not a PDF file');
  let doc: PDFDocument;
  try {
    doc = await quietly(() => PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
  } catch (error) {
    // pdf-lib's errors are compiled to ES5 classes: instanceof does not always hold, the message does.
    if (error instanceof EncryptedPDFError || /is encrypted/.test((error as Error).message)) {
      return fail('is encrypted (protected by a password): ask the prospect to save the form again without a password');
    }
    return fail('cannot be read: the PDF is damaged or incomplete');
  }
  // A file that parses but lacks the structure every PDF has (no catalog, no page tree) is damaged too.
  try {
    return await fieldsOf(doc);
  } catch {
    return fail('cannot be read: the PDF is damaged or incomplete');
  }
}

async function fieldsOf(doc: PDFDocument): Promise<FieldsRead> {
  const fail = (message: string): FieldsRead => ({ ok: false, problems: [{ path: '(file)', message }] });
  if (!doc.catalog.lookup(PDFName.of('AcroForm'))) {
    return fail('has no form fields: it is not an intake form, or a PDF reader flattened it (printed or exported it as a plain PDF); send the prospect the form again');
  }
  const values = new Map<string, FieldValue>();
  const problems: Problem[] = [];
  const fields: PDFField[] = await quietly(() => Promise.resolve(doc.getForm().getFields()));
  if (fields.length === 0) return fail('has no form fields left: a PDF reader flattened it (printed or exported it as a plain PDF); send the prospect the form again');
  for (const field of fields) {
    let name: string;
    try {
      name = field.getName();
    } catch {
      continue;
    }
    try {
      const value = valueOf(field);
      if (value !== undefined) values.set(name, value);
      else if (!values.has(name)) values.set(name, '');
    } catch {
      problems.push({ path: name, message: 'cannot be read (its value is damaged or is rich text)' });
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, values };
}

/**
 * A returned form's bytes → its intake. Problems name the field (`prospect.age: …`), or `(file)`
 * for the file as a whole: not a PDF, encrypted, no form, another template, flattened fields.
 */
export async function readIntakeForm(bytes: Uint8Array, options: ReadFormOptions = {}): Promise<Checked<FormIntake>> {
  if (bytes.byteLength > MAX_FORM_BYTES) return { ok: false, problems: [{ path: '(file)', message: `is too large: ${formatBytes(bytes.byteLength)}, at most ${formatBytes(MAX_FORM_BYTES)}` }] };
  const read = await readFields(bytes);
  if (!read.ok) return read;
  const { values } = read;
  const version = values.get(FIELD.version);
  if (version === undefined) {
    const ours = REQUIRED_FIELDS.filter((name) => values.has(name)).length;
    const message = ours === 0 ? 'is not an Advisor Deck intake form: none of its fields is one of ours' : `has no ${FIELD.version} field: it is not this app's intake form, or a PDF reader dropped fields`;
    return { ok: false, problems: [{ path: '(file)', message }] };
  }
  if (version !== FORM_VERSION) {
    const shown = typeof version === 'string' ? `"${[...version].slice(0, 60).join('')}"` : 'a checkbox';
    return { ok: false, problems: [{ path: FIELD.version, message: `is ${shown}: the form was made from another template, not this app's intake form (${FORM_VERSION}); send the prospect a new form` }] };
  }
  const missing = REQUIRED_FIELDS.filter((name) => !values.has(name));
  if (missing.length) {
    return { ok: false, problems: missing.map((name) => ({ path: name, message: 'is missing from the form: a PDF reader may have flattened it (printed or exported it as a plain PDF); send the prospect the form again' })) };
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
