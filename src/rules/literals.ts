// Required literals of a regex: strings such that every match contains at
// least one of them (or null: no such set). The prefilter looks them up with
// one scan of the sentence instead of running every rule's regexes on it.
import { RegExpParser } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';

/**
 * exact: the finite set of strings the node matches, if small; factor: required
 * literals; all: every set of required literals found (each one is required on
 * its own, so a match holds one string of each: a conjunction).
 */
interface Info {
  exact: string[] | null;
  factor: string[] | null;
  all: string[][];
}

/** Cap on a cross product of exact sets (a run of adjacent groups). */
const MAX_SET = 64;
/** Cap on an alternation's literals: long term lists are common and cheap to index. */
const MAX_UNION = 1024;
const MAX_CLASS = 16;
const ANY: Info = { exact: null, factor: null, all: [] };
const EMPTY: Info = { exact: [''], factor: null, all: [] };

const usable = (s: string[] | null): s is string[] => s !== null && s.length > 0 && s.every((x) => x.length > 0);

function cross(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  return a.flatMap((x) => b.map((y) => x + y));
}

/** Prefer the most selective set: longest shortest string, then fewest strings. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!usable(a)) return usable(b) ? b : null;
  if (!usable(b)) return a;
  const minA = Math.min(...a!.map((x) => x.length));
  const minB = Math.min(...b!.map((x) => x.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a!.length <= b!.length ? a : b;
}

function union(infos: Info[]): Info {
  const exact = infos.every((i) => i.exact) ? [...new Set(infos.flatMap((i) => i.exact!))] : null;
  const factor = infos.every((i) => i.factor) ? [...new Set(infos.flatMap((i) => i.factor!))] : null;
  const f = factor && factor.length <= MAX_UNION ? factor : null;
  // one alternative: all its sets stay required; several: only their union is
  const all = infos.length === 1 ? infos[0]!.all : usable(f) ? [f] : [];
  return { exact: exact && exact.length <= MAX_UNION ? exact : null, factor: f, all };
}

function sequence(elements: readonly AST.Element[]): Info {
  let all: string[] | null = [''];
  let run: string[] = [''];
  let best: string[] | null = null;
  const sets: string[][] = [];
  for (const el of elements) {
    const info = element(el);
    best = better(best, info.factor);
    sets.push(...info.all);
    const joined = info.exact ? cross(run, info.exact) : null;
    if (joined) {
      run = joined;
    } else {
      best = better(best, run);
      if (usable(run)) sets.push(run);
      run = info.exact ?? [''];
    }
    all = all && info.exact ? cross(all, info.exact) : null;
  }
  best = better(best, run);
  if (usable(run)) sets.push(run);
  return { exact: all, factor: best, all: sets };
}

function classChars(c: AST.CharacterClass): string[] | null {
  if (c.negate || c.unicodeSets) return null;
  const out: string[] = [];
  for (const e of c.elements) {
    if (e.type === 'Character') out.push(String.fromCodePoint(e.value));
    else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < MAX_CLASS) {
      for (let v = e.min.value; v <= e.max.value; v++) out.push(String.fromCodePoint(v));
    } else return null;
  }
  return out.length > 0 && out.length <= MAX_CLASS ? out : null;
}

function element(el: AST.Element): Info {
  switch (el.type) {
    case 'Character': {
      const s = String.fromCodePoint(el.value);
      return { exact: [s], factor: [s], all: [[s]] };
    }
    case 'CharacterClass': {
      const chars = classChars(el);
      return chars ? { exact: chars, factor: chars, all: [chars] } : ANY;
    }
    case 'Assertion':
      // zero-width: adds nothing to a match
      return EMPTY;
    case 'Group':
    case 'CapturingGroup':
      return union(el.alternatives.map((a) => sequence(a.elements)));
    case 'Quantifier': {
      if (el.min === 0) return el.max === 0 ? EMPTY : ANY;
      const inner = element(el.element);
      return { exact: el.min === 1 && el.max === 1 ? inner.exact : null, factor: inner.factor, all: inner.all };
    }
    default:
      return ANY;
  }
}

function analyze(re: RegExp): Info | null {
  if (re.flags.includes('i')) return null;
  const pattern = new RegExpParser().parsePattern(re.source, 0, re.source.length, { unicode: re.flags.includes('u') });
  return union(pattern.alternatives.map((a) => sequence(a.elements)));
}

/** Literals one of which every match contains, or null when the regex gives no such guarantee. */
export function requiredLiterals(re: RegExp): string[] | null {
  const info = analyze(re);
  return info && better(info.factor, info.exact);
}

/** Cap on the sets kept per regex: the most selective ones say almost everything. */
const MAX_SETS = 4;

// Kana endings, digits and everyday punctuation (ます, して, 。, 1) are in
// nearly every sentence: looking them up costs a hit per occurrence and rules
// out little. Rarer symbols (#, %, ★, ※) do narrow a pattern down.
const WEAK = /^[\p{Script=Hiragana}\p{N}\s\u30fc、。,.，．・「」『』()（）!！?？:：;；~〜/／-]*$/u;

/** Every string of the set is specific: not kana or punctuation only, or at least three units (ちがい, なくな). */
function strong(set: readonly string[]): boolean {
  return set.every((x) => x.length >= 3 || !WEAK.test(x));
}

/**
 * A set of short kana or punctuation (は|が, ます, 、): some string of it is in
 * nearly every sentence, so it rules out little and costs a lookup per
 * occurrence.
 */
export function commonSet(set: readonly string[]): boolean {
  return set.every((x) => x.length <= 2 && WEAK.test(x));
}

/**
 * Sets of literals such that every match contains one string of EACH set (a
 * conjunction; empty: no guarantee). The first is the single most selective
 * set (requiredLiterals); further ones are added only when their strings are
 * specific: 前後 alone is common, 施術前 with 施術後 rare.
 */
export function requiredLiteralSets(re: RegExp): string[][] {
  const info = analyze(re);
  if (!info) return [];
  const main = better(info.factor, info.exact);
  const out = main ? [main] : [];
  const seen = new Set(out.map((s) => [...s].sort().join('\0')));
  const extras = info.all.filter(strong);
  // most selective first: longest shortest string, then fewest strings
  extras.sort((a, b) => Math.min(...b.map((x) => x.length)) - Math.min(...a.map((x) => x.length)) || a.length - b.length);
  for (const set of extras) {
    if (out.length >= MAX_SETS) break;
    const key = [...set].sort().join('\0');
    if (seen.has(key)) continue;
    seen.add(key);
    // エ adds nothing next to エビデンス: every string of a kept set holds one of it
    if (out.some((kept) => kept.every((k) => set.some((x) => k.includes(x))))) continue;
    out.push(set);
  }
  return out;
}
