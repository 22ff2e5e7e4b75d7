// Patterns are written once, in canonical form, and run on normalized text;
// the evidence must still show the page's own wording, so every normalized
// UTF-16 unit remembers the original range it came from.

export interface NormalizedText {
  /** NFKC, lower-cased, whitespace runs collapsed, variants replaced. */
  text: string;
  /** For each unit of `text`: start of its source range in the original. */
  origStart: readonly number[];
  /** For each unit of `text`: end (exclusive) of its source range in the original. */
  origEnd: readonly number[];
  /** The original length, for empty spans at the end. */
  originalLength: number;
}

/** Compiled `variants:` of variants.yaml: variant (already normalized) → canonical. */
export interface VariantTable {
  pattern: RegExp | null;
  canonical: Map<string, string>;
}

const SPACE = /\s/u;
const LATIN = /[a-z0-9]/;
const MARK = /^\p{M}$/u;

// Per BMP code unit, lazily: 1 = unchanged by NFKC and lower-casing and not a
// space (most kana and kanji: copied as is), 2 = needs the slow path.
const simple = new Uint8Array(0x10000);
// Per BMP code unit, lazily: 1 = a mark NFKC may fold into the character
// before it (combining marks, half-width ﾞﾟ), 2 = not.
const mark = new Uint8Array(0x10000);

function isSimple(c: number): boolean {
  if (simple[c] === 0) {
    const ch = String.fromCharCode(c);
    const surrogate = c >= 0xd800 && c <= 0xdfff;
    simple[c] = !surrogate && ch.normalize('NFKC') === ch && ch.toLowerCase() === ch && !SPACE.test(ch) && !isMark(c) ? 1 : 2;
  }
  return simple[c] === 1;
}

function isMark(c: number): boolean {
  if (mark[c] === 0) mark[c] = c === 0xff9e || c === 0xff9f || MARK.test(String.fromCharCode(c)) ? 1 : 2;
  return mark[c] === 1;
}

interface Stage {
  text: string;
  origStart: number[];
  origEnd: number[];
}

// A segment is a base character plus the marks NFKC may fold into it:
// normalizing it alone gives the same result as in context, and its output
// maps to all of it.
function foldSegments(input: string): Stage {
  let text = '';
  const origStart: number[] = [];
  const origEnd: number[] = [];
  let lastWasSpace = false;
  const n = input.length;
  let i = 0;
  while (i < n) {
    // copy a run of simple characters in one piece
    const runStart = i;
    while (i < n && isSimple(input.charCodeAt(i)) && (i + 1 >= n || !isMark(input.charCodeAt(i + 1)))) {
      origStart.push(i);
      origEnd.push(i + 1);
      i++;
    }
    if (i > runStart) {
      text += input.slice(runStart, i);
      lastWasSpace = false;
      continue;
    }
    const c = input.charCodeAt(i);
    const start = i;
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    let end = i + (pair ? 2 : 1);
    while (end < n && isMark(input.charCodeAt(end))) end++;
    i = end;
    const out = input.slice(start, end).normalize('NFKC').toLowerCase();
    for (const ch of out) {
      if (SPACE.test(ch)) {
        if (lastWasSpace) {
          // widen the kept space to the whole run
          origEnd[origEnd.length - 1] = end;
          continue;
        }
        lastWasSpace = true;
        text += ' ';
        origStart.push(start);
        origEnd.push(end);
        continue;
      }
      lastWasSpace = false;
      text += ch;
      for (let k = 0; k < ch.length; k++) {
        origStart.push(start);
        origEnd.push(end);
      }
    }
  }
  return { text, origStart, origEnd };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds the variant table; keys are normalized the same way as the text they will meet. */
export function compileVariants(variants: Record<string, readonly string[]>): VariantTable {
  const canonical = new Map<string, string>();
  for (const [canon, list] of Object.entries(variants)) {
    const target = foldSegments(canon).text;
    for (const v of list) {
      const key = foldSegments(v).text;
      if (key && key !== target) canonical.set(key, target);
    }
  }
  if (canonical.size === 0) return { pattern: null, canonical };
  // Longest variant first so that 上澄み液 wins over 上澄み. A variant that
  // starts or ends with a Latin letter must not be cut out of a longer word
  // ("evs" inside "devs").
  const alts = [...canonical.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((k) => {
      const head = LATIN.test(k[0] ?? '') ? '(?<![a-z0-9])' : '';
      const tail = LATIN.test(k[k.length - 1] ?? '') ? '(?![a-z0-9])' : '';
      return head + escapeRegExp(k) + tail;
    });
  return { pattern: new RegExp(alts.join('|'), 'gu'), canonical };
}

const NO_VARIANTS: VariantTable = { pattern: null, canonical: new Map() };

export function normalize(input: string, variants: VariantTable = NO_VARIANTS): NormalizedText {
  const folded = foldSegments(input);
  let { text, origStart, origEnd } = folded;
  const re = variants.pattern;
  if (re) re.lastIndex = 0;
  // most sentences hold no variant: keep the folded maps as they are
  if (re?.test(folded.text)) {
    re.lastIndex = 0;
    let out = '';
    const s: number[] = [];
    const e: number[] = [];
    let last = 0;
    for (const m of folded.text.matchAll(re)) {
      const at = m.index;
      for (let i = last; i < at; i++) {
        s.push(folded.origStart[i]!);
        e.push(folded.origEnd[i]!);
      }
      out += folded.text.slice(last, at);
      const canon = variants.canonical.get(m[0]) ?? m[0];
      const from = folded.origStart[at]!;
      const to = folded.origEnd[at + m[0].length - 1]!;
      for (let k = 0; k < canon.length; k++) {
        s.push(from);
        e.push(to);
      }
      out += canon;
      last = at + m[0].length;
    }
    for (let i = last; i < folded.text.length; i++) {
      s.push(folded.origStart[i]!);
      e.push(folded.origEnd[i]!);
    }
    out += folded.text.slice(last);
    text = out;
    origStart = s;
    origEnd = e;
  }
  return { text, origStart, origEnd, originalLength: input.length };
}

/** Maps a span of the normalized text back to the span of the original it came from. */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (start >= n.text.length) return { start: n.originalLength, end: n.originalLength };
  const s = n.origStart[start]!;
  if (end <= start) return { start: s, end: s };
  return { start: s, end: n.origEnd[Math.min(end, n.text.length) - 1]! };
}
