// A returned form's AcroForm fields as data, read with pdf-lib inside the reader's worker
// (readInWorker.ts): never on the app's or the CLI's main thread. pdf-lib alone has no limits:
// it walks the field tree without a visited set (a tree whose every level points twice at the
// next takes 2^depth steps) and inflates every object stream in full (2 MB can hold 2 GB). So
// pdf-lib only parses the file here, with its stream decoder held to a budget of decoded bytes,
// and the field tree is walked by this module: each node once, a bounded number of them.
import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFContext,
  PDFNumber,
  PDFString,
  ParseSpeeds,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
// pdf-lib's CommonJS build (what Node, esbuild and electron-vite's main all load): its modules
// reach each other through their exports objects, so the prototype patched below is theirs.
import * as decodeStreamModule from 'pdf-lib/cjs/core/streams/DecodeStream.js';
import type { FieldValue } from '../../../core/intake/fillableForm';
import type { Problem } from '../../../core/validation';

/** The most bytes all of a file's compressed streams may decode to: a form's object streams hold a few KB. */
export const MAX_DECODED_BYTES = 16 * 1024 * 1024;
/** The most nodes (fields and their widgets) walked: the form has about 70 fields, one widget each. */
export const MAX_FIELD_NODES = 5_000;
/** The deepest field name: ours are at most 4 parts (prospect.dependents.0.age). */
export const MAX_FIELD_DEPTH = 32;

export type FieldsRead = { ok: true; values: [string, FieldValue][] } | { ok: false; problems: Problem[] };

const fail = (message: string): FieldsRead => ({ ok: false, problems: [{ path: '(file)', message }] });
const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

// ---------------------------------------------------------------------------------------------
// The decoded-bytes budget. Every pdf-lib decoder (Flate, LZW, ASCII85, RunLength…) grows its
// output through DecodeStream.ensureBuffer: counting there stops a bomb while it inflates, at the
// budget, before the bytes exist. pdf-lib catches some errors and carries on, so the budget
// also remembers that it was spent.

interface DecodeStreamLike {
  ensureBuffer(this: DecodeStreamLike & { __decoded?: number }, requested: number): Uint8Array;
}

const budget = { left: MAX_DECODED_BYTES, spent: false };

class DecodedTooLarge extends Error {}

/** Holds pdf-lib's decoders to the budget; throws when this pdf-lib cannot be held (never read unlimited). */
export function limitDecoding(): void {
  // Node hands a CommonJS module's exports over as `default`; bundlers may unwrap it once more.
  let DecodeStream = (decodeStreamModule as unknown as { default: unknown }).default as {
    prototype: DecodeStreamLike;
    default?: unknown;
  };
  if (DecodeStream.default) DecodeStream = DecodeStream.default as { prototype: DecodeStreamLike };
  const proto = DecodeStream.prototype as DecodeStreamLike & { __limited?: boolean };
  if (!proto.__limited) {
    const ensureBuffer = proto.ensureBuffer;
    proto.ensureBuffer = function (requested) {
      const decoded = this.__decoded ?? 0;
      if (requested > decoded) {
        budget.left -= requested - decoded;
        this.__decoded = requested;
        if (budget.left < 0) {
          budget.spent = true;
          throw new DecodedTooLarge('decoded too much');
        }
      }
      return ensureBuffer.call(this, requested);
    };
    proto.__limited = true;
  }
  // Proof that the decoder pdf-lib uses is the one held: a small stream decoded must be counted.
  budget.left = MAX_DECODED_BYTES;
  budget.spent = false;
  const before = budget.left;
  decodePDFRawStream(PDFContext.create().flateStream(new Uint8Array(1024))).decode();
  if (budget.left >= before)
    throw new Error("pdf-lib's stream decoder could not be limited: no form is read without limits");
  budget.left = MAX_DECODED_BYTES;
}

/** pdf-lib reports each damaged object it skips on the console; the reader reports the file's problems itself, once. */
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

// ---------------------------------------------------------------------------------------------
// The field tree, walked once per node.

const T = PDFName.of('T');
const KIDS = PDFName.of('Kids');
const FT = PDFName.of('FT');
const FF = PDFName.of('Ff');
const V = PDFName.of('V');
const AS = PDFName.of('AS');
const RADIO = 1 << 15;
const PUSHBUTTON = 1 << 16;

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  return undefined;
}

interface Inherited {
  name: string | undefined;
  type: string | undefined;
  flags: number;
  value: PDFObject | undefined;
}

class DamagedTree extends Error {}

/** Every field's value by name; the form's tree walked with a visited set and a cap on nodes and depth. */
export function fieldValues(doc: PDFDocument): FieldsRead {
  const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'));
  if (!(acroForm instanceof PDFDict)) {
    return fail(
      'has no form fields: it is not an intake form, or a PDF reader flattened it ' +
        '(printed or exported it as a plain PDF); send the prospect the form again',
    );
  }
  const top = acroForm.lookup(PDFName.of('Fields'));
  const roots = top instanceof PDFArray ? top : undefined;
  const values = new Map<string, FieldValue>();
  const problems: Problem[] = [];
  const seen = new Set<PDFDict>();
  let nodes = 0;
  // A node is counted when it is first named by a parent: a field named twice (a loop, or one
  // node under two parents) is never in a form a reader saved, each field has one parent.
  // Refusing it keeps the walk linear in the file's nodes.
  const reach = (node: PDFDict, depth: number) => {
    if (seen.has(node))
      throw new DamagedTree(
        'has a damaged form: a form field is reached twice in its field tree (a loop, or a file made to stall a reader); refused',
      );
    seen.add(node);
    if (++nodes > MAX_FIELD_NODES)
      throw new DamagedTree(`has more than ${MAX_FIELD_NODES} form fields (this form has about 70): refused`);
    if (depth > MAX_FIELD_DEPTH)
      throw new DamagedTree(
        `has form fields nested more than ${MAX_FIELD_DEPTH} levels deep (this form's are at most 4): refused`,
      );
  };
  // Depth first without recursion: a deep tree cannot exhaust the stack.
  const stack: { node: PDFDict; depth: number; parent: Inherited }[] = [];
  const push = (list: PDFArray, depth: number, parent: Inherited) => {
    const kids: PDFDict[] = [];
    for (let i = 0; i < list.size(); i++) {
      const kid = list.lookup(i);
      if (!(kid instanceof PDFDict)) continue;
      reach(kid, depth);
      kids.push(kid);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as PDFDict, depth, parent });
  };
  if (!roots || roots.size() === 0)
    return fail(
      'has no form fields left: a PDF reader flattened it (printed or exported it as a plain PDF); send the prospect the form again',
    );
  push(roots, 1, { name: undefined, type: undefined, flags: 0, value: undefined });
  while (stack.length) {
    const { node, depth, parent } = stack.pop() as (typeof stack)[number];
    const partial = text(node.lookup(T));
    const type = node.lookup(FT);
    const flags = node.lookup(FF);
    const here: Inherited = {
      name: partial === undefined ? parent.name : parent.name === undefined ? partial : `${parent.name}.${partial}`,
      type: type instanceof PDFName ? type.decodeText() : parent.type,
      flags: flags instanceof PDFNumber ? flags.asNumber() : parent.flags,
      value: node.has(V) ? node.lookup(V) : parent.value,
    };
    const kids = node.lookup(KIDS);
    const kidList = kids instanceof PDFArray ? kids : undefined;
    // A node with a kid that has a name is a branch; otherwise its kids are its widgets.
    let branch = false;
    const widgets: PDFDict[] = [];
    if (kidList) {
      for (let i = 0; i < kidList.size(); i++) {
        const kid = kidList.lookup(i);
        if (!(kid instanceof PDFDict)) continue;
        if (kid.has(T)) branch = true;
        else widgets.push(kid);
      }
    }
    if (branch && kidList) {
      push(kidList, depth + 1, here);
      continue;
    }
    for (const widget of widgets) reach(widget, depth + 1);
    if (here.name === undefined || here.name === '') continue;
    try {
      const value = valueOf(here, widgets.length ? widgets : [node]);
      if (value !== undefined) values.set(here.name, value);
      else if (!values.has(here.name)) values.set(here.name, '');
    } catch {
      problems.push({ path: here.name, message: 'cannot be read (its value is damaged or is rich text)' });
    }
  }
  // The form lists fields, none of which could be read: damaged, not flattened.
  if (values.size === 0 && problems.length === 0)
    return fail('cannot be read: its form fields are damaged (a damaged file, or one made to stall a reader)');
  if (problems.length) return { ok: false, problems };
  return { ok: true, values: [...values] };
}

function valueOf(field: Inherited, widgets: readonly PDFDict[]): FieldValue | undefined {
  const v = field.value;
  switch (field.type) {
    case 'Tx':
      if (v === undefined) return undefined;
      if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
      throw new Error('not text');
    case 'Ch': {
      const chosen = v instanceof PDFArray ? v.lookup(0) : v;
      return text(chosen);
    }
    case 'Btn': {
      if (field.flags & PUSHBUTTON) return undefined;
      if (field.flags & RADIO) return text(v);
      // A checkbox: its value, or (without one) its widget's state. pypdf and others write the
      // state as a text string "/Yes" instead of a name.
      let state =
        v instanceof PDFName
          ? v.decodeText()
          : v instanceof PDFString || v instanceof PDFHexString
            ? v.decodeText().replace(/^\//, '')
            : undefined;
      if (state === undefined) {
        for (const widget of widgets) {
          const as = widget.lookup(AS);
          if (as instanceof PDFName) state = as.decodeText();
        }
      }
      return state !== undefined && state !== '' && state !== 'Off';
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

/** A PDF's bytes → every field's value by name, or why the PDF holds no form to read. Bounded in decoded bytes and in fields. */
export async function readFormFields(bytes: Uint8Array): Promise<FieldsRead> {
  limitDecoding();
  budget.left = MAX_DECODED_BYTES;
  budget.spent = false;
  const bomb = () =>
    fail(
      `holds compressed data that expands to more than ${MB(MAX_DECODED_BYTES)} (a form's is a few KB): ` +
        "refused unread, it may be built to exhaust the reader's memory",
    );
  let doc: PDFDocument;
  try {
    doc = await quietly(() =>
      PDFDocument.load(bytes, {
        ignoreEncryption: false,
        updateMetadata: false,
        parseSpeed: ParseSpeeds.Fastest,
        throwOnInvalidObject: false,
      }),
    );
  } catch (error) {
    if (budget.spent || error instanceof DecodedTooLarge) return bomb();
    // pdf-lib's errors are compiled to ES5 classes: instanceof does not always hold, the message does.
    if (error instanceof EncryptedPDFError || /is encrypted/.test((error as Error).message)) {
      return fail('is encrypted (protected by a password): ask the prospect to save the form again without a password');
    }
    if (error instanceof RangeError)
      return fail('cannot be read: its objects are nested too deeply (a damaged file, or one made to stall a reader)');
    return fail('cannot be read: the PDF is damaged or incomplete');
  }
  if (budget.spent) return bomb();
  // A file that parses but lacks the structure every PDF has (no catalog, no page tree) is damaged too.
  try {
    const read = fieldValues(doc);
    return budget.spent ? bomb() : read;
  } catch (error) {
    if (budget.spent || error instanceof DecodedTooLarge) return bomb();
    if (error instanceof DamagedTree) return fail(error.message);
    return fail('cannot be read: the PDF is damaged or incomplete');
  }
}
