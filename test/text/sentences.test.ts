import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('splits on Japanese and Western sentence ends and newlines', () => {
    expect(texts('当院の点滴です。ご予約は不要！お気軽に？')).toEqual(['当院の点滴です。', 'ご予約は不要！', 'お気軽に？']);
    expect(texts('We offer care. Call us! 1.5 ml per vial')).toEqual(['We offer care.', 'Call us!', '1.5 ml per vial']);
    expect(texts('診療時間\n10:00〜19:00\r\n休診日 水曜')).toEqual(['診療時間', '10:00〜19:00', '休診日 水曜']);
  });

  it('does not split inside a short bracket and keeps closers with the sentence', () => {
    expect(texts('患者様より「とても楽になりました。また来ます！」との声。次の文。')).toEqual([
      '患者様より「とても楽になりました。また来ます！」との声。',
      '次の文。',
    ]);
    expect(texts('（注：個人差があります。）当院では…')).toEqual(['（注：個人差があります。）当院では…']);
    expect(texts('本当です！」次')).toEqual(['本当です！」', '次']);
  });

  it('starts a note of its own at a note mark outside brackets', () => {
    expect(texts('声：「膝が軽くなりました。」※感じ方には個人差があります。')).toEqual(['声：「膝が軽くなりました。」', '※感じ方には個人差があります。']);
    expect(texts('1回 22,000円 ※税込')).toEqual(['1回 22,000円', '※税込']);
    expect(texts('料金（※税込）のご案内')).toEqual(['料金（※税込）のご案内']);
  });

  it('splits inside a long or unclosed bracket', () => {
    const long = `（${'あ'.repeat(50)}。${'い'.repeat(50)}）`;
    expect(splitSentences(long)).toHaveLength(2);
    expect(texts('「閉じない。括弧')).toEqual(['「閉じない。', '括弧']);
  });

  it('joins a line that breaks mid-sentence (after 、 or a particle) but keeps headings and list lines apart', () => {
    const texts = (t: string) => splitSentences(t).map((s) => s.text);
    expect(texts('当院の点滴は、\n肩こりや\n冷えにお悩みの方に\nおすすめです。')).toEqual(['当院の点滴は、\n肩こりや\n冷えにお悩みの方に\nおすすめです。']);
    expect(texts('料金のご案内\n初回カウンセリング')).toEqual(['料金のご案内', '初回カウンセリング']);
    expect(texts('対象となる方は\n・40代以上の方\n・疲れやすい方')).toEqual(['対象となる方は', '・40代以上の方', '・疲れやすい方']);
  });

  it('gives offsets into the block', () => {
    const block = '  一文目。 二文目！\n三文目';
    for (const s of splitSentences(block)) expect(block.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n ')).toEqual([]);
  });
});

// The splitter jumps from one possible end to the next; this is the plain
// character-by-character reading of the same rules, as an oracle.
function reference(text: string): { text: string; start: number; end: number }[] {
  const openers = new Map([['「', '」'], ['『', '』'], ['（', '）'], ['(', ')'], ['【', '】'], ['“', '”']]);
  const inside = new Uint8Array(text.length);
  const stack: { close: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') stack.length = 0;
    else if (openers.has(ch)) stack.push({ close: openers.get(ch)!, at: i });
    else if ('」』）)】”'.includes(ch) && stack.length && stack[stack.length - 1]!.close === ch) {
      const top = stack.pop()!;
      if (i - top.at <= 80) inside.fill(1, top.at + 1, i);
    }
  }
  const out: { text: string; start: number; end: number }[] = [];
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
    if (ch === '※') {
      push(i);
      start = i;
      continue;
    }
    const next = text[i + 1];
    if ('。！？!?｡'.includes(ch) || (ch === '.' && (next === undefined || next === ' ' || next === '\t'))) {
      let j = i + 1;
      while (j < text.length && '」』）)】”"’!?！？。'.includes(text[j]!)) j++;
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}

describe('splitSentences against the plain reading', () => {
  it('agrees on random text made of ends, closers, brackets and spaces', () => {
    const pieces = ['あ', 'い', 'a', '1', '。', '！', '？', '!', '?', '｡', '.', '. ', '.\t', '」', '』', '）', ')', '】', '”', '"', '’',
      '「', '『', '（', '(', '【', '“', '\n', '\r', '\r\n', ' ', '　', '\t', '\u00a0', 'x'.repeat(90), '※'];
    let seed = 4242;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const n = Math.floor(rnd() * 60);
      for (let j = 0; j < n; j++) text += pieces[Math.floor(rnd() * pieces.length)];
      expect(splitSentences(text)).toEqual(reference(text));
    }
  });
});
