// A returned form over the prospect's intake: what it changes, merged field by field, and the
// changes as the advisor reads them before applying them.
import type { Intake } from './intake';
import { CHILD_LINES, CONCERN_LINES, MONEY_FIELDS, QUESTION_LINES, rangeFor } from './fillableForm';

const MERGED_OBJECTS = ['prospect', 'finances', 'meeting'] as const;

/**
 * A returned form over the prospect's intake: what the form says wins, what it does not carry
 * (notes, a fourth child, the partner's age left blank…) stays as the advisor had it. A range
 * that still holds the advisor's exact number keeps the number. `changed` lists the intake
 * fields whose value differs, for the advisor to see.
 */
export function mergeFormIntake(previous: Intake, fromForm: Intake): { merged: Intake; changed: string[] } {
  const merged: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(fromForm)) {
    if (value === undefined) continue;
    if ((MERGED_OBJECTS as readonly string[]).includes(key))
      merged[key] = { ...(previous[key as (typeof MERGED_OBJECTS)[number]] as object), ...(value as object) };
    else merged[key] = value;
  }
  const prospect = merged['prospect'] as Intake['prospect'];
  if (fromForm.prospect.partner && previous.prospect.partner)
    prospect.partner = { ...previous.prospect.partner, ...fromForm.prospect.partner };
  // The form shows the first lines of a list only: the items it had no line for are kept.
  const beyond = <T>(list: readonly T[] | undefined, lines: number) => list?.slice(lines) ?? [];
  if (fromForm.concerns && beyond(previous.concerns, CONCERN_LINES).length)
    merged['concerns'] = [...fromForm.concerns, ...beyond(previous.concerns, CONCERN_LINES)];
  if (fromForm.questions && beyond(previous.questions, QUESTION_LINES).length)
    merged['questions'] = [...fromForm.questions, ...beyond(previous.questions, QUESTION_LINES)];
  if (fromForm.prospect.dependents && beyond(previous.prospect.dependents, CHILD_LINES).length)
    prospect.dependents = [...fromForm.prospect.dependents, ...beyond(previous.prospect.dependents, CHILD_LINES)];
  const finances = merged['finances'] as Intake['finances'];
  for (const key of MONEY_FIELDS) {
    const before = previous.finances[key];
    const now = fromForm.finances[key];
    if (before !== undefined && now !== undefined && rangeFor(key, before).value === now) finances[key] = before;
  }
  const changed: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObject(a) && isObject(b)) {
      const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
      for (const k of keys)
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    } else changed.push(path);
  };
  walk(previous, merged, '');
  return { merged: merged as Intake, changed };
}

/** One change a returned form would make, as the advisor reads it: the intake field, before and after. */
export interface FormChange {
  field: string;
  before: string;
  after: string;
}

/** Contact details first (who the summary and follow-ups go to), then the rest in the intake's order. */
const CONTACT_FIRST = ['prospect.email', 'prospect.phone', 'prospect.firstName', 'prospect.lastName'];

function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function at(intake: unknown, path: string): unknown {
  let node = intake;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The changes `mergeFormIntake` found, old → new as text, contact details first. */
export function formChanges(previous: Intake | undefined, merged: Intake, changed: readonly string[]): FormChange[] {
  const rank = (field: string) => {
    const i = CONTACT_FIRST.indexOf(field);
    return i === -1 ? CONTACT_FIRST.length : i;
  };
  const ordered = changed.map((field, i) => ({ field, i })).sort((a, b) => rank(a.field) - rank(b.field) || a.i - b.i);
  return ordered.map(({ field }) => ({ field, before: shown(at(previous, field)), after: shown(at(merged, field)) }));
}
