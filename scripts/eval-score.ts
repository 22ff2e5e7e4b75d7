// Scoring shared by eval:dev (lines) and eval:pages (whole pages): per key,
// true positives, false positives and misses, and the table both print.

export interface Count {
  tp: number;
  fp: number;
  fn: number;
}

/** Per key: how the found sets compare to the labelled ones, item by item. */
export function scoreItems(keys: readonly string[], items: readonly { truth: readonly string[]; found: readonly string[] }[]): Map<string, Count> {
  const counts = new Map<string, Count>(keys.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  for (const item of items) {
    const t = new Set(item.truth);
    const f = new Set(item.found);
    for (const k of keys) {
      const c = counts.get(k)!;
      if (t.has(k) && f.has(k)) c.tp++;
      else if (f.has(k)) c.fp++;
      else if (t.has(k)) c.fn++;
    }
  }
  return counts;
}

/** Precision and recall; 1 when there is nothing to get wrong. */
export const precision = (c: Count) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Count) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export function total(m: Map<string, Count>): Count {
  return [...m.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
}

/** The TP/FP/FN/precision/recall table of one map, headed by `title`, with its micro total. */
export function scoreTable(title: string, counts: Map<string, Count>): string[] {
  const ratio = (a: number, b: number) => (b === 0 ? '   -' : (a / b).toFixed(2));
  const row = (name: string, c: Count) =>
    `${name.padEnd(30)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${ratio(c.tp, c.tp + c.fp)}   ${ratio(c.tp, c.tp + c.fn)}`;
  return [`${title.padEnd(30)}   TP   FP   FN   prec    rec`, ...[...counts].map(([k, c]) => row(k, c)), row('micro total', total(counts))];
}
