// Matching of one sentence: rule patterns, then the frames of negation.yaml
// (question, warning, disclaimer, negation after the match, hedge) and the sentence-level
// scope of scope.yaml. Offsets come back in the original sentence's terms.
import type { Severity } from '../model.ts';
import { normalize, toOriginalSpan } from '../text/normalize.ts';
import type { NormalizedText } from '../text/normalize.ts';
import type { Token } from '../text/tokenizer.ts';
import { anyFrame } from './compile.ts';
import { clauseBreaks, frameClauses, maskSpans, matchesAny, regexSpans, standingSpan } from './clauses.ts';
import type { Span } from './clauses.ts';
import type { TokenField, TokenMatcher, TokenPattern } from './compile.ts';
import type { CompiledRule, Dictionaries } from './load.ts';

export interface PreparedSentence {
  original: string;
  norm: NormalizedText;
}

export interface RuleHit {
  rule: CompiledRule;
  /** Offsets into the original sentence. */
  start: number;
  end: number;
  severity: Severity;
  hedged: boolean;
}

export interface SentenceResult {
  claims: RuleHit[];
  disclosures: RuleHit[];
  /** The sentence names EV / exosome / supernatant (scope.yaml `ev`). */
  mentionsEv: boolean;
  /** The sentence speaks of providing something (scope.yaml `offer`). */
  offers: boolean;
  /** The sentence names an unrelated treatment (scope.yaml `unrelated`). */
  unrelated: boolean;
  tokenized: boolean;
}

export function prepareSentence(dict: Dictionaries, original: string): PreparedSentence {
  return { original, norm: normalize(original, dict.variants) };
}

function hasTrigger(p: TokenPattern, text: string): boolean {
  return p.triggers.some((t) => text.includes(t));
}

/** With the prefilter on, only sentences holding a token pattern's trigger are ever tokenized. */
export function needsTokens(dict: Dictionaries, normText: string, prefilter: boolean): boolean {
  return dict.tokenPatterns.some((p) => !prefilter || hasTrigger(p, normText));
}

// Per part, this many occurrences are enough to find the tightest combination.
const MAX_OCCURRENCES = 8;

function coOccurrence(parts: readonly RegExp[], within: number | undefined, text: string): Span[] {
  const occ: Span[][] = [];
  for (const re of parts) {
    const spans = regexSpans(re, text);
    // one part missing: no need to run the others
    if (spans.length === 0) return [];
    occ.push(spans.slice(0, MAX_OCCURRENCES));
  }
  let best: Span | undefined;
  const pick = (i: number, chosen: Span[]) => {
    if (i === occ.length) {
      const sorted = [...chosen].sort((a, b) => a.start - b.start);
      let reach = sorted[0]!.end;
      for (const s of sorted.slice(1)) {
        if (within !== undefined && s.start - reach > within) return;
        reach = Math.max(reach, s.end);
      }
      const span = { start: sorted[0]!.start, end: reach };
      if (!best || span.end - span.start < best.end - best.start || (span.end - span.start === best.end - best.start && span.start < best.start)) {
        best = span;
      }
      return;
    }
    for (const s of occ[i]!) pick(i + 1, [...chosen, s]);
  };
  pick(0, []);
  return best ? [best] : [];
}

function tokenMatches(m: TokenMatcher, t: Token): boolean {
  for (const field of Object.keys(m) as TokenField[]) {
    if (!m[field]!.has(t[field])) return false;
  }
  return true;
}

function tokenSpans(seq: readonly TokenMatcher[], tokens: readonly Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i + seq.length <= tokens.length; i++) {
    if (seq.every((m, k) => tokenMatches(m, tokens[i + k]!))) {
      const last = tokens[i + seq.length - 1]!;
      out.push({ start: tokens[i]!.start, end: last.start + last.surface.length });
    }
  }
  return out;
}

export interface MatchOptions {
  prefilter: boolean;
  /** Tokenizes the normalized sentence; called at most once, only when a token pattern needs it. */
  tokenize: (normText: string) => Token[];
}

function done(result: SentenceResult, tokens: Token[] | undefined): SentenceResult {
  result.tokenized = tokens !== undefined;
  return result;
}

export function matchSentence(dict: Dictionaries, s: PreparedSentence, opts: MatchOptions): SentenceResult {
  const text = s.norm.text;
  // one scan of the sentence for the literals of every rule and whole-sentence frame
  const marks = opts.prefilter ? dict.gate.candidates(text) : undefined;
  const frameMarks = marks?.rules;
  const mentionsEv = anyFrame(dict.scope.ev, text, frameMarks) !== undefined;
  const offers = anyFrame(dict.scope.offer, text, frameMarks) !== undefined;
  const unrelated = anyFrame(dict.scope.unrelated, text, frameMarks) !== undefined;
  // (no named closures here: tsx names each one per call, which costs more than the rest of a plain sentence)
  let tokens: Token[] | undefined;
  // The naive path tokenizes every sentence; the prefilter must not change what is found.
  if (!opts.prefilter && needsTokens(dict, text, false)) tokens = opts.tokenize(text);
  const result: SentenceResult = { claims: [], disclosures: [], mentionsEv, offers, unrelated, tokenized: false };

  if (unrelated && !mentionsEv) return done(result, tokens);

  const raw: { rule: CompiledRule; spans: Span[] }[] = [];
  // A rule's `unless` is read outside the clauses of a disclaimer (below); the
  // gate reads it on the whole sentence to skip token-only rules, so in the few
  // sentences holding a disclaimer the gate's rule marks are not used (token triggers still are).
  const disclaimer = anyFrame(dict.frames.disclaimer, text, frameMarks) !== undefined;
  const gated = marks !== undefined && !disclaimer;
  const rules = dict.rules;
  for (let index = 0; index < rules.length; index++) {
    if (gated && !marks.rules[index]) continue;
    const rule = rules[index]!;
    // filled in place: most runs find nothing, and a spread of an empty result still costs a call
    const spans: Span[] = [];
    const first = dict.gate.patternStart[index]!;
    for (let j = 0; j < rule.patterns.length; j++) {
      // a candidate rule runs only those of its patterns whose literals occur
      if (gated && !marks.patterns[first + j]) continue;
      const p = rule.patterns[j]!;
      if (p.kind === 'regex') regexSpans(p.re, text, spans);
      else if (p.kind === 'all') spans.push(...coOccurrence(p.parts, p.within, text));
      else if (gated || !opts.prefilter || hasTrigger(p, text)) {
        spans.push(...tokenSpans(p.seq, (tokens ??= opts.tokenize(text))));
      }
    }
    if (spans.length) raw.push({ rule, spans });
  }
  // an FAQ question asks about side effects or approval: it neither claims nor discloses
  if (raw.length === 0 || anyFrame(dict.frames.question, text, frameMarks)) return done(result, tokens);
  // a sentence quoting claims to warn still provides what it discloses
  const warning = anyFrame(dict.frames.warning, text, frameMarks) !== undefined;
  // a sentence that states the disclosure requirement (明示すること, checklists) provides nothing
  const requirement = anyFrame(dict.frames.requirement, text, frameMarks) !== undefined;
  // research, trials and diagnostics name diseases without offering a treatment for them
  const notTreatment = anyFrame(dict.scope.notTreatment, text, frameMarks) !== undefined;
  // a disclaimer (※個人の感想であり…保証するものではありません) covers its own clause only:
  // claims there are cancelled, and its words are no context (`unless`) for the other clauses
  const breaks = clauseBreaks(text);
  const disclaimed = disclaimer ? frameClauses(dict.frames.disclaimer, text, breaks) : [];
  const unlessText = disclaimed.length ? maskSpans(text, disclaimed) : text;
  const hedged = anyFrame(dict.frames.hedge, text, frameMarks) !== undefined;

  for (const { rule, spans } of raw) {
    if (warning && !rule.disclosure) continue;
    if (requirement && rule.disclosure) continue;
    if (notTreatment && rule.category === 'disease-claim') continue;
    if (matchesAny(rule.unless, unlessText)) continue;
    const best = standingSpan(spans, text, { negatable: rule.negatable, negation: dict.frames.negation, disclaimed, breaks });
    if (!best) continue;
    const orig = toOriginalSpan(s.norm, best.start, best.end);
    const lower = hedged && rule.hedge === 'lower';
    const hit: RuleHit = { rule, start: orig.start, end: orig.end, severity: lower ? 'low' : rule.severity, hedged: lower };
    (rule.disclosure ? result.disclosures : result.claims).push(hit);
  }
  return done(result, tokens);
}
