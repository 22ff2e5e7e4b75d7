// Claims told over two sentences or elements of a page (linked rules): the
// pairing within a block or section, footnotes after a section, the frames on
// both sentences, the evidence's shape, and that the parts are read from the
// literal scan matchSentence already makes (no second scan of a sentence).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../src/analyze/analyzer.ts';
import type { Finding } from '../../src/model.ts';
import { loadDictionaries } from '../../src/rules/load.ts';
import type { Dictionaries } from '../../src/rules/load.ts';

const dir = fileURLToPath(new URL('../../dictionaries/', import.meta.url));
const dict = await loadDictionaries(dir);
const analyzer = analyzerFor(dict);

const SUPER = 'supernatant-as-ev/ev-name-then-supernatant-material';
const CASE = 'before-after/case-across-sentences';

const CLINIC_FOOTER = `<footer><p>医療法人社団 青葉会 みどり坂クリニック</p><p>診療時間 10:00〜19:00（水曜休診）</p><p>院長 山田太郎</p></footer>`;

function page(main: string, opts: { title?: string; footer?: string } = {}): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${opts.title ?? '再生医療メニュー｜みどり坂クリニック'}</title></head>
<body><header><nav class="gnav"><ul><li><a href="/">ホーム</a></li><li><a href="/menu/">診療メニュー</a></li><li><a href="/access/">アクセス</a></li></ul></nav></header>
<main>${main}</main>${opts.footer ?? CLINIC_FOOTER}</body></html>`;
}

async function linkedOf(html: string, source = 'page.html'): Promise<Finding[]> {
  const doc = await analyzer.analyzeHtml(html, source);
  return doc.findings.filter((f) => f.rule === SUPER || f.rule === CASE);
}

function expectEvidence(f: Finding) {
  expect(f.sentence.slice(f.start, f.end)).toBe(f.match);
  expect(f.start).toBeGreaterThanOrEqual(0);
  expect(f.end).toBeGreaterThan(f.start);
}

describe('supernatant sold under an exosome name, its material named in the section', () => {
  it('links a campaign heading to the footnote of its section', async () => {
    const html = page(`<article><h1>今月のキャンペーン</h1>
<section><h2>◆エキソソーム点滴 初回30%OFF◆</h2>
<p>肌の調子を整えたい方に人気の点滴です。今月は特別価格でご案内しています。</p>
<table><tr><th>通常価格</th><td>66,000円</td></tr><tr><th>キャンペーン価格</th><td>46,200円</td></tr></table>
<p class="note">※お一人様1回限り。<br>※本治療で用いるのは、ヒト臍帯由来の幹細胞培養上清液です。<br>※未承認の医薬品等を用いた治療です。</p></section>
<section><h2>ご予約について</h2><p>お電話またはWEBからご予約ください。</p></section></article>`);
    const found = await linkedOf(html);
    expect(found.map((f) => f.rule)).toEqual([SUPER]);
    const f = found[0]!;
    expectEvidence(f);
    expect(f.category).toBe('supernatant-as-ev');
    expect(f.severity).toBe('high');
    // two blocks, sentences between them: the two sentences, joined by " … "
    expect(f.sentence).toBe('◆エキソソーム点滴 初回30%OFF◆ … ※本治療で用いるのは、ヒト臍帯由来の幹細胞培養上清液です。');
    expect(f.match).toBe('◆エキソソーム点滴 初回30%OFF◆ … ※本治療で用いるのは、ヒト臍帯由来の幹細胞培養上清液');
    expect(f.block).toMatch(/h2/);
  });

  it('counts a footnote block right after the section as part of it', async () => {
    const html = page(`<div class="menu"><section><h2>エクソソーム療法</h2><p>全身の巡りを整えたい方へ。1回60分の点滴です。</p></section>
<p class="caution">※当院で使用する培養上清液は、国内の細胞培養加工施設で製造されています。</p></div>`);
    expect((await linkedOf(html)).map((f) => f.rule)).toEqual([SUPER]);
  });

  it('does not link a heading to another section, nor a menu item to the content', async () => {
    const html = page(`<section><h2>エクソソーム点滴</h2><p>1回 55,000円。所要時間は約60分です。</p></section>
<section><h2>幹細胞培養上清液の点鼻</h2><p>使用する培養上清液は、歯髄幹細胞から作られたものです。</p></section>`);
    expect(await linkedOf(html)).toEqual([]);
    // a menu item links elsewhere: no part of a claim here, though no heading parts them
    const menu = `<ul class="side-menu"><li><a href="/exo/">エクソソーム点滴</a></li><li><a href="/cm/">上清液点滴</a></li></ul>`;
    expect(await linkedOf(page(`${menu}<div class="content"><p>上清液点滴のご案内です。</p><p>使用する培養上清液は、国内で製造したものです。</p></div>`))).toEqual([]);
  });

  it('yields nothing where the section tells supernatant and EV preparations apart', async () => {
    const honest = page(`<section><h2>エクソソーム点滴について</h2>
<p>お問い合わせの多い点滴です。</p><p>当院の点滴は幹細胞培養上清液であり、精製したエキソソーム製剤とは異なります。</p></section>`);
    expect(await linkedOf(honest)).toEqual([]);
    // the honest sentence stands apart from the sentence naming the material
    const apart = page(`<section><h2>エクソソーム点滴</h2><p>使用する培養上清液は、国内のCPCで製造しています。</p>
<p>※培養上清液にはエクソソームが含まれますが、エクソソームだけを取り出した製剤ではありません。</p></section>`);
    expect(await linkedOf(apart)).toEqual([]);
    const column = page(`<article><h2>エクソソーム療法のしくみ</h2><p>幹細胞の培養上清液には、エクソソームのほか成長因子などが含まれています。</p>
<p>その働きについては、研究が続けられています。</p></article>`);
    expect(await linkedOf(column)).toEqual([]);
  });
});

describe('a case told over two sentences', () => {
  it('links the state before to the improvement in the next sentence of a block', async () => {
    const html = page(`<section><h2>エクソソーム点滴の症例</h2>
<p>70代の男性です。治療前は車椅子で生活されていました。投与を始めて3か月で、歩行器を使って歩けるようになりました。※効果には個人差があります。</p></section>`);
    const found = await linkedOf(html);
    expect(found.map((f) => f.rule)).toEqual([CASE]);
    const f = found[0]!;
    expectEvidence(f);
    // one block: the block's own text from the first sentence to the then sentence
    expect(f.sentence).toBe('治療前は車椅子で生活されていました。投与を始めて3か月で、歩行器を使って歩けるようになりました。');
    expect(f.match).toBe('治療前は車椅子で生活されていました。投与を始めて3か月で、歩行器を使って歩けるようになりました');
    expect(f.severity).toBe('medium');
  });

  it('links sentences of two paragraphs of one section, and not across sections', async () => {
    const same = page(`<section><h2>膝の痛みでお悩みだった60代女性</h2><p>初診時は正座ができず、階段も手すりが必要でした。</p>
<p>エクソソーム注射を4回受けた後、手すりを使わずに階段を上れるようになりました。</p></section>`);
    expect((await linkedOf(same)).map((f) => f.rule)).toEqual([CASE]);
    const split = page(`<section><h2>当院について</h2><p>初診時は正座ができず、階段も手すりが必要でした。</p></section>
<section><h2>エクソソーム注射</h2><p>エクソソーム注射を4回受けた後、手すりを使わずに階段を上れるようになりました。</p></section>`);
    expect(await linkedOf(split)).toEqual([]);
  });

  it('does not link sentences further apart than the rule allows', async () => {
    const html = page(`<section><h2>症例</h2><p>治療前は杖が手放せない状態でした。ご家族と相談のうえ、当院を受診されました。医師の診察のあと、治療計画を立てました。エクソソーム点滴を5回受けた後、杖なしで歩けるようになりました。</p></section>`);
    expect(await linkedOf(html)).toEqual([]);
  });

  it('keeps negations and warnings: a denied outcome, a warning column, an authority page', async () => {
    const denied = page(`<section><h2>治療の限界</h2><p>治療前は杖が必要な方でした。エクソソーム点滴を3か月続けても、杖なしで歩けるようになったわけではありません。</p></section>`);
    expect(await linkedOf(denied)).toEqual([]);
    const warning = `<html><head><title>再生医療の広告に注意｜くらしの医療ニュース</title></head><body><main><article>
<h1>「歩けるようになった」広告に注意</h1>
<p>あるクリニックのサイトでは、70代の男性について紹介している。治療前は車椅子の生活だったという。投与から3か月で歩けるようになったとされる。</p>
<p>こうした体験談の掲載は、医療広告ガイドラインで禁止されている。国民生活センターにも相談が寄せられており、専門家は注意を呼びかけている。</p>
</article></main><footer><p>くらしの医療ニュース編集部</p></footer></body></html>`;
    expect(await linkedOf(warning, 'https://news.example.jp/a/1')).toEqual([]);
    // a news page that warns in its own voice retells a case without quoting it: still no claim of its own
    const retold = `<html><head><title>再生医療の自由診療 広がる相談｜くらしの医療ニュース</title></head><body><main><article>
<h1>エクソソーム点滴、効果うたう広告に注意</h1>
<p>エクソソーム点滴をめぐり、誇大な広告が相次いでいる。国民生活センターには高額な契約をめぐる相談が寄せられている。</p>
<p>都内に住む女性に話を聞いた。父親は70代で、脳梗塞のあと自宅で療養を続けてきた。女性は知人から勧められ、父親を都内のクリニックに連れて行った。</p>
<p>70代の父親は、治療前は車椅子の生活でした。エクソソーム点滴を受けて3か月で、歩行器を使って歩けるようになりました。</p>
<p>費用は総額で300万円を超えた。</p></article></main><footer><p>くらしの医療ニュース編集部</p></footer></body></html>`;
    const news = await analyzer.analyzeHtml(retold, 'https://news.example.jp/a/2');
    expect(news.siteType).toBe('media');
    expect(news.findings.filter((f) => f.rule === CASE)).toEqual([]);
    const authority = `<html><head><title>エクソソーム等をうたう自由診療について｜消費者庁</title></head><body><main>
<h2>寄せられた相談の例</h2><p>治療前は寝たきりだった父が、点滴を3回受けた後に歩けるようになったと説明されました。</p>
<p>エクソソーム点滴と説明されましたが、使用する培養上清液についての説明はありませんでした。</p></main></body></html>`;
    const doc = await analyzer.analyzeHtml(authority, 'https://www.caa.go.jp/notice/');
    expect(doc.siteType).toBe('authority');
    expect(doc.findings).toEqual([]);
  });

  it('leaves a case alone that one-sentence rules already found in either sentence', async () => {
    const html = page(`<section><h2>エクソソーム頭皮注射の症例</h2><p>治療前は抜け毛が1日200本ほどありましたが、半年後には半分以下になりました。頭皮注射を6回受けた後、分け目の地肌が目立たなくなりました。</p></section>`);
    const doc = await analyzer.analyzeHtml(html, 'page.html');
    expect(doc.findings.filter((f) => f.category === 'before-after').map((f) => f.rule)).toEqual(['before-after/case-course']);
  });
});

describe('cost and consistency', () => {
  const pages = [
    page(`<section><h2>EXOSOME点滴</h2><p>1回 55,000円</p><p>※本治療で用いるのは幹細胞培養上清液です。</p></section>`),
    page(`<section><h2>エクソソーム点滴の症例</h2><p>治療前は車椅子で生活されていました。投与を始めて3か月で、歩けるようになりました。</p></section>`),
    page(`<section><h2>エクソソーム点滴について</h2><p>当院の点滴は幹細胞培養上清液で、精製したエキソソーム製剤とは異なります。</p></section>`),
  ];

  it('finds the same with the prefilter on or off', async () => {
    for (const html of pages) {
      const on = await analyzer.analyzeHtml(html, 'p.html');
      const off = await analyzer.analyzeHtml(html, 'p.html', { prefilter: false });
      expect(on.findings).toEqual(off.findings);
    }
  });

  it('reads the parts from the scan matchSentence makes: one gate scan per sentence', async () => {
    let scans = 0;
    const counting: Dictionaries = {
      ...dict,
      gate: {
        patternStart: dict.gate.patternStart,
        candidates: (text: string) => {
          scans++;
          return dict.gate.candidates(text);
        },
      },
    };
    const a = analyzerFor(counting);
    for (const html of pages) {
      scans = 0;
      const doc = await a.analyzeHtml(html, 'p.html');
      expect(scans).toBe(doc.stats.sentences);
    }
    expect((await a.analyzeHtml(pages[0]!, 'p.html')).findings.map((f) => f.rule)).toContain(SUPER);
  });

  it('finds nothing linked without linked rules (the rules are data)', async () => {
    const a = analyzerFor({ ...dict, linked: [] });
    for (const html of pages) {
      const doc = await a.analyzeHtml(html, 'p.html');
      expect(doc.findings.filter((f) => f.rule === SUPER || f.rule === CASE)).toEqual([]);
    }
  });
});
