// Linked rules: a claim told over two sentences (a case's state before in one
// sentence, its improvement in the next; a treatment sold under an exosome name
// in a heading, its material named as culture supernatant in a footnote of the
// section). Each part is a regex on one normalized sentence; the analyzer pairs
// the parts within a block or section (src/analyze/linked.ts).
//
// The parts' regexes join the prefilter's gate as entries of their own, so the
// one literal scan matchSentence already makes for a sentence also says which
// parts can match there: a sentence holding neither part costs a few byte reads.
import type { Category, Severity } from '../model.ts';
import { toOriginalSpan } from '../text/normalize.ts';
import { anyFrame, compileRegex } from './compile.ts';
import type { CompileContext, Frame } from './compile.ts';
import type { Dictionaries } from './load.ts';
import type { PreparedSentence } from './match.ts';
import type { GateMarks, GateRule, RuleGate } from './prefilter.ts';
import type { LinkedSource, Specs } from './schema.ts';
import type { YamlPath } from '../yaml-source.ts';

export type LinkScope = 'block' | 'section';

export interface LinkedRule {
  id: string;
  category: Category;
  severity: Severity;
  first: RegExp[];
  then: RegExp[];
  /** One of these must match the first or the then sentence (empty: no such condition). */
  either: RegExp[];
  /** The then sentence stands at most this many sentences after the first. */
  within: number;
  scope: LinkScope;
  /** Cancel the finding when they match the first or the then sentence (outside disclaimed clauses). */
  unless: RegExp[];
  /** Cancel the finding when they match a sentence of the same scope within `within` of the pair. */
  unlessNear: RegExp[];
  negatable: boolean;
  hedge: 'keep' | 'lower';
  specs: Specs;
  where: string;
  /** The gate entry of each first / then regex (set by load.ts). */
  firstGate: number[];
  thenGate: number[];
}

export function compileLinked(
  ctx: CompileContext,
  src: LinkedSource,
  at: YamlPath,
  base: Pick<LinkedRule, 'id' | 'category' | 'severity' | 'unless' | 'negatable' | 'hedge' | 'specs' | 'where'>,
): LinkedRule {
  const list = (key: 'first' | 'then' | 'either' | 'unlessNear') => (src[key] ?? []).map((s, j) => compileRegex(ctx, s, [...at, key, j], base.id));
  return {
    ...base,
    first: list('first'),
    then: list('then'),
    either: list('either'),
    within: src.within,
    scope: src.scope ?? 'section',
    unlessNear: list('unlessNear'),
    firstGate: [],
    thenGate: [],
  };
}

/** Appends each part regex of the linked rules to the gate's entries and notes its index. */
export function addLinkedGateEntries(rules: readonly LinkedRule[], entries: GateRule[]): void {
  for (const r of rules) {
    for (const re of r.first) {
      r.firstGate.push(entries.length);
      entries.push({ patterns: [{ kind: 'regex', re }] });
    }
    for (const re of r.then) {
      r.thenGate.push(entries.length);
      entries.push({ patterns: [{ kind: 'regex', re }] });
    }
  }
}

/**
 * A gate that remembers the marks of its last scan, so the analyzer reads the
 * linked parts' marks from the scan matchSentence makes anyway. The marks are
 * only trusted for the very text they were computed on.
 */
export interface TappedGate extends RuleGate {
  /** The marks of the last scan if it was of this text (same string), else undefined. */
  marksOf(text: string): GateMarks | undefined;
}

export function tapGate(gate: RuleGate): TappedGate {
  let lastText: string | undefined;
  let lastMarks: GateMarks | undefined;
  return {
    get patternStart() {
      return gate.patternStart;
    },
    candidates(text) {
      lastText = text;
      lastMarks = gate.candidates(text);
      return lastMarks;
    },
    marksOf(text) {
      return text === lastText ? lastMarks : undefined;
    },
  };
}

export interface Span {
  start: number;
  end: number;
}

function spansOf(re: RegExp, text: string, out: Span[]): void {
  re.lastIndex = 0;
  if (!re.test(text)) return;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length });
}

/** Bits of a sentence's mark for one linked rule: its first part, its then part may match there. */
export const FIRST = 1;
export const THEN = 2;

/**
 * Writes, for each linked rule r, which of its parts may match the sentence to
 * `out[at + r]` (FIRST | THEN bits), from the gate's marks of that sentence: no
 * regex runs here (undefined marks: every part may, the naive path). Returns
 * the bits of all rules or-ed (0, the common case: nothing to pair there).
 */
export function markLinked(rules: readonly LinkedRule[], marks: GateMarks | undefined, out: Uint8Array, at: number): number {
  let any = 0;
  for (let r = 0; r < rules.length; r++) {
    let bits = 0;
    if (!marks) bits = FIRST | THEN;
    else {
      const rule = rules[r]!;
      const fg = rule.firstGate;
      for (let k = 0; k < fg.length; k++) if (marks.rules[fg[k]!]) bits |= FIRST;
      const tg = rule.thenGate;
      for (let k = 0; k < tg.length; k++) if (marks.rules[tg[k]!]) bits |= THEN;
    }
    out[at + r] = bits;
    any |= bits;
  }
  return any;
}

/** Whether some rule has a first mark and, after it, a then mark: else no pair can be found on the page. */
export function pairable(rules: readonly LinkedRule[], marks: Uint8Array, sentences: number): boolean {
  const n = rules.length;
  for (let r = 0; r < n; r++) {
    let first = false;
    for (let i = 0; i < sentences; i++) {
      const bits = marks[i * n + r]!;
      if (first && bits & THEN) return true;
      if (bits & FIRST) first = true;
    }
  }
  return false;
}

/** Where a part (all its regexes) matches the normalized sentence. */
export function partSpans(rule: LinkedRule, role: typeof FIRST | typeof THEN, text: string): Span[] {
  const out: Span[] = [];
  for (const re of role === FIRST ? rule.first : rule.then) spansOf(re, text, out);
  return out;
}

// The clause logic of match.ts (a disclaimer or a negation covers its own clause
// only), for the few sentences that hold a linked part of a candidate pair.
const CLAUSE_BREAK = /[。!?※\n]|(?:が|けれど|けど|ものの)[、,]\s?|ただし[、,]?\s?/g;

function breaksOf(text: string): Span[] {
  const out: Span[] = [];
  spansOf(CLAUSE_BREAK, text, out);
  return out;
}

function clauseAround(breaks: readonly Span[], m: Span, length: number): Span {
  let start = 0;
  let end = length;
  for (const b of breaks) {
    if (b.end <= m.start) start = b.end;
    else if (b.start >= m.end) {
      end = b.start;
      break;
    }
  }
  return { start, end };
}

/** Where the clause holding offset `at` ends (as in match.ts: the break included). */
function clauseEnd(breaks: readonly Span[], at: number, length: number): number {
  for (const b of breaks) if (b.start >= at) return b.end;
  return length;
}

function disclaimedClauses(frames: readonly Frame[], text: string, breaks: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const f of frames) {
    if (f.literals && !f.literals.some((l) => text.includes(l))) continue;
    const found: Span[] = [];
    spansOf(f.re, text, found);
    for (const m of found) out.push(clauseAround(breaks, m, text.length));
  }
  return out;
}

function masked(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const sp of spans) out = out.slice(0, sp.start) + '。'.repeat(sp.end - sp.start) + out.slice(sp.end);
  return out;
}

/** Whether any of the regexes matches the normalized text. */
export function matchesAny(res: readonly RegExp[], text: string): boolean {
  for (const re of res) {
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}

/** Judged in one sentence: the part's span (original offsets) if it stands as asserted. */
export interface PartVerdict {
  start: number;
  end: number;
  hedged: boolean;
}

/**
 * Whether a part of a linked rule stands in its sentence, with the frames of
 * negation.yaml as for one-sentence rules: a question or a warning sentence
 * asserts nothing; a part inside a disclaimed clause, or followed in its clause
 * by a negation, is cancelled (negatable rules); the rule's `unless` is read
 * outside disclaimed clauses. The earliest standing span wins.
 */
export function judgePart(dict: Dictionaries, rule: LinkedRule, s: PreparedSentence, spans: readonly Span[]): PartVerdict | undefined {
  const text = s.norm.text;
  // the cheap tests first: most candidate parts fall to the rule's own `unless`
  const breaks = breaksOf(text);
  const disclaimed = anyFrame(dict.frames.disclaimer, text) ? disclaimedClauses(dict.frames.disclaimer, text, breaks) : [];
  if (matchesAny(rule.unless, disclaimed.length ? masked(text, disclaimed) : text)) return undefined;
  if (anyFrame(dict.frames.question, text) || anyFrame(dict.frames.warning, text)) return undefined;
  let best: Span | undefined;
  for (const sp of spans) {
    if (rule.negatable) {
      if (disclaimed.some((c) => sp.start < c.end && sp.end > c.start)) continue;
      if (anyFrame(dict.frames.negation, text.slice(sp.end, clauseEnd(breaks, sp.end, text.length)))) continue;
    }
    if (!best || sp.start < best.start || (sp.start === best.start && sp.end > best.end)) best = sp;
  }
  if (!best) return undefined;
  const orig = toOriginalSpan(s.norm, best.start, best.end);
  return { ...orig, hedged: rule.hedge === 'lower' && anyFrame(dict.frames.hedge, text) !== undefined };
}
