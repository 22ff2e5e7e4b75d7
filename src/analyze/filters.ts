// Post-processing of a document's findings, after matching (as textlint's
// filters run after its rules): what a report, an export or a trend count sees.
import { SEVERITY_RANK } from '../model.ts';
import type { Finding } from '../model.ts';

/** Which of two findings of one category in one sentence to keep: higher severity, then earlier, then longer. */
function better(a: Finding, b: Finding): boolean {
  const rank = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (rank !== 0) return rank > 0;
  if (a.start !== b.start) return a.start < b.start;
  return a.end - a.start > b.end - b.start;
}

/**
 * One finding per category per sentence. Two rules of one category matching
 * the same sentence (「副作用ゼロ」 and 「安心・安全」) make one claim, and the same
 * sentence repeated on a page (header and footer) is one claim too: so a
 * category is counted once per sentence in reports and trends. The kept finding
 * stays where the first finding of its group stood.
 */
export function onePerCategory(findings: readonly Finding[]): Finding[] {
  const slot = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.category}\0${f.sentence}`;
    const at = slot.get(key);
    if (at === undefined) {
      slot.set(key, out.length);
      out.push(f);
    } else if (better(f, out[at]!)) {
      out[at] = f;
    }
  }
  return out;
}
