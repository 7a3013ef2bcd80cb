import type { z } from 'zod';

/** One problem in a user's file, ready to print as `path: message`. */
export interface Problem {
  path: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** `prospect.dependents[0].age`: the way a person finds the field in their JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** Known keys of the object schema at `path`, to suggest the right spelling of a typo. */
export type KeysAt = (path: readonly PropertyKey[]) => readonly string[];

interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
}
const defOf = (schema: z.core.$ZodType | undefined): Def | undefined => schema?._zod.def as Def | undefined;

/** Looks through optional, default and transform wrappers to the schema that holds the data. */
function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  for (let def = defOf(current); def; def = defOf(current)) {
    if (['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else break;
  }
  return current;
}

/** The field names a schema expects at each path, read from the schema itself so they never drift. */
export function fieldsOf(schema: z.core.$ZodType): KeysAt {
  return (path) => {
    let current = unwrap(schema);
    for (const key of path) {
      const def = defOf(current);
      if (def?.type === 'object' && typeof key === 'string') current = unwrap(def.shape?.[key]);
      else if (def?.type === 'array') current = unwrap(def.element);
      else return [];
    }
    const def = defOf(current);
    return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
  };
}

/** Every problem zod found, in plain words, one per field (not just the first). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], keysAt?: KeysAt): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt?.(issue.path) ?? [];
      for (const key of issue.keys) {
        const hint = closest(key, known);
        problems.push({
          path: formatPath([...issue.path, key]),
          message: hint
            ? `unknown field (did you mean "${hint}"?)`
            : `unknown field${known.length ? ` (expected one of: ${known.join(', ')})` : ''}`,
        });
      }
      continue;
    }
    problems.push({ path: formatPath(issue.path), message: describe(issue) });
  }
  return problems;
}

// zod's own wording; anything else was written for the field in a schema and is kept.
const GENERIC = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && !GENERIC.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'must be a whole number';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${typeName(issue.input)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return min <= 1 ? 'must list at least one item' : `must list at least ${min} items`;
      if (issue.origin === 'string') return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `has too many items: at most ${max}`;
      if (issue.origin === 'string') return `is too long: at most ${max} characters`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}
