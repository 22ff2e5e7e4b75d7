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
const CLOSERS_AFTER_END = new Set(['」', '』', '）', ')', '】', '”', '"', '’', '!', '?', '！', '？', '。']);
/** A bracket longer than this is prose in parentheses, not a quoted phrase: split inside it. */
const SHORT_BRACKET = 80;

const BRACKETS = /[「『（(【“」』）)】”\n]/g;
const OPENER = /[「『（(【“]/;

/** Ranges inside short, closed brackets where a sentence end does not split (null: none). */
function protectedRanges(text: string): Uint8Array | null {
  if (!OPENER.test(text)) return null;
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

// Per BMP unit, lazily: 1 = matches /\s/u, 2 = does not (all of \s is in the BMP).
const space = new Uint8Array(0x10000);
const SPACE = /\s/u;

function isSpace(c: number): boolean {
  if (space[c] === 0) space[c] = SPACE.test(String.fromCharCode(c)) ? 1 : 2;
  return space[c] === 1;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

// Only these units can end a sentence: the scan jumps from one to the next.
// A note mark ※ outside brackets starts a note of its own (「…」※個人の感想です):
// a disclaimer in the note must not be read with the sentence before it.
const ENDS = /[\n\r。！？!?｡.※]/g;

// A line break inside a sentence (a paragraph wrapped by hand): the line ends with a
// comma or a case particle and the next line goes on as prose, not as a list item.
// Headings (…とは, …について) and menu lines do not end so.
const OPEN_LINE_END = /(?:[、,，]|(?<!と)[のをがにではやも])[ \t\u3000]*$/u;
const LIST_START = /^[ \t\u3000]*(?:$|[・●○■□◆◇▶▷►※*＊\-‐－–—•◎☆★✓✔〇0-9０-９①-⑳(（【「『#＃>＞|｜Qq])/u;

function continuesLine(text: string, start: number, nl: number): boolean {
  const line = text.slice(start, nl);
  if (!OPEN_LINE_END.test(line) || line.trim().length < 4) return false;
  let next = nl + 1;
  if (text.charCodeAt(nl) === 0x0d && text.charCodeAt(next) === 0x0a) next++;
  const end = text.indexOf('\n', next);
  const nextLine = text.slice(next, end < 0 ? text.length : end);
  return !LIST_START.test(nextLine);
}

export function splitSentences(text: string): Sentence[] {
  const inside = protectedRanges(text);
  const out: Sentence[] = [];
  let start = 0;
  const ends = new RegExp(ENDS);
  let m: RegExpExecArray | null;
  while ((m = ends.exec(text)) !== null) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (continuesLine(text, start, i)) {
        if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) ends.lastIndex = i + 2;
        continue;
      }
      pushTrimmed(out, text, start, i);
      start = i + 1;
      continue;
    }
    if (inside?.[i]) continue;
    if (c === 0x203b) {
      pushTrimmed(out, text, start, i);
      start = i;
      continue;
    }
    if (c === 0x2e && !isWesternEnd(text, i)) continue;
    let j = i + 1;
    while (j < text.length && CLOSERS_AFTER_END.has(text[j]!)) j++;
    pushTrimmed(out, text, start, j);
    start = j;
    ends.lastIndex = j;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}
