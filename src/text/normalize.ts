// Patterns are written once, in canonical form, and run on normalized text;
// the evidence must still show the page's own wording, so every normalized
// UTF-16 unit remembers the original range it came from.
//
// Only sentences with a finding ever need that map, so it is built on first
// use, by running the same fold again with recording on: one code path for
// the text and the map, nothing per unit allocated for the other sentences.

export interface NormalizedText {
  /** NFKC, lower-cased, whitespace runs collapsed (a line break between Japanese characters dropped), variants replaced. */
  readonly text: string;
  /** For each unit of `text`: start of its source range in the original. */
  readonly origStart: ArrayLike<number>;
  /** For each unit of `text`: end (exclusive) of its source range in the original. */
  readonly origEnd: ArrayLike<number>;
  /** The original length, for empty spans at the end. */
  readonly originalLength: number;
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

/** Offset arrays being recorded; null when only the text is wanted. */
class Maps {
  s: number[] = [];
  e: number[] = [];
  push(start: number, end: number): void {
    this.s.push(start);
    this.e.push(end);
  }
}

// NFKC + lower case of a lone BMP unit (no marks after it), per unit, lazily.
const foldedUnit: (string | undefined)[] = [];

function foldUnit(c: number): string {
  return (foldedUnit[c] ??= String.fromCharCode(c).normalize('NFKC').toLowerCase());
}

/**
 * Japanese writing: kana, kanji, CJK punctuation and brackets, full-width
 * punctuation, half-width katakana (by the first UTF-16 unit of a character).
 * Full-width letters and digits are Latin, not Japanese.
 */
export function isJapaneseUnit(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x30ff) || // CJK punctuation 、。「」〜, hiragana, katakana, ・ ー
    (c >= 0x2e80 && c <= 0x2fdf) || // radicals
    (c >= 0x31f0 && c <= 0x4dbf) || // katakana extension, enclosed ㈱, compatibility ㍻ ㌔, kanji extension A
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd840 && c <= 0xd8bf) || // high surrogates of kanji in planes 2 and 3
    (c >= 0xff01 && c <= 0xff0f) || // full-width ！（）、．／ …
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff9f) // full-width ｛～, half-width ｡｢｣､･ and katakana
  );
}

// A segment is a base character plus the marks NFKC may fold into it:
// normalizing it alone gives the same result as in context, and its output
// maps to all of it.
//
// A whitespace run becomes one space mapped to the whole run, except a line
// break between two Japanese characters, which goes: Japanese puts no space
// between words, so a sentence wrapped by hand (<br> inside it, joined again by
// the sentence splitter) must read as if unbroken, or 「…心配が ありません」
// escapes every pattern. Spaces on one line stay, full-width ones too: in
// 「院長 山田太郎」 or a menu line 「エクソソーム点滴 幹細胞上清液点滴」 they
// separate items. (Measured: dropping them as well changed no finding on the
// dev set, the blind sets or the fixture pages, where 553 of 8,513 page
// sentences hold such a space, all of them separators like these.)
function foldSegments(input: string, maps: Maps | null): string {
  const n = input.length;
  // a simple unit is never a mark, so an all-simple text folds to itself
  let k = 0;
  while (k < n && isSimple(input.charCodeAt(k))) k++;
  if (k === n && !maps) return input;

  let text = '';
  // a whitespace run not yet written: its source range, whether it holds a line
  // break, and the (first unit of the) character written before it
  let spaceStart = -1;
  let spaceEnd = -1;
  let spaceBreak = false;
  let spacePrev = -1;
  // the first unit of the last character written
  let prev = -1;
  let i = 0;
  while (i < n) {
    // copy a run of simple characters in one piece
    const runStart = i;
    while (i < n && isSimple(input.charCodeAt(i)) && (i + 1 >= n || !isMark(input.charCodeAt(i + 1)))) i++;
    if (i > runStart) {
      if (spaceStart >= 0) {
        if (keepsSpace(spaceBreak, spacePrev, input.charCodeAt(runStart))) {
          text += ' ';
          if (maps) maps.push(spaceStart, spaceEnd);
        }
        spaceStart = -1;
      }
      if (maps) for (let u = runStart; u < i; u++) maps.push(u, u + 1);
      text += runStart === 0 && i === n ? input : input.slice(runStart, i);
      prev = input.charCodeAt(i - 1);
      continue;
    }
    const c = input.charCodeAt(i);
    const start = i;
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    let end = i + (pair ? 2 : 1);
    while (end < n && isMark(input.charCodeAt(end))) end++;
    i = end;
    const out = end === start + 1 ? foldUnit(c) : input.slice(start, end).normalize('NFKC').toLowerCase();
    for (const ch of out) {
      if (SPACE.test(ch)) {
        if (spaceStart < 0) {
          spaceStart = start;
          spaceBreak = false;
          spacePrev = prev;
        }
        // widen the pending space to the whole run
        spaceEnd = end;
        if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) spaceBreak = true;
        continue;
      }
      if (spaceStart >= 0) {
        if (keepsSpace(spaceBreak, spacePrev, c)) {
          text += ' ';
          if (maps) maps.push(spaceStart, spaceEnd);
        }
        spaceStart = -1;
      }
      prev = c;
      text += ch;
      if (maps) for (let u = 0; u < ch.length; u++) maps.push(start, end);
    }
  }
  if (spaceStart >= 0) {
    text += ' ';
    if (maps) maps.push(spaceStart, spaceEnd);
  }
  return text;
}

/** A whitespace run stays (as one space) unless it is a line break between two Japanese characters. */
function keepsSpace(lineBreak: boolean, before: number, after: number): boolean {
  return !lineBreak || before < 0 || !isJapaneseUnit(before) || !isJapaneseUnit(after);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds the variant table; keys are normalized the same way as the text they will meet. */
export function compileVariants(variants: Record<string, readonly string[]>): VariantTable {
  const canonical = new Map<string, string>();
  for (const [canon, list] of Object.entries(variants)) {
    const target = foldSegments(canon, null);
    for (const v of list) {
      const key = foldSegments(v, null);
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

/** Replaces variants in folded text; records the maps from `fold` (the maps of `folded`) when given. */
function replaceVariants(folded: string, variants: VariantTable, fold: Maps | null, maps: Maps | null): string {
  const re = variants.pattern;
  if (re) re.lastIndex = 0;
  // most sentences hold no variant: keep the folded text (and maps) as they are
  if (!re?.test(folded)) {
    if (fold && maps) {
      maps.s = fold.s;
      maps.e = fold.e;
    }
    return folded;
  }
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (const m of folded.matchAll(re)) {
    const at = m.index;
    if (fold && maps) for (let i = last; i < at; i++) maps.push(fold.s[i]!, fold.e[i]!);
    out += folded.slice(last, at);
    const canon = variants.canonical.get(m[0]) ?? m[0];
    if (fold && maps) {
      const from = fold.s[at]!;
      const to = fold.e[at + m[0].length - 1]!;
      for (let k = 0; k < canon.length; k++) maps.push(from, to);
    }
    out += canon;
    last = at + m[0].length;
  }
  if (fold && maps) for (let i = last; i < folded.length; i++) maps.push(fold.s[i]!, fold.e[i]!);
  out += folded.slice(last);
  return out;
}

class Normalized implements NormalizedText {
  private maps: Maps | undefined;
  readonly originalLength: number;
  constructor(
    readonly text: string,
    private readonly input: string,
    private readonly variants: VariantTable,
  ) {
    this.originalLength = input.length;
  }
  /** Every unit of the text is the same unit of the input (all simple, nothing replaced). */
  identity(): boolean {
    if (this.text !== this.input) return false;
    for (let i = 0; i < this.input.length; i++) if (!isSimple(this.input.charCodeAt(i))) return false;
    return true;
  }
  private record(): Maps {
    if (!this.maps) {
      const fold = new Maps();
      const maps = new Maps();
      const text = replaceVariants(foldSegments(this.input, fold), this.variants, fold, maps);
      // the same passes as for the text: a mismatch is a bug, never a different answer
      if (text !== this.text || maps.s.length !== text.length) throw new Error('normalize: offset map out of step with the text');
      this.maps = maps;
    }
    return this.maps;
  }
  get origStart(): readonly number[] {
    return this.record().s;
  }
  get origEnd(): readonly number[] {
    return this.record().e;
  }
}

export function normalize(input: string, variants: VariantTable = NO_VARIANTS): NormalizedText {
  return new Normalized(replaceVariants(foldSegments(input, null), variants, null, null), input, variants);
}

/** Maps a span of the normalized text back to the span of the original it came from. */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (start >= n.text.length) return { start: n.originalLength, end: n.originalLength };
  // text that normalization left as it was (most Japanese prose) maps to itself: no map to build
  if (n instanceof Normalized && n.identity()) return end <= start ? { start, end: start } : { start, end: Math.min(end, n.text.length) };
  const s = n.origStart[start]!;
  if (end <= start) return { start: s, end: s };
  return { start: s, end: n.origEnd[Math.min(end, n.text.length) - 1]! };
}
