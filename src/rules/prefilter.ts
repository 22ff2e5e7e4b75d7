// The prefilter: from each pattern's required literals (see literals.ts, and
// the triggers and surfaces of token patterns), one scan of a sentence tells
// which rules can possibly fire. The others are skipped, and never cause
// tokenizing.
//
// A pattern needs one literal of EACH of its sets (a conjunction): 前|後 alone
// is everywhere on a clinic page, 前|後 together with 施術|治療 is rare.
import { surfacesOfBasics } from '../text/tokenizer.ts';
import type { CompiledPattern, TokenMatcher, TokenPattern } from './compile.ts';
import { requiredLiteralSets } from './literals.ts';

export interface RuleGate {
  /**
   * Marks (1) the rules that may fire in the normalized text, by rule index.
   * The array is reused by the next call: read it before calling again.
   */
  candidates(text: string): Uint8Array;
  /**
   * Whether the token pattern may match in the text of the last
   * `candidates()` call: its trigger, and one surface of each token that
   * names surfaces, occur in it, and no `unless` of its rule does; once the
   * kuromoji dictionary is loaded, also: the text holds a possible surface
   * of each run of adjacent tokens (see tokenRuns).
   */
  tokensMayMatch(p: TokenPattern): boolean;
}

/** Cap on the strings of one run's cross product. */
const MAX_RUN = 512;

/**
 * Kuromoji's tokens tile the text, so adjacent tokens are adjacent text: a
 * sequence [治る (base form)] [ます|まし] needs 治り+ます, 治り+まし, 治っ+… in the
 * sentence, not just 治 (which 治療 holds). Each token's possible surfaces are
 * its `surface` values, or the dictionary's surfaces of its `basic` values;
 * a token with neither ends a run. Every returned set must have a string in
 * the text.
 */
function tokenRuns(seq: readonly TokenMatcher[], basics: Map<string, Set<string> | null> | undefined): string[][] {
  const runs: string[][] = [];
  let run: string[] | null = null;
  const flush = () => {
    if (run) runs.push(run);
    run = null;
  };
  for (const m of seq) {
    let options: string[] | null = null;
    if (m.surface) options = [...m.surface];
    else if (m.basic && basics) {
      const all = new Set<string>();
      for (const b of m.basic) {
        const s = basics.get(b);
        if (!s) {
          options = null;
          all.clear();
          break;
        }
        for (const x of s) all.add(x);
        options = [...all];
      }
    }
    if (!options || options.length === 0 || options.some((o) => o.length === 0)) {
      flush();
      continue;
    }
    if (run && run.length * options.length <= MAX_RUN) {
      const prev: string[] = run;
      run = prev.flatMap((a) => options.map((b) => a + b));
    } else {
      flush();
      run = options;
    }
  }
  flush();
  return runs;
}

export interface GateRule {
  patterns: readonly CompiledPattern[];
  /** Regexes that cancel the rule in a sentence: a token pattern is not worth tokenizing for then. */
  unless?: readonly RegExp[];
}

/** The literal sets a match of the pattern needs, all of them (empty: none known). */
function patternSets(p: CompiledPattern): string[][] {
  if (p.kind === 'regex') return requiredLiteralSets(p.re);
  if (p.kind === 'all') return p.parts.flatMap((part) => requiredLiteralSets(part));
  // tokens cover the text without gaps: a token's surface is text of the sentence
  const sets = p.triggers.length > 0 ? [p.triggers] : [];
  for (const m of p.seq) if (m.surface && m.surface.size > 0) sets.push([...m.surface]);
  return sets.filter((s) => s.every((x) => x.length > 0));
}

interface GatePattern {
  rule: number;
  /** Literal-set numbers, all of which must have a hit. */
  sets: number[];
  token: TokenPattern | undefined;
}

interface LiteralEntry {
  lit: string;
  second: number;
  /** Sets this literal belongs to. */
  sets: number[];
}

export function buildGate(rules: readonly GateRule[]): RuleGate {
  const alwaysRules: number[] = [];
  const alwaysTokens = new Set<TokenPattern>();
  const patterns: GatePattern[] = [];
  const setIds = new Map<string, number>();
  const setPatterns: number[][] = [];
  const literals = new Map<string, LiteralEntry>();

  rules.forEach((rule, index) => {
    for (const p of rule.patterns) {
      const sets = patternSets(p);
      if (sets.length === 0) {
        alwaysRules.push(index);
        if (p.kind === 'tokens') alwaysTokens.add(p);
        continue;
      }
      const gp: GatePattern = { rule: index, sets: [], token: p.kind === 'tokens' ? p : undefined };
      for (const set of sets) {
        const key = [...new Set(set)].sort().join('\0');
        let id = setIds.get(key);
        if (id === undefined) {
          id = setIds.size;
          setIds.set(key, id);
          setPatterns.push([]);
          for (const lit of new Set(set)) {
            let e = literals.get(lit);
            if (!e) literals.set(lit, (e = { lit, second: lit.charCodeAt(1), sets: [] }));
            e.sets.push(id);
          }
        }
        if (!gp.sets.includes(id)) {
          gp.sets.push(id);
          setPatterns[id]!.push(patterns.length);
        }
      }
      patterns.push(gp);
    }
  });

  // One-unit literals by their unit; longer ones by their first two units, so
  // a common first unit (の, し) costs one map read, not a walk over every
  // literal that starts with it.
  const singleSlot = new Uint16Array(0x10000);
  const singles: LiteralEntry[][] = [];
  // first unit → number + 1 of a map from the second unit (small integers as keys)
  const pairSlot = new Uint16Array(0x10000);
  const pairs: Map<number, LiteralEntry[]>[] = [];
  for (const e of literals.values()) {
    const first = e.lit.charCodeAt(0);
    if (e.lit.length === 1) {
      if (singleSlot[first] === 0) {
        singles.push([]);
        singleSlot[first] = singles.length;
      }
      singles[singleSlot[first]! - 1]!.push(e);
    } else {
      if (pairSlot[first] === 0) {
        pairs.push(new Map());
        pairSlot[first] = pairs.length;
      }
      const bySecond = pairs[pairSlot[first]! - 1]!;
      const list = bySecond.get(e.second) ?? [];
      list.push(e);
      bySecond.set(e.second, list);
    }
  }

  const tokenIndex = new Map<TokenPattern, number>();
  patterns.forEach((gp) => {
    if (gp.token && !tokenIndex.has(gp.token)) tokenIndex.set(gp.token, tokenIndex.size);
  });

  // per token pattern: the runs it needs, from surfaces now and from the dictionary once loaded
  const tokenPatterns = [...tokenIndex.keys()];
  let runs = tokenPatterns.map((p) => tokenRuns(p.seq, undefined));
  let withDictionary = false;
  const wanted = new Set<string>();
  for (const p of tokenPatterns) for (const m of p.seq) if (!m.surface && m.basic) for (const b of m.basic) wanted.add(b);
  const refine = () => {
    const basics = wanted.size > 0 ? surfacesOfBasics(wanted) : undefined;
    if (wanted.size > 0 && !basics) return;
    runs = tokenPatterns.map((p) => tokenRuns(p.seq, basics));
    withDictionary = true;
  };
  let lastText = '';

  const marks = new Uint8Array(rules.length);
  const setHit = new Uint8Array(setIds.size);
  const hitSets: number[] = [];
  // per pattern: how many of its sets still lack a hit (reset after each call)
  const need = Int32Array.from(patterns, (gp) => gp.sets.length);
  const touched: number[] = [];
  const satisfied: number[] = [];
  const tokenOk = new Uint8Array(tokenIndex.size);
  // rules whose only satisfied patterns are token patterns: checked against `unless` before tokenizing
  const tokenOnly = new Uint8Array(rules.length);
  const byRegex = new Uint8Array(rules.length);

  const hit = (e: LiteralEntry) => {
    for (const s of e.sets) {
      if (setHit[s]) continue;
      setHit[s] = 1;
      hitSets.push(s);
      for (const pi of setPatterns[s]!) {
        if (need[pi] === patterns[pi]!.sets.length) touched.push(pi);
        if (--need[pi]! === 0) satisfied.push(pi);
      }
    }
  };

  return {
    candidates(text) {
      lastText = text;
      marks.fill(0);
      tokenOk.fill(0);
      for (const i of alwaysRules) marks[i] = 1;

      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const single = singleSlot[c]!;
        if (single !== 0) for (const e of singles[single - 1]!) hit(e);
        const pair = pairSlot[c]!;
        if (pair === 0) continue;
        const list = pairs[pair - 1]!.get(text.charCodeAt(i + 1));
        if (list) for (const e of list) if (e.lit.length === 2 || text.startsWith(e.lit, i)) hit(e);
      }

      for (const pi of satisfied) {
        const gp = patterns[pi]!;
        if (gp.token) {
          if (!byRegex[gp.rule]) tokenOnly[gp.rule] = 1;
        } else {
          byRegex[gp.rule] = 1;
          tokenOnly[gp.rule] = 0;
        }
      }
      for (const pi of satisfied) {
        const gp = patterns[pi]!;
        const r = gp.rule;
        if (tokenOnly[r] === 1) {
          // nothing but token patterns can fire: a matching `unless` cancels
          // the rule whatever the tokens say, so it is no candidate
          const unless = rules[r]!.unless ?? [];
          let cancelled = false;
          for (const re of unless) {
            re.lastIndex = 0;
            if (re.test(text)) {
              cancelled = true;
              break;
            }
          }
          tokenOnly[r] = cancelled ? 2 : 3;
        }
        if (tokenOnly[r] === 2) continue;
        marks[r] = 1;
        if (gp.token) tokenOk[tokenIndex.get(gp.token)!] = 1;
      }
      for (const pi of satisfied) {
        const r = patterns[pi]!.rule;
        tokenOnly[r] = 0;
        byRegex[r] = 0;
      }
      for (const s of hitSets) setHit[s] = 0;
      for (const pi of touched) need[pi] = patterns[pi]!.sets.length;
      hitSets.length = 0;
      touched.length = 0;
      satisfied.length = 0;
      return marks;
    },
    tokensMayMatch(p) {
      if (alwaysTokens.has(p)) return true;
      const i = tokenIndex.get(p);
      if (i === undefined || tokenOk[i] !== 1) return false;
      if (!withDictionary) refine();
      return runs[i]!.every((run) => run.some((s) => lastText.includes(s)));
    },
  };
}
