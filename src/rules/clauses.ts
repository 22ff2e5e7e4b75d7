// Clauses of a normalized sentence: a disclaimer or a negation covers only the
// clause it stands in (「副作用はほとんどありませんが、効果を保証するものではありません」
// disclaims the effect, not the safety claim before が、). One-sentence rules
// (match.ts) and the parts of linked rules (linked.ts) are judged the same way.
import { anyFrame } from './compile.ts';
import type { Frame } from './compile.ts';

export interface Span {
  start: number;
  end: number;
}

/** The non-empty matches of `re` (a global regex) in `text`, appended to `out` (returned). */
export function regexSpans(re: RegExp, text: string, out: Span[] = []): Span[] {
  // exec on the regex itself: matchAll would clone it on every call, and most
  // candidate patterns do not match, which exec answers without allocating
  if (!re.global) throw new Error(`regexSpans needs a global regex: /${re.source}/`);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > m.index) out.push({ start: m.index, end });
    // an empty match: step past it (a whole surrogate pair in unicode mode)
    else re.lastIndex = end + (re.unicode && isPairAt(text, end) ? 2 : 1);
  }
  return out;
}

function isPairAt(text: string, i: number): boolean {
  return (text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** Whether any of the regexes matches the text. */
export function matchesAny(res: readonly RegExp[], text: string): boolean {
  for (const re of res) {
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}

const CLAUSE_BREAK = /[。!?※\n]|(?:が|けれど|けど|ものの)[、,]\s?|ただし[、,]?\s?/g;

/** Where one clause ends and the next begins. */
export function clauseBreaks(text: string): Span[] {
  return regexSpans(CLAUSE_BREAK, text);
}

/** Where the clause holding offset `at` ends (its break included). */
export function clauseEnd(breaks: readonly Span[], at: number, length: number): number {
  for (const b of breaks) if (b.start >= at) return b.end;
  return length;
}

/** The clauses holding a match of any of the frames. */
export function frameClauses(frames: readonly Frame[], text: string, breaks: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const f of frames) {
    if (f.literals && !f.literals.some((l) => text.includes(l))) continue;
    for (const m of regexSpans(f.re, text)) {
      let start = 0;
      let end = text.length;
      for (const b of breaks) {
        if (b.end <= m.start) start = b.end;
        else if (b.start >= m.end) {
          end = b.start;
          break;
        }
      }
      out.push({ start, end });
    }
  }
  return out;
}

/** The text with the given spans blanked out (a 。 per unit, so no pattern reads across them). */
export function maskSpans(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const sp of spans) out = out.slice(0, sp.start) + '。'.repeat(sp.end - sp.start) + out.slice(sp.end);
  return out;
}

/**
 * The earliest (then longest) span that stands as asserted: for a negatable
 * rule, not inside a disclaimed clause and not followed in its clause by a
 * negation frame (the rest of the match's clause only, not
 * 「…ありませんが、効果を保証するものではありません」).
 */
export function standingSpan(
  spans: readonly Span[],
  text: string,
  clauses: { negatable: boolean; negation: readonly Frame[]; disclaimed: readonly Span[]; breaks: readonly Span[] },
): Span | undefined {
  let best: Span | undefined;
  for (const sp of spans) {
    if (clauses.negatable) {
      if (clauses.disclaimed.some((c) => sp.start < c.end && sp.end > c.start)) continue;
      if (anyFrame(clauses.negation, text.slice(sp.end, clauseEnd(clauses.breaks, sp.end, text.length)))) continue;
    }
    if (!best || sp.start < best.start || (sp.start === best.start && sp.end > best.end)) best = sp;
  }
  return best;
}
