import { describe, expect, it } from 'vitest';
import { joinsLines, splitSentences } from '../../src/text/sentences.ts';

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

  // Lines broken by hand for the layout (<br> in the middle of a sentence).
  it('joins a line to the next when the line ends mid-phrase', () => {
    // adverbial particle, te-form, quotation と, na-adjective before its noun
    expect(texts('たった一度の施術で目元が見違えるほど\n明るくなります。')).toEqual(['たった一度の施術で目元が見違えるほど\n明るくなります。']);
    expect(texts('独自の技術で培養液を精製して\n作られた製剤です。')).toEqual(['独自の技術で培養液を精製して\n作られた製剤です。']);
    expect(texts('「もう手放せない」と\n好評をいただいています。')).toEqual(['「もう手放せない」と\n好評をいただいています。']);
    expect(texts('体への負担が少ない安全な\n点滴療法です。')).toEqual(['体への負担が少ない安全な\n点滴療法です。']);
    // the noun a line ending in の / を needs may even look like a label
    expect(texts('ご来院いただいた患者様の\n声：肌が明るくなりました')).toEqual(['ご来院いただいた患者様の\n声：肌が明るくなりました']);
  });

  it('joins a line to the next when the next one starts where no sentence can', () => {
    // an ending or auxiliary after an adverb or noun line
    expect(texts('拒絶反応の心配は\nまったく\nございません')).toEqual(['拒絶反応の心配は\nまったく\nございません']);
    expect(texts('施術後の赤みも、ほぼ\nありません。')).toEqual(['施術後の赤みも、ほぼ\nありません。']);
    expect(texts('多くの方にリピート\nいただいています')).toEqual(['多くの方にリピート\nいただいています']);
    // a particle before a non-kana, a small kana or ー
    expect(texts('当院の上清液点滴\nは、国内の提携施設で製造しています。')).toEqual(['当院の上清液点滴\nは、国内の提携施設で製造しています。']);
    expect(texts('これまでにない若返り\nを体感してください')).toEqual(['これまでにない若返り\nを体感してください']);
    expect(texts('エクソソ\nーム点滴のご案内')).toEqual(['エクソソ\nーム点滴のご案内']);
  });

  it('keeps menus, lists, headings, labels, prices and Q/A lines apart', () => {
    // menu lines end on a noun and start with one
    expect(texts('エクソソーム点滴\n幹細胞上清液点滴\n高濃度ビタミンC点滴')).toEqual(['エクソソーム点滴', '幹細胞上清液点滴', '高濃度ビタミンC点滴']);
    // headings: …とは, …について, …であること
    expect(texts('エクソソームとは\n細胞が分泌する小さな袋のようなものです。')).toEqual(['エクソソームとは', '細胞が分泌する小さな袋のようなものです。']);
    expect(texts('副作用について\n内出血が出ることがあります。')).toEqual(['副作用について', '内出血が出ることがあります。']);
    expect(texts('未承認医薬品等であること\n本治療の製剤は国内で承認されていません。')).toEqual(['未承認医薬品等であること', '本治療の製剤は国内で承認されていません。']);
    // a list under its intro line, and a line of words joined by ・
    expect(texts('こんなお悩みに\nシミ・くすみ・毛穴の開き')).toEqual(['こんなお悩みに', 'シミ・くすみ・毛穴の開き']);
    expect(texts('●このような方は\n疲れが抜けにくい方')).toEqual(['●このような方は', '疲れが抜けにくい方']);
    expect(texts('年齢肌のお悩みに\nたるみ／小じわ／くすみ')).toEqual(['年齢肌のお悩みに', 'たるみ／小じわ／くすみ']);
    expect(texts('点滴は\n・60分ほどかかります\n・予約制です')).toEqual(['点滴は', '・60分ほどかかります', '・予約制です']);
    // label: value lines, even after an open line
    expect(texts('料金は、\n費用：1回 33,000円')).toEqual(['料金は、', '費用：1回 33,000円']);
    expect(texts('院長\n山田花子')).toEqual(['院長', '山田花子']);
    // price lines
    expect(texts('初回限定で\n¥19,800（税込）')).toEqual(['初回限定で', '¥19,800（税込）']);
    // Q/A lines
    expect(texts('点滴の間隔は\nA：月に1回が目安です')).toEqual(['点滴の間隔は', 'A：月に1回が目安です']);
    expect(texts('よくあるご質問\nＱ．痛みはありますか')).toEqual(['よくあるご質問', 'Ｑ．痛みはありますか']);
  });

  it('does not take a word that can open a sentence for a continuation', () => {
    // がん, にきび, とても, からだ, できるだけ start with a particle's kana
    expect(texts('対象となる疾患\nがん治療後の倦怠感')).toEqual(['対象となる疾患', 'がん治療後の倦怠感']);
    expect(texts('肌トラブル\nにきび跡')).toEqual(['肌トラブル', 'にきび跡']);
    expect(texts('スタッフ一同\nとても丁寧に対応します')).toEqual(['スタッフ一同', 'とても丁寧に対応します']);
    expect(texts('季節の変わり目\nからだの冷えに気をつけましょう')).toEqual(['季節の変わり目', 'からだの冷えに気をつけましょう']);
    expect(texts('ご来院の前日\nできるだけ水分をとってください')).toEqual(['ご来院の前日', 'できるだけ水分をとってください']);
    // a finished sentence without 。 stays one
    expect(texts('副作用の心配はありません\n当院の医師が丁寧にご説明します')).toEqual(['副作用の心配はありません', '当院の医師が丁寧にご説明します']);
  });

  it('joins a quoted name that the sentence goes on with, after an open line only', () => {
    expect(texts('自社で精製した培養液を、\n『ネオ点滴』として提供しています。')).toEqual(['自社で精製した培養液を、\n『ネオ点滴』として提供しています。']);
    expect(texts('人気のメニュー\n「ネオ点滴」は予約制です。')).toEqual(['人気のメニュー', '「ネオ点滴」は予約制です。']);
    expect(texts('よくあるご質問は、\n「料金表」')).toEqual(['よくあるご質問は、', '「料金表」']);
  });

  it('joins after an adverb that needs its predicate', () => {
    expect(texts('長年の膝の痛みが必ず\n軽くなると評判です。')).toEqual(['長年の膝の痛みが必ず\n軽くなると評判です。']);
    expect(texts('くすみがみるみる\n晴れていきます')).toEqual(['くすみがみるみる\n晴れていきます']);
    expect(texts('スタッフ一同\n必ずご予約ください')).toEqual(['スタッフ一同', '必ずご予約ください']);
  });

  it('keeps a reviewer attribution with the sentence it attributes', () => {
    expect(texts('二回目で手触りが全然違いました！（30代・自営業）\n次の声です。')).toEqual(['二回目で手触りが全然違いました！（30代・自営業）', '次の声です。']);
    expect(texts('朝の目覚めが軽くなりました。（50代女性）')).toEqual(['朝の目覚めが軽くなりました。（50代女性）']);
    expect(texts('冷えが気にならなくなりました。— 40代・主婦')).toEqual(['冷えが気にならなくなりました。— 40代・主婦']);
    expect(texts('「階段がつらくなくなりました。」（K・S様）')).toEqual(['「階段がつらくなくなりました。」（K・S様）']);
  });

  it('still splits before a parenthesis that is prose or names nobody', () => {
    expect(texts('満足しています。（なお、料金は税込です。）')).toEqual(['満足しています。', '（なお、料金は税込です。）']);
    expect(texts('満足しています。（詳しくは料金表へ）')).toEqual(['満足しています。', '（詳しくは料金表へ）']);
    expect(texts('満足しています。（60代男性）次の方も同じです。')).toEqual(['満足しています。', '（60代男性）次の方も同じです。']);
    expect(texts('開院しました。— 2024年春')).toEqual(['開院しました。', '— 2024年春']);
  });

  it('decides a join from the line so far and the next line', () => {
    expect(joinsLines('肌が見違えるほど', '若返ります')).toBe(true);
    expect(joinsLines('肌が見違えるほど', '※個人の感想です')).toBe(false);
    expect(joinsLines('は', 'ありません')).toBe(false); // a lone kana is no line to go on with
    expect(joinsLines('エクソソーム点滴', '初回限定キャンペーン')).toBe(false);
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
      const from = ch === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      const lineEnd = text.indexOf('\n', from);
      if (joinsLines(text.slice(start, i), text.slice(from, lineEnd < 0 ? text.length : lineEnd))) {
        i = from - 1;
        continue;
      }
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
    const pieces = ['あ', 'い', 'a', '1', 'は', 'が', 'の', 'ほど', 'ます', 'ありません', 'ー', '・', '：', 'こんな', '。', '！', '？', '!', '?', '｡', '.', '. ', '.\t', '」', '』', '）', ')', '】', '”', '"', '’',
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
