// The prefilter: from each rule's required literals (see literals.ts, and the
// triggers of token patterns), one scan of a sentence tells which rules can
// possibly fire. The others are skipped, and never cause tokenizing.
import type { CompiledPattern } from './compile.ts';
import { requiredLiterals } from './literals.ts';

export interface RuleGate {
  /**
   * Marks (1) the rules that may fire in the normalized text, by rule index.
   * The array is reused by the next call: read it before calling again.
   */
  candidates(text: string): Uint8Array;
}

function patternLiterals(p: CompiledPattern): string[] | null {
  if (p.kind === 'regex') return requiredLiterals(p.re);
  if (p.kind === 'tokens') return p.triggers;
  // every part must match: the literals of any one part are required
  let best: string[] | null = null;
  for (const part of p.parts) {
    const lits = requiredLiterals(part);
    if (lits && (!best || Math.min(...lits.map((l) => l.length)) > Math.min(...best.map((l) => l.length)))) best = lits;
  }
  return best;
}

export function buildGate(rules: readonly { patterns: readonly CompiledPattern[] }[]): RuleGate {
  const always: number[] = [];
  const byFirst = new Map<number, { lit: string; second: number; rules: number[] }[]>();
  rules.forEach((rule, index) => {
    const lits = new Set<string>();
    for (const p of rule.patterns) {
      const l = patternLiterals(p);
      if (!l) {
        always.push(index);
        return;
      }
      for (const s of l) lits.add(s);
    }
    for (const lit of lits) {
      const first = lit.charCodeAt(0);
      const bucket = byFirst.get(first) ?? [];
      const entry = bucket.find((e) => e.lit === lit);
      if (entry) entry.rules.push(index);
      else bucket.push({ lit, second: lit.charCodeAt(1), rules: [index] });
      byFirst.set(first, bucket);
    }
  });
  // first UTF-16 unit → bucket number + 1: one array read per character
  const slot = new Uint16Array(0x10000);
  const buckets = [...byFirst.values()];
  [...byFirst.keys()].forEach((code, b) => (slot[code] = b + 1));
  const marks = new Uint8Array(rules.length);
  return {
    candidates(text) {
      marks.fill(0);
      for (const i of always) marks[i] = 1;
      for (let i = 0; i < text.length; i++) {
        const b = slot[text.charCodeAt(i)]!;
        if (b === 0) continue;
        const next = text.charCodeAt(i + 1);
        for (const e of buckets[b - 1]!) {
          // compare the second unit before the whole literal: most entries fail there
          if (e.lit.length > 1 && e.second !== next) continue;
          if (e.lit.length <= 2 || text.startsWith(e.lit, i)) for (const r of e.rules) marks[r] = 1;
        }
      }
      return marks;
    },
  };
}
