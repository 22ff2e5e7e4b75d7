// The prefilter: from each pattern's required literals (see literals.ts, and
// the triggers and surfaces of token patterns), one scan of a sentence tells
// which rules can possibly fire. The others are skipped, and never cause
// tokenizing.
//
// A pattern needs one literal of EACH of its sets (a conjunction): 前|後 alone
// is everywhere on a clinic page, 前|後 together with 施術|治療 is rare.
import { surfacesOfBasics } from '../text/tokenizer.ts';
import type { CompiledPattern, TokenMatcher, TokenPattern } from './compile.ts';
import { commonSet, requiredLiteralSets } from './literals.ts';

/** What may fire in one sentence. Both arrays are reused by the next call: read them before calling again. */
export interface GateMarks {
  /** 1 for the rules (by index) that may fire. */
  rules: Uint8Array;
  /**
   * 1 for the patterns that may match, numbered across all rules in order
   * (rule r's pattern j is patternStart[r] + j). A token pattern is marked
   * when its trigger, one surface of each token that names surfaces and one
   * string of each run of adjacent tokens (see tokenRuns) occur in the text,
   * and no `unless` of its rule does.
   */
  patterns: Uint8Array;
}

export interface RuleGate {
  candidates(text: string): GateMarks;
  /** Per rule: the number of its first pattern in GateMarks.patterns. */
  readonly patternStart: Int32Array;
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
function patternSets(p: CompiledPattern, runs: ReadonlyMap<TokenPattern, string[][]>): string[][] {
  if (p.kind === 'regex') return selective(requiredLiteralSets(p.re));
  if (p.kind === 'all') return selective(p.parts.flatMap((part) => requiredLiteralSets(part)));
  // tokens cover the text without gaps: a token's surface is text of the sentence
  const sets = p.triggers.length > 0 ? [p.triggers] : [];
  for (const m of p.seq) if (m.surface && m.surface.size > 0) sets.push([...m.surface]);
  sets.push(...(runs.get(p) ?? []));
  return selective(sets.filter((s) => s.every((x) => x.length > 0)));
}

/** The sets without the common ones (commonSet), unless nothing else is left. */
function selective(sets: string[][]): string[][] {
  const kept = sets.filter((s) => !commonSet(s));
  return kept.length > 0 ? kept : sets;
}

interface GatePattern {
  rule: number;
  /** Its number across all rules' patterns. */
  ordinal: number;
  /** Literal-set numbers, all of which must have a hit. */
  sets: number[];
  token: TokenPattern | undefined;
}

/**
 * The literals as a trie over UTF-16 units: the root's children in a direct
 * table, every other edge in one open-addressing hash table keyed by (node,
 * unit). One walk from each position of a sentence finds every literal
 * starting there, however many literals share a prefix (エクソソーム,
 * エクソソーム点滴 …).
 */
interface LiteralTrie {
  /** unit → node (0: no literal starts with it). */
  root: Int32Array;
  /**
   * Edges, two numbers per slot side by side (one cache line per probe): the
   * key parent * 0x10000 + unit (0: empty slot, as the root is never a parent
   * here) and the child node.
   */
  edges: Float64Array;
  /** Slot count - 1 (a power of two minus one). */
  mask: number;
  /** Per node: the literal ending there, or -1. */
  literal: Int32Array;
  next: Uint32Array;
}

/** Home slot of the edge (node, unit). */
function edgeSlot(node: number, unit: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
}

function buildTrie(literals: readonly string[]): LiteralTrie {
  const children: Map<number, number>[] = [new Map()];
  const ends: number[] = [-1];
  literals.forEach((lit, id) => {
    let node = 0;
    for (let i = 0; i < lit.length; i++) {
      const unit = lit.charCodeAt(i);
      let next = children[node]!.get(unit);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push(-1);
        children[node]!.set(unit, next);
      }
      node = next;
    }
    ends[node] = id;
  });
  const root = new Int32Array(0x10000);
  for (const [unit, node] of children[0]!) root[unit] = node;
  let edges = 0;
  for (let n = 1; n < children.length; n++) edges += children[n]!.size;
  // at most half full: a lookup probes about one slot
  let size = 16;
  while (size < edges * 2) size *= 2;
  const mask = size - 1;
  const table = new Float64Array(size * 2);
  const next = new Uint32Array(children.length);
  for (let n = 1; n < children.length; n++) {
    for (const [unit, child] of children[n]!) {
      next[n]! |= 1 << (unit & 31);
      let slot = edgeSlot(n, unit, mask);
      while (table[slot * 2] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = n * 0x10000 + unit;
      table[slot * 2 + 1] = child;
    }
  }
  return { root, edges: table, mask, literal: Int32Array.from(ends), next };
}

/** For lists of ids per item: the items per id (`ids` of them). */
function invert(lists: readonly (readonly number[])[], ids: number): number[][] {
  const out: number[][] = Array.from({ length: ids }, () => []);
  lists.forEach((l, item) => {
    for (const id of l) out[id]!.push(item);
  });
  return out;
}

/** Calls after which anchors are chosen by how often their literals occurred. */
const CALIBRATION = 2000;

/** Lists of lists as one flat array with offsets (list i is data[start[i] .. start[i + 1])). */
function flatten(lists: readonly (readonly number[])[]): { start: Int32Array; data: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (start[i + 1] = start[i]! + l.length));
  return { start, data: Int32Array.from(lists.flat()) };
}

function buildIndex(rules: readonly GateRule[], runs: ReadonlyMap<TokenPattern, string[][]>): (text: string) => GateMarks {
  const alwaysRules: number[] = [];
  const alwaysPatterns: number[] = [];
  const patterns: GatePattern[] = [];
  let ordinal = 0;
  const setIds = new Map<string, number>();
  const literalIds = new Map<string, number>();
  const literalSetLists: number[][] = [];

  rules.forEach((rule, index) => {
    for (const p of rule.patterns) {
      const sets = patternSets(p, runs);
      if (sets.length === 0) {
        alwaysRules.push(index);
        alwaysPatterns.push(ordinal++);
        continue;
      }
      const gp: GatePattern = { rule: index, ordinal: ordinal++, sets: [], token: p.kind === 'tokens' ? p : undefined };
      for (const set of sets) {
        const key = [...new Set(set)].sort().join('\0');
        let id = setIds.get(key);
        if (id === undefined) {
          id = setIds.size;
          setIds.set(key, id);
          for (const lit of new Set(set)) {
            let l = literalIds.get(lit);
            if (l === undefined) {
              l = literalIds.size;
              literalIds.set(lit, l);
              literalSetLists.push([]);
            }
            literalSetLists[l]!.push(id);
          }
        }
        if (!gp.sets.includes(id)) gp.sets.push(id);
      }
      patterns.push(gp);
    }
  });

  const { root, edges, mask, literal, next: nextBits } = buildTrie([...literalIds.keys()]);
  const literalCount = literalIds.size;
  const setLiterals = flatten(invert(literalSetLists, setIds.size));
  const setsOfPattern = flatten(patterns.map((gp) => gp.sets));
  const marks: GateMarks = { rules: new Uint8Array(rules.length), patterns: new Uint8Array(ordinal) };
  // Per call an epoch number stamps what was seen, so nothing needs a reset
  // between sentences: a literal or set counts for this call only when its
  // stamp is the current epoch.
  let epoch = 0;
  const literalSeen = new Uint32Array(literalCount);
  // Each pattern waits on one of its sets, its anchor: a hit on a literal of
  // no anchor (、, 前, 治療 … which most sentences hold) costs a stamp and
  // nothing more, and a pattern whose anchor occurred has its other sets
  // checked once the scan is done. Anchors are first the sets of the longest
  // literals, then, after CALIBRATION calls, the sets whose literals occurred
  // least: which sets are rare depends on the pages, not on the rules.
  const literalHits = new Uint32Array(literalCount);
  let calls = 0;
  let literalAnchors = flatten([]);
  let anchorPatterns = flatten([]);
  const anchorSeen = new Uint32Array(setIds.size);
  const setChecked = new Uint32Array(setIds.size);
  const setFound = new Uint8Array(setIds.size);
  const chooseAnchors = (cost: (set: number) => number) => {
    const byLiteral: number[][] = Array.from({ length: literalCount }, () => []);
    const bySet: number[][] = Array.from({ length: setIds.size }, () => []);
    patterns.forEach((gp, pi) => {
      const anchor = gp.sets.reduce((best, id) => (cost(id) < cost(best) ? id : best));
      if (bySet[anchor]!.length === 0) for (let k = setLiterals.start[anchor]!; k < setLiterals.start[anchor + 1]!; k++) byLiteral[setLiterals.data[k]!]!.push(anchor);
      bySet[anchor]!.push(pi);
    });
    literalAnchors = flatten(byLiteral);
    anchorPatterns = flatten(bySet);
  };
  const literalLength = [...literalIds.keys()].map((l) => l.length);
  chooseAnchors((set) => {
    let shortest = Infinity;
    for (let k = setLiterals.start[set]!; k < setLiterals.start[set + 1]!; k++) shortest = Math.min(shortest, literalLength[setLiterals.data[k]!]!);
    return -shortest;
  });
  const anchorHit: number[] = [];
  const satisfied: number[] = [];
  // rules whose only satisfied patterns are token patterns: checked against `unless` before tokenizing
  const tokenOnly = new Uint8Array(rules.length);
  const byRegex = new Uint8Array(rules.length);

  const hit = (lit: number) => {
    if (literalSeen[lit] === epoch) return;
    literalSeen[lit] = epoch;
    literalHits[lit]!++;
    for (let k = literalAnchors.start[lit]!, end = literalAnchors.start[lit + 1]!; k < end; k++) {
      const s = literalAnchors.data[k]!;
      if (anchorSeen[s] === epoch) continue;
      anchorSeen[s] = epoch;
      for (let q = anchorPatterns.start[s]!, qEnd = anchorPatterns.start[s + 1]!; q < qEnd; q++) anchorHit.push(anchorPatterns.data[q]!);
    }
  };
  /** Whether a literal of the set occurred in this call (looked up once per call). */
  const found = (s: number): boolean => {
    if (setChecked[s] !== epoch) {
      setChecked[s] = epoch;
      setFound[s] = 0;
      for (let k = setLiterals.start[s]!, end = setLiterals.start[s + 1]!; k < end; k++) {
        if (literalSeen[setLiterals.data[k]!] === epoch) {
          setFound[s] = 1;
          break;
        }
      }
    }
    return setFound[s] === 1;
  };

  return (text) => {
    if (++epoch === 0xffffffff) {
      epoch = 1;
      literalSeen.fill(0);
      anchorSeen.fill(0);
      setChecked.fill(0);
    }
    if (++calls === CALIBRATION) {
      chooseAnchors((set) => {
        let sum = 0;
        for (let k = setLiterals.start[set]!; k < setLiterals.start[set + 1]!; k++) sum += literalHits[setLiterals.data[k]!]!;
        return sum;
      });
    }
    marks.rules.fill(0);
    marks.patterns.fill(0);
    for (const i of alwaysRules) marks.rules[i] = 1;
    for (const i of alwaysPatterns) marks.patterns[i] = 1;

    const length = text.length;
    for (let i = 0; i < length; i++) {
      let node = root[text.charCodeAt(i)]!;
      let j = i;
      while (node !== 0) {
        const lit = literal[node]!;
        if (lit >= 0) hit(lit);
        if (++j >= length) break;
        const unit = text.charCodeAt(j);
        if ((nextBits[node]! & (1 << (unit & 31))) === 0) break;
        let next = 0;
        const key = node * 0x10000 + unit;
        for (let slot = edgeSlot(node, unit, mask); edges[slot * 2] !== 0; slot = (slot + 1) & mask) {
          if (edges[slot * 2] === key) {
            next = edges[slot * 2 + 1]!;
            break;
          }
        }
        node = next;
      }
    }

    for (const pi of anchorHit) {
      let all = true;
      for (let k = setsOfPattern.start[pi]!, end = setsOfPattern.start[pi + 1]!; all && k < end; k++) all = found(setsOfPattern.data[k]!);
      if (all) satisfied.push(pi);
    }
    anchorHit.length = 0;

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
      marks.rules[r] = 1;
      marks.patterns[gp.ordinal] = 1;
    }
    for (const pi of satisfied) {
      const r = patterns[pi]!.rule;
      tokenOnly[r] = 0;
      byRegex[r] = 0;
    }
    satisfied.length = 0;
    return marks;
  };
}

export function buildGate(rules: readonly GateRule[]): RuleGate {
  const tokenPatterns = new Set<TokenPattern>();
  for (const r of rules) for (const p of r.patterns) if (p.kind === 'tokens') tokenPatterns.add(p);
  const runsWith = (basics: Map<string, Set<string> | null> | undefined) => new Map([...tokenPatterns].map((p) => [p, tokenRuns(p.seq, basics)]));
  // Base forms give surfaces only once kuromoji's dictionary is loaded (it
  // loads when a sentence first needs tokens): then the index is rebuilt with
  // the tighter runs.
  const wanted = new Set<string>();
  for (const p of tokenPatterns) for (const m of p.seq) if (!m.surface && m.basic) for (const b of m.basic) wanted.add(b);
  let index = buildIndex(rules, runsWith(undefined));
  let withDictionary = wanted.size === 0;
  const patternStart = new Int32Array(rules.length);
  for (let r = 1; r < rules.length; r++) patternStart[r] = patternStart[r - 1]! + rules[r - 1]!.patterns.length;
  return {
    patternStart,
    candidates(text) {
      if (!withDictionary) {
        const basics = surfacesOfBasics(wanted);
        if (basics) {
          index = buildIndex(rules, runsWith(basics));
          withDictionary = true;
        }
      }
      return index(text);
    },
  };
}
