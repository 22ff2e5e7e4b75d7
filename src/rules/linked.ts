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
import type { CompileContext } from './compile.ts';
import { clauseBreaks, frameClauses, maskSpans, matchesAny, regexSpans, standingSpan } from './clauses.ts';
import type { Span } from './clauses.ts';
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
  /** The first part stands in a question sentence and the then part in its answer (the next sentences before another question). */
  firstIsQuestion: boolean;
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
    firstIsQuestion: src.firstIsQuestion ?? false,
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
  for (const re of role === FIRST ? rule.first : rule.then) regexSpans(re, text, out);
  return out;
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
export function judgePart(dict: Dictionaries, rule: LinkedRule, s: PreparedSentence, spans: readonly Span[], asked = false): PartVerdict | undefined {
  const text = s.norm.text;
  if (asked) return judgeAsked(dict, rule, s, spans);
  // the cheap tests first: most candidate parts fall to the rule's own `unless`
  const breaks = clauseBreaks(text);
  const disclaimed = anyFrame(dict.frames.disclaimer, text) ? frameClauses(dict.frames.disclaimer, text, breaks) : [];
  if (matchesAny(rule.unless, disclaimed.length ? maskSpans(text, disclaimed) : text)) return undefined;
  if (anyFrame(dict.frames.question, text) || anyFrame(dict.frames.warning, text)) return undefined;
  const best = standingSpan(spans, text, { negatable: rule.negatable, negation: dict.frames.negation, disclaimed, breaks });
  if (!best) return undefined;
  const orig = toOriginalSpan(s.norm, best.start, best.end);
  return { ...orig, hedged: rule.hedge === 'lower' && anyFrame(dict.frames.hedge, text) !== undefined };
}

/** Whether the sentence is asked (the question frame of negation.yaml). */
export function isQuestion(dict: Dictionaries, s: PreparedSentence): boolean {
  return anyFrame(dict.frames.question, s.norm.text) !== undefined;
}

/**
 * The first part of a `firstIsQuestion` rule: it must stand in a question (the
 * question frame, which cancels a part of any other rule, is here required) and
 * not in a warning; the rule's `unless` is read on it. A negation after the part
 * does not cancel it (副作用はありませんか？ asks the same as ありますか？).
 */
function judgeAsked(dict: Dictionaries, rule: LinkedRule, s: PreparedSentence, spans: readonly Span[]): PartVerdict | undefined {
  const text = s.norm.text;
  if (!isQuestion(dict, s) || anyFrame(dict.frames.warning, text)) return undefined;
  if (matchesAny(rule.unless, text)) return undefined;
  let best: Span | undefined;
  for (const sp of spans) if (!best || sp.start < best.start) best = sp;
  if (!best) return undefined;
  return { ...toOriginalSpan(s.norm, best.start, best.end), hedged: false };
}
