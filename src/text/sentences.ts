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

// A line break inside a sentence: Japanese pages break lines by hand for the
// layout (<br> mid-sentence), and a claim cut in two is a claim lost. A line
// joins the next when either side shows the sentence going on, and the next
// line does not start an item of its own (list, note, price, Q/A, label: value).
// Headings (…とは, …について), menus and label lines end on a noun or a
// heading form, and the line after them does not start with a particle or an
// ending, so they stay apart.

// The line ends open: a comma; a particle, but not the heading form …とは (ことは
// is prose), and と only after a noun, a quote or a plain form, not the と of
// こと / ひと / あと that end labels (未承認医薬品等であること); an adverbial or
// conjunctive particle (見違えるほど / 続けるだけ / シミなど / けど / ながら); a
// te-form (使用して / 若返って) but not the heading forms について, に関して …;
// a na-adjective before its noun (安全な); or an adverb that needs its predicate
// (後遺症が必ず / 改善します, 肌がみるみる / 明るく).
const OPEN_LINE_END =
  /(?:[、,，]|必ず|きっと|とても|もっと|ずっと|かなり|すっかり|ぐっと|ますます|どんどん|みるみる|決して|全く|まったく|ほとんど|一切|[のをがにでやも]|(?:[^\p{Script=Hiragana}]|[るただいすっ])と|(?<!(?<!こ)と)は|ほど|くらい|ぐらい|だけ|ずつ|ばかり|けれど|ながら|(?<!つい|関し|対し|際し|おい|あたっ|当たっ|向け)て|な)[ \t\u3000]*$/u;
// Ends that need a noun or a verb after them: the next line goes with them even
// when it looks like a label (患者様の / 声：…).
const DANGLING_END = /[のを][ \t\u3000]*$/u;
// The next line starts where no sentence or item can: a one-kana particle before
// a non-kana (は安全です, が期待できます; not はじめに, がん, にきび, とても), を, a small
// kana or ー, or an ending / auxiliary (ありません, ます, です, いただけます, される,
// して, という …). Words that can open a sentence (からだ, より良い, ほどよい,
// なるほど, ありがとう) are left out.
const CONTINUATION_START =
  /^[ \t\u3000]*(?:[はがにでともへやの](?![\p{Script=Hiragana}ー])|[をっゃゅょんー、，]|から(?!だ)|まで|など|だけ|ので|のに|ます|ません|ました|です|でした|でしょう|ない|なく|なかっ|なる(?!ほど)|なり(?:ま|[、，,])|なっ|あり(?:ま|[、，,])|ございま|おり(?:ま|[、，,])|いたしま|いただ|います|いません|いました|いう|いった|いわれ|ください|られ|れ(?:る|ます|ません|た)|され|させ|して|でき(?:ます|ません|る(?!だけ|限り|かぎり)|た|ない|ず))/u;
// The next line starts an item of its own: a bullet, number, bracket, note,
// price or Q/A mark; or it is a label line, a short label before a colon
// (費用：…, 院長：…).
const ITEM_START = /^[ \t\u3000]*(?:$|[・●○■□◆◇▶▷►▼▽▲△※*＊\-‐－–—•◎☆★✓✔✅〇→⇒♦♪〒¥￥$0-9０-９①-⑳(（【「『#＃>＞|｜]|[QqＱｑAaＡａ](?=[.．:：、)）\s\d]))/u;
// A line opening with a quoted phrase and a particle after it: part of a sentence.
const QUOTE_IN_PROSE = /^[ \t\u3000]*[「『][^「」『』\n]{1,40}[」』](?:として|という|とは|と|を|が|は|に|で|の|も|や|など)/u;
const LABEL_START = /^[ \t\u3000]*[^\s。、:：()（）「」【】]{1,12}[:：]/u;
// Lines that open a list rather than a sentence: 「こんなお悩みに」「このような方は」
// head the items below them; and an item line of short words joined by ・ or ／
// with no sentence end (シミ・そばかす, 頭頂部・生え際の薄毛が気になる).
const LIST_INTRO = /^[ \t\u3000]*[^\p{L}\p{N}]{0,2}(?:こんな|このような|こういった|こういう|そんな|以下の|次の)[^\n]{0,16}[にはへ][ \t\u3000]*$/u;
const WORD_LIST = /^[ \t\u3000]*[^\s。、,，・／/]{1,12}(?:[・／/][^。、,，・／/]{1,12})+[ \t\u3000]*$/u;

/** Longer than any end form or intro line the tests look at. */
const TAIL = 40;

/** Whether a sentence that has reached a line break (`before`, from its start) goes on into `next`. */
export function joinsLines(before: string, next: string): boolean {
  // the end tests need only the tail: a sentence joined over many lines stays linear
  const tail = before.length > TAIL ? before.slice(-TAIL) : before;
  // a quoted name the sentence goes on with (…培養液を、「エクソソーム点滴」として): a quote
  // followed by a particle is no item, and an open end needs it
  if (QUOTE_IN_PROSE.test(next)) return tail.trim().length >= 2 && OPEN_LINE_END.test(tail);
  if (ITEM_START.test(next)) return false;
  // a lone kana or mark is no sentence to go on with
  if (tail.trim().length < 2) return false;
  if (CONTINUATION_START.test(next)) return true;
  if (!OPEN_LINE_END.test(tail)) return false;
  if (DANGLING_END.test(tail)) return true;
  return !LABEL_START.test(next) && !WORD_LIST.test(next) && !(before.length <= TAIL && LIST_INTRO.test(before));
}

/**
 * Whether a block of text ending in `before` runs on into the next block starting with
 * `next`: the same join as for lines, and `before` must end open (a comma, a particle, a
 * te-form, an adverb), since blocks are items more often than lines are.
 */
export function joinsBlocks(before: string, next: string): boolean {
  const tail = before.length > TAIL ? before.slice(-TAIL) : before;
  return OPEN_LINE_END.test(tail) && joinsLines(before, next);
}

function continuesLine(text: string, start: number, nl: number): boolean {
  let next = nl + 1;
  if (text.charCodeAt(nl) === 0x0d && text.charCodeAt(next) === 0x0a) next++;
  const end = text.indexOf('\n', next);
  return joinsLines(text.slice(start, nl), text.slice(next, end < 0 ? text.length : end));
}

// Who said it, after a review or a voice, to the end of the line: 「…違いました！（20代・会社員）」,
// 「…でした。（40代女性）」, 「…でした。— 30代・主婦」, 「…」（ご家族様より）. It belongs to the
// sentence it attributes (a review is judged with its reviewer). A bracket that holds a
// sentence end or names nobody (（なお、…。）, （税込）, （2024年3月）) starts a sentence as before.
const ATTRIBUTION = /^[ \t\u3000]*(?:[（(][^（()）\n。！？!?]{1,24}[）)]|[—―–－‐-]{1,2}[ \t\u3000]*[^\s。！？!?（()）][^\n。！？!?（()）]{0,19})[ \t\u3000]*(?=$|[\r\n※])/u;
const WHO =
  /[0-9０-９]{1,3}[ \t\u3000]*(?:代|歳|才)|男性|女性|様|さん|氏|会社員|主婦|主夫|学生|OL|ＯＬ|自営業|パート|公務員|看護師|経営者|ご家族|患者|お客|匿名|[A-ZＡ-Ｚ][・.．][ \t\u3000]*[A-ZＡ-Ｚ]/u;

/** Units of a reviewer's attribution at `j` (0 when there is none). */
function attributionAt(text: string, j: number): number {
  if (j >= text.length) return 0;
  const c = text.charCodeAt(j);
  // only a bracket or a dash, maybe after spaces, can open one
  if (c !== 0xff08 && c !== 0x28 && !(c >= 0x2010 && c <= 0x2015) && c !== 0xff0d && c !== 0x2d && c !== 0x20 && c !== 0x3000 && c !== 0x09) return 0;
  const m = ATTRIBUTION.exec(text.slice(j, j + 64));
  // the line must end where the match does, not merely the slice
  if (!m || (j + m[0].length === j + 64 && j + 64 < text.length)) return 0;
  return WHO.test(m[0]) ? m[0].length : 0;
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
    j += attributionAt(text, j);
    pushTrimmed(out, text, start, j);
    start = j;
    ends.lastIndex = j;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}
