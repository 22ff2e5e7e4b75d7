// Sentences are the unit of a finding: a claim, its negation and its hedge
// must be judged together, and the evidence quotes one sentence.

export interface Sentence {
  text: string;
  /** Offsets into the block text: block.slice(start, end) === text. */
  start: number;
  end: number;
}

const OPENERS = new Map([
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
  ['“', '”'],
]);
const JA_ENDS = new Set(['。', '！', '？', '!', '?', '｡']);
const CLOSERS_AFTER_END = new Set(['」', '』', '）', ')', '】', '”', '"', '’', '!', '?', '！', '？', '。']);
/** A bracket longer than this is prose in parentheses, not a quoted phrase: split inside it. */
const SHORT_BRACKET = 80;

const BRACKETS = /[「『（(【“」』）)】”\n]/g;

/** Ranges inside short, closed brackets where a sentence end does not split. */
function protectedRanges(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  const stack: { close: string; at: number }[] = [];
  for (const m of text.matchAll(BRACKETS)) {
    const ch = m[0];
    const i = m.index;
    if (ch === '\n') {
      stack.length = 0;
      continue;
    }
    const close = OPENERS.get(ch);
    if (close) {
      stack.push({ close, at: i });
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && ch === top.close) {
      stack.pop();
      if (i - top.at <= SHORT_BRACKET) inside.fill(1, top.at + 1, i);
    }
  }
  return inside;
}

function isWesternEnd(text: string, i: number): boolean {
  // "." ends a sentence before whitespace or the end, not in 1.5 or example.com
  const next = text[i + 1];
  return next === undefined || next === ' ' || next === '\t';
}

export function splitSentences(text: string): Sentence[] {
  const inside = protectedRanges(text);
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') {
      push(i);
      start = i + 1;
      continue;
    }
    if (inside[i]) continue;
    if (JA_ENDS.has(ch) || (ch === '.' && isWesternEnd(text, i))) {
      let j = i + 1;
      while (j < text.length && CLOSERS_AFTER_END.has(text[j]!)) j++;
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}
