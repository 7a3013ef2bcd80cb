/** Small helpers for `npm run bench`: timings as median and p95, rows printed as one table. */

export interface Row {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

/** Times `fn` once per input after a warm-up; returns milliseconds, sorted. */
export async function time<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 50): Promise<number[]> {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) await fn(inputs[i] as T);
  const samples: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await fn(input);
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

export const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`;

export function printTable(rows: readonly Row[]): void {
  const header = ['benchmark', 'measured', 'target', ''];
  const cells = rows.map((r) => [r.name, r.value, r.target, r.ok ? 'ok' : 'MISSED']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}
