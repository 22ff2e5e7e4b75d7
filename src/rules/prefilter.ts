// The prefilter: from each rule's required literals (see literals.ts, and the
// triggers of token patterns), one scan of a sentence tells which rules can
// possibly fire. The others are skipped, and never cause tokenizing.
import type { CompiledPattern } from './compile.ts';
import { requiredLiterals } from './literals.ts';

export interface RuleGate {
  /** Marks (1) the rules that may fire in the normalized text, by rule index. */
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
  const byFirst = new Map<string, { lit: string; rules: number[] }[]>();
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
      const bucket = byFirst.get(lit[0]!) ?? [];
      const entry = bucket.find((e) => e.lit === lit);
      if (entry) entry.rules.push(index);
      else bucket.push({ lit, rules: [index] });
      byFirst.set(lit[0]!, bucket);
    }
  });
  return {
    candidates(text) {
      const marks = new Uint8Array(rules.length);
      for (const i of always) marks[i] = 1;
      for (let i = 0; i < text.length; i++) {
        const bucket = byFirst.get(text[i]!);
        if (!bucket) continue;
        for (const e of bucket) {
          if (text.startsWith(e.lit, i)) for (const r of e.rules) marks[r] = 1;
        }
      }
      return marks;
    },
  };
}
