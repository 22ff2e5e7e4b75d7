// Pairs the parts of linked rules (src/rules/linked.ts) over a page's sentences:
// a `first` part, then a `then` part in one of the next `within` sentences of
// the same block or section. Runs only on pages where some sentence holds a
// part; each candidate pair is judged with the frames of negation.yaml on both
// sentences, the rule's `unless` on both, `unlessNear` around them.
//
// The finding quotes the two sentences: next to each other in one block, the
// block's own text; in two blocks, joined by a space; with sentences between
// them, joined by " … " (the skipped sentences are not quoted). `start`/`end`
// mark from the first part to the end of the then part, so `match` reads the
// claim as the page tells it; `block` is the first sentence's.
import type { Block, Category, Finding } from '../model.ts';
import type { Dictionaries } from '../rules/load.ts';
import { matchesAny } from '../rules/clauses.ts';
import type { Span } from '../rules/clauses.ts';
import { FIRST, THEN, isQuestion, judgePart, partSpans } from '../rules/linked.ts';
import type { LinkedRule } from '../rules/linked.ts';
import type { PreparedSentence } from '../rules/match.ts';
import type { BlockSection } from './sections.ts';

export interface LinkSentence {
  prepared: PreparedSentence;
  /** Index of its block. */
  at: number;
  /** Offsets of the sentence in its block's text. */
  start: number;
  end: number;
}

export interface LinkInput {
  sentences: readonly LinkSentence[];
  /** Per sentence i and linked rule r, at i * rules + r: the parts that may match there (FIRST | THEN bits). */
  parts: Uint8Array;
  /** Per sentence: 1 when its claims count (in scope, content rather than menu, title or meta). */
  eligible: Uint8Array;
  /** Per sentence: what one-sentence rules found there (a pair adds nothing to a category found in either sentence). */
  results: readonly { claims: readonly { rule: { category: Category } }[] }[];
  blocks: readonly Block[];
  sections: readonly BlockSection[];
  url: string;
}

/** A footnote line (※…, ＊…, 注…) right after a section still belongs to it. */
const FOOTNOTE = /^\s*(※|＊|\*|注[:：)）\d１-９]|\(注|（注)/;

/** The unit of each block for section scope: its section, footnote blocks after a section joined to it. */
function sectionUnits(blocks: readonly Block[], sections: readonly BlockSection[]): Int32Array {
  const units = new Int32Array(blocks.length);
  for (let b = 0; b < blocks.length; b++) {
    const own = sections[b]!.section;
    const prev = b > 0 ? units[b - 1]! : own;
    units[b] = own !== prev && prev >= 0 && FOOTNOTE.test(blocks[b]!.text) ? prev : own;
  }
  return units;
}

function claims(input: LinkInput, i: number, category: Category): boolean {
  for (const h of input.results[i]!.claims) if (h.rule.category === category) return true;
  return false;
}

/** Sentence i may hold the part (bit) of rule r: marked, counting, no claim of the category there yet. */
function may(input: LinkInput, used: ReadonlySet<number>, rule: LinkedRule, r: number, n: number, i: number, bit: number): boolean {
  return (input.parts[i * n + r]! & bit) !== 0 && input.eligible[i] === 1 && !used.has(i) && !claims(input, i, rule.category);
}

/** The unit (block or section) sentence i stands in for the rule's scope. */
function unitOf(rule: LinkedRule, input: LinkInput, units: Int32Array, i: number): number {
  const at = input.sentences[i]!.at;
  return rule.scope === 'block' ? at : units[at]!;
}

export function linkedFindings(dict: Dictionaries, input: LinkInput): Finding[] {
  const { sentences } = input;
  const out: Finding[] = [];
  const n = dict.linked.length;
  const units = sectionUnits(input.blocks, input.sections);
  // a sentence takes part in one linked finding per category (two rules may see one claim)
  const used = new Map<Category, Set<number>>();
  for (let r = 0; r < n; r++) {
    const rule = dict.linked[r]!;
    const usedHere = used.get(rule.category) ?? new Set<number>();
    used.set(rule.category, usedHere);
    let usedThen = -1;
    // the regexes run only here, on candidates the gate let through, once per sentence and part
    const thenSpans = new Map<number, Span[]>();
    for (let i = 0; i < sentences.length; i++) {
      if (!may(input, usedHere, rule, r, n, i, FIRST)) continue;
      const unit = unitOf(rule, input, units, i);
      let first: Span[] | undefined;
      for (let j = i + 1; j <= i + rule.within && j < sentences.length; j++) {
        // an asked first part is answered before the next question, or not at all
        if (rule.firstIsQuestion && isQuestion(dict, sentences[j]!.prepared)) break;
        if (j <= usedThen || !may(input, usedHere, rule, r, n, j, THEN) || unitOf(rule, input, units, j) !== unit) continue;
        const a = sentences[i]!;
        const b = sentences[j]!;
        first ??= partSpans(rule, FIRST, a.prepared.norm.text);
        if (first.length === 0) break;
        let then = thenSpans.get(j);
        if (!then) thenSpans.set(j, (then = partSpans(rule, THEN, b.prepared.norm.text)));
        if (then.length === 0) continue;
        if (rule.either.length && !matchesAny(rule.either, a.prepared.norm.text) && !matchesAny(rule.either, b.prepared.norm.text)) continue;
        const fv = judgePart(dict, rule, a.prepared, first, rule.firstIsQuestion);
        if (!fv) break;
        const tv = judgePart(dict, rule, b.prepared, then);
        if (!tv) continue;
        if (rule.unlessNear.length && nearCancels(rule, input, units, i, j)) continue;
        out.push(findingOf(rule, a, b, i, j, fv, tv, input));
        usedThen = j;
        usedHere.add(i).add(j);
        break;
      }
    }
  }
  return out;
}

function nearCancels(rule: LinkedRule, input: LinkInput, units: Int32Array, i: number, j: number): boolean {
  const unit = unitOf(rule, input, units, i);
  for (let k = Math.max(0, i - rule.within); k <= j + rule.within && k < input.sentences.length; k++) {
    if (unitOf(rule, input, units, k) === unit && matchesAny(rule.unlessNear, input.sentences[k]!.prepared.norm.text)) return true;
  }
  return false;
}

function findingOf(
  rule: LinkedRule,
  a: LinkSentence,
  b: LinkSentence,
  i: number,
  j: number,
  fv: { start: number; end: number; hedged: boolean },
  tv: { start: number; end: number; hedged: boolean },
  input: LinkInput,
): Finding {
  let passage: string;
  let thenAt: number;
  if (a.at === b.at && j === i + 1) {
    passage = input.blocks[a.at]!.text.slice(a.start, b.end);
    thenAt = b.start - a.start;
  } else {
    const sep = j === i + 1 ? ' ' : ' … ';
    passage = a.prepared.original + sep + b.prepared.original;
    thenAt = a.prepared.original.length + sep.length;
  }
  const start = fv.start;
  const end = thenAt + tv.end;
  const hedged = fv.hedged || tv.hedged;
  const f: Finding = {
    category: rule.category,
    rule: rule.id,
    severity: hedged ? 'low' : rule.severity,
    sentence: passage,
    match: passage.slice(start, end),
    start,
    end,
    url: input.url,
    block: input.blocks[a.at]!.path,
  };
  if (hedged) f.hedged = true;
  return f;
}
