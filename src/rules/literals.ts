// Required literals of a regex: strings such that every match contains at
// least one of them (or null: no such set). The prefilter looks them up with
// one scan of the sentence instead of running every rule's regexes on it.
import { RegExpParser } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';

/** exact: the finite set of strings the node matches, if small; factor: required literals. */
interface Info {
  exact: string[] | null;
  factor: string[] | null;
}

/** Cap on a cross product of exact sets (a run of adjacent groups). */
const MAX_SET = 64;
/** Cap on an alternation's literals: long term lists are common and cheap to index. */
const MAX_UNION = 1024;
const MAX_CLASS = 16;
const ANY: Info = { exact: null, factor: null };
const EMPTY: Info = { exact: [''], factor: null };

function cross(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  return a.flatMap((x) => b.map((y) => x + y));
}

/** Prefer the most selective set: longest shortest string, then fewest strings. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  const ok = (s: string[] | null) => s !== null && s.length > 0 && s.every((x) => x.length > 0);
  if (!ok(a)) return ok(b) ? b : null;
  if (!ok(b)) return a;
  const minA = Math.min(...a!.map((x) => x.length));
  const minB = Math.min(...b!.map((x) => x.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a!.length <= b!.length ? a : b;
}

function union(infos: Info[]): Info {
  const exact = infos.every((i) => i.exact) ? [...new Set(infos.flatMap((i) => i.exact!))] : null;
  const factor = infos.every((i) => i.factor) ? [...new Set(infos.flatMap((i) => i.factor!))] : null;
  return { exact: exact && exact.length <= MAX_UNION ? exact : null, factor: factor && factor.length <= MAX_UNION ? factor : null };
}

function sequence(elements: readonly AST.Element[]): Info {
  let all: string[] | null = [''];
  let run: string[] = [''];
  let best: string[] | null = null;
  for (const el of elements) {
    const info = element(el);
    best = better(best, info.factor);
    const joined = info.exact ? cross(run, info.exact) : null;
    if (joined) {
      run = joined;
    } else {
      best = better(best, run);
      run = info.exact ?? [''];
    }
    all = all && info.exact ? cross(all, info.exact) : null;
  }
  best = better(best, run);
  return { exact: all, factor: best };
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
      return { exact: [s], factor: [s] };
    }
    case 'CharacterClass': {
      const chars = classChars(el);
      return chars ? { exact: chars, factor: chars } : ANY;
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
      return { exact: el.min === 1 && el.max === 1 ? inner.exact : null, factor: inner.factor };
    }
    default:
      return ANY;
  }
}

/** Literals one of which every match contains, or null when the regex gives no such guarantee. */
export function requiredLiterals(re: RegExp): string[] | null {
  if (re.flags.includes('i')) return null;
  const pattern = new RegExpParser().parsePattern(re.source, 0, re.source.length, { unicode: re.flags.includes('u') });
  const info = union(pattern.alternatives.map((a) => sequence(a.elements)));
  return better(info.factor, info.exact);
}
