import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/blocks.ts';
import type { Block } from '../../src/model.ts';

// An invented clinic page, written the way small clinic sites are.
const CLINIC = `<!DOCTYPE html>
<html lang="ja"><head>
<meta charset="utf-8">
<title>エクソソーム点滴｜みなと再生クリニック</title>
<meta name="description" content="みなと再生クリニックのエクソソーム点滴のご案内。">
<meta property="og:description" content="みなと再生クリニックのエクソソーム点滴のご案内。">
<meta name="keywords" content="エクソソーム,点滴">
<style>.lead::before { content: "装飾テキスト"; }</style>
<script>window.dataLayer = []; var banner = "スクリプトの中の宣伝文句";</script>
<script type="application/ld+json">{"name": "構造化データの名前"}</script>
</head>
<body>
<header>
  <a href="/"><img src="/img/logo.png" alt="みなと再生クリニック"></a>
  <nav><ul>
    <li><a href="/menu/">施術メニュー</a></li>
    <li><a href="/price.html#exosome">料金表</a></li>
    <li><a href="mailto:info@minato-clinic.example">メール相談</a></li>
  </ul></nav>
</header>
<main>
  <section>
    <h1>エクソソーム点滴療法</h1>
    <p class="lead">当院では培養上清液を用いた点滴を行っています。
      ご予約は   お電話で承ります。</p>
    <figure><img src="/img/drip.jpg" alt="点滴ルームの様子"><figcaption>完全個室の点滴ルーム</figcaption></figure>
  </section>
  <section id="price">
    <h2>料金表</h2>
    <table>
      <caption>エクソソーム点滴の料金（税込）</caption>
      <tr><th>コース</th><th>料金</th></tr>
      <tr><td>初回</td><td>55,000円</td></tr>
      <tr><td>5回コース</td><td>220,000円</td></tr>
    </table>
  </section>
  <section>
    <h2>よくある質問</h2>
    <dl>
      <dt>Q. 副作用はありますか？</dt>
      <dd>A. 発熱やだるさが出ることがあります。</dd>
    </dl>
    <blockquote><p>治療を受けた方の感想です。</p></blockquote>
  </section>
  <noscript><p>JavaScriptを有効にしてください</p></noscript>
  <template><p>テンプレートの文章</p></template>
  <svg><title>アイコンのタイトル</title><text>アイコン文字</text></svg>
  <!-- コメントの文章 -->
</main>
<footer>
  <p>医療法人社団みなと会 みなと再生クリニック</p>
  <p>院長 港一郎<br>診療時間 10:00〜19:00<br>休診日 水曜・日曜</p>
  <small>本治療は自由診療です。</small>
</footer>
<script>document.write("フッターのスクリプト文章");</script>
</body></html>`;

const texts = (blocks: Block[]): string[] => blocks.map((b) => b.text);
const find = (blocks: Block[], text: string): Block | undefined => blocks.find((b) => b.text === text);

describe('extractPage on a clinic page', () => {
  const page = extractPage(CLINIC, 'https://minato-clinic.example/exosome/');

  it('keeps title, one meta description, headings, paragraphs, cells and alts in document order', () => {
    expect(page.title).toBe('エクソソーム点滴｜みなと再生クリニック');
    expect(page.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['title', 'エクソソーム点滴｜みなと再生クリニック'],
      ['meta', 'みなと再生クリニックのエクソソーム点滴のご案内。'],
      ['alt', 'みなと再生クリニック'],
      ['list-item', '施術メニュー'],
      ['list-item', '料金表'],
      ['list-item', 'メール相談'],
      ['heading', 'エクソソーム点滴療法'],
      ['paragraph', '当院では培養上清液を用いた点滴を行っています。 ご予約は お電話で承ります。'],
      ['alt', '点滴ルームの様子'],
      ['paragraph', '完全個室の点滴ルーム'],
      ['heading', '料金表'],
      ['paragraph', 'エクソソーム点滴の料金（税込）'],
      ['table-cell', 'コース'],
      ['table-cell', '料金'],
      ['table-cell', '初回'],
      ['table-cell', '55,000円'],
      ['table-cell', '5回コース'],
      ['table-cell', '220,000円'],
      ['heading', 'よくある質問'],
      ['list-item', 'Q. 副作用はありますか？'],
      ['list-item', 'A. 発熱やだるさが出ることがあります。'],
      ['paragraph', '治療を受けた方の感想です。'],
      ['paragraph', '医療法人社団みなと会 みなと再生クリニック'],
      ['paragraph', '院長 港一郎\n診療時間 10:00〜19:00\n休診日 水曜・日曜'],
      ['text', '本治療は自由診療です。'],
    ]);
  });

  it('drops script, style, noscript, template, svg and comments', () => {
    const all = texts(page.blocks).join('\n');
    for (const hidden of ['スクリプト', '装飾テキスト', '構造化データ', 'JavaScript', 'テンプレート', 'アイコン', 'コメント']) {
      expect(all).not.toContain(hidden);
    }
  });

  it('gives each block a path a person can follow', () => {
    expect(find(page.blocks, 'エクソソーム点滴療法')?.path).toBe('body > main > section:nth-of-type(1) > h1');
    // An id starts the path.
    expect(find(page.blocks, '55,000円')?.path).toBe('section#price > table > tbody > tr:nth-of-type(2) > td:nth-of-type(2)');
    expect(find(page.blocks, '点滴ルームの様子')?.path).toBe('body > main > section:nth-of-type(1) > figure > img');
    expect(find(page.blocks, '本治療は自由診療です。')?.path).toBe('body > footer > small');
    expect(page.blocks[0]?.path).toBe('head > title');
    expect(page.blocks[1]?.path).toBe('head > meta[name="description"]');
  });

  it('counts visible body text only and does not ask for rendering', () => {
    const body = page.blocks.filter((b) => !['title', 'meta', 'alt'].includes(b.kind));
    expect(page.visibleChars).toBe(body.reduce((n, b) => n + b.text.replace(/\n/g, '').length, 0));
    expect(page.visibleChars).toBeGreaterThan(200);
    expect(page.needsRendering).toBe(false);
  });
});

describe('block boundaries', () => {
  it('gives a list item holding a paragraph one block, and keeps nested list items apart', () => {
    const { blocks } = extractPage('<ul><li><p>幹細胞培養上清液の点滴です。</p></li><li>初回限定<ul><li>半額モニター</li></ul></li></ul>');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '幹細胞培養上清液の点滴です。', path: 'body > ul > li:nth-of-type(1) > p' },
      { kind: 'list-item', text: '初回限定', path: 'body > ul > li:nth-of-type(2)' },
      { kind: 'list-item', text: '半額モニター', path: 'body > ul > li:nth-of-type(2) > ul > li' },
    ]);
  });

  it('never puts the same text in two blocks', () => {
    const html = `<blockquote><p>一つ目の声</p>二つ目の声</blockquote><table><tr><td><p>セルの段落</p><ul><li>セルのリスト</li></ul></td></tr></table>
      <dl><dd><div>説明の中のdiv</div></dd></dl><div>外側<p>内側の段落</p>外側の続き</div>`;
    const all = texts(extractPage(html).blocks);
    for (const piece of ['一つ目の声', '二つ目の声', 'セルの段落', 'セルのリスト', '説明の中のdiv', '内側の段落', '外側の続き']) {
      expect(all.filter((t) => t.includes(piece))).toHaveLength(1);
    }
    expect(all).toContain('外側');
  });

  it('turns <br> into line breaks and collapses whitespace per line', () => {
    const html = '<p>  診療時間<br>10:00〜19:00 <br/><br>  休診日\n\t 水曜  </p><div>住所：東京都<br>電話：03-0000-0000</div>';
    expect(texts(extractPage(html).blocks)).toEqual(['診療時間\n10:00〜19:00\n休診日 水曜', '住所：東京都\n電話：03-0000-0000']);
  });

  // By convention a classed <br> is shown on one kind of screen only (sp = smartphone,
  // pc = desktop): on the other the text runs on, so it is not a line break of the text.
  it('does not break at layout-only <br> (sp / pc classes, or a wrapper holding only such a break)', () => {
    const html =
      '<p>肌のハリが見違えるほど<br class="sp">よみがえります</p>' +
      '<p>副作用は<br class="pc-only">ほとんど<br class="u-hidden-sp">ございません</p>' +
      '<p>幹細胞上清液<span class="sp_only"> <br> </span>エクソソーム点滴</p>' +
      '<p>点滴のあとは<br class="d-none d-md-block">普段どおりにお過ごしいただけます</p>';
    expect(texts(extractPage(html).blocks)).toEqual([
      '肌のハリが見違えるほどよみがえります',
      '副作用はほとんどございません',
      '幹細胞上清液エクソソーム点滴',
      '点滴のあとは普段どおりにお過ごしいただけます',
    ]);
  });

  it('keeps plain and other classed <br> as line breaks, and a device-only wrapper with text in it', () => {
    const html =
      '<p>初回カウンセリング<br class="clear">料金表<br>アクセス</p>' +
      '<p><span class="sp">ご予約は<br>お電話で</span></p>' +
      '<p>院長<br class="spacer">山田花子</p>';
    expect(texts(extractPage(html).blocks)).toEqual(['初回カウンセリング\n料金表\nアクセス', 'ご予約は\nお電話で', '院長\n山田花子']);
  });

  // Builders name their device-only breaks their own way (STUDIO s-br-sp, br-sp, sp_br,
  // brSp, BEM c-br--pc, Bootstrap visible-sm / hidden-xs, Tailwind md:hidden …).
  it('recognises device-only break classes as builders name them', () => {
    const classes = ['s-br-sp', 'br-sp', 'sp_br', 'only-sp', 'is-sp', 'visible-sm', 'hidden-xs', 'brSp', 'c-br--pc', 'md:hidden', 'show-for-small-only', 'u-only-tab', 'br_pc_none'];
    for (const cls of classes) {
      const html = `<p>お肌のハリが<br class="${cls}">よみがえると評判です</p>`;
      expect(texts(extractPage(html).blocks), cls).toEqual(['お肌のハリがよみがえると評判です']);
    }
  });

  it('keeps breaks whose class names no screen (clear, spacer, space, separator, sparkle, spacing utilities)', () => {
    const classes = ['clear', 'spacer', 'space', 'separator', 'sparkle', 'sp-space', 'small', 'mb-sm', 'br', 'hidden', 'special', 'pcs'];
    for (const cls of classes) {
      const html = `<p>料金のご案内<br class="${cls}">ご予約について</p>`;
      expect(texts(extractPage(html).blocks), cls).toEqual(['料金のご案内\nご予約について']);
    }
  });

  // Builders put the pieces of one sentence in sibling <div>s.
  it('joins sibling div text when the first ends open and the second goes on', () => {
    const html =
      '<div class="txt"><div>当院の点滴は、自社で精製した培養液を<br class="pc">濃縮した、</div><div>院内調製の<span>製剤</span>を使用しています。</div></div>' +
      '<div><div>肌のハリが見違えるほど</div><div>よみがえります</div></div>';
    expect(texts(extractPage(html).blocks)).toEqual([
      '当院の点滴は、自社で精製した培養液を濃縮した、\n院内調製の製剤を使用しています。',
      '肌のハリが見違えるほど\nよみがえります',
    ]);
  });

  it('keeps list items, cells, headings, paragraphs, labels and finished or interrupted text apart', () => {
    const html =
      '<ul><li>肩こりや、</li><li>冷えにお悩みの方に</li></ul>' +
      '<table><tr><td>点滴は、</td><td>月に1回です</td></tr></table>' +
      '<h3>点滴の流れは、</h3><div>受付から始まります</div>' +
      '<p>当院では、</p><p>予約制です</p>' +
      '<div><div>費用：</div><div>55,000円</div></div>' +
      '<div><div>対象となる方は</div><div>・40代以上の方</div></div>' +
      '<div><div>点滴は30分です。</div><div>ご予約はお電話で</div></div>' +
      '<div><div>当院の点滴は、</div><img alt="点滴の写真"><div>30分で終わります</div></div>';
    expect(texts(extractPage(html).blocks)).toEqual([
      '肩こりや、', '冷えにお悩みの方に', '点滴は、', '月に1回です', '点滴の流れは、', '受付から始まります', '当院では、', '予約制です',
      '費用：', '55,000円', '対象となる方は', '・40代以上の方', '点滴は30分です。', 'ご予約はお電話で', '当院の点滴は、', '点滴の写真', '30分で終わります',
    ]);
  });

  it('splits loose text at block-level elements but not at inline ones', () => {
    const html = '<div>ゆるい<b>太字</b>と<a href="/x">リンク</a>の文<section>区切り</section>あと</div>';
    expect(texts(extractPage(html).blocks)).toEqual(['ゆるい太字とリンクの文', '区切り', 'あと']);
  });

  it('separates block-level children inside a block by lines', () => {
    const { blocks } = extractPage('<li><div>効果には個人差があります</div><div>副作用の説明</div></li>');
    expect(blocks).toEqual([{ kind: 'list-item', text: '効果には個人差があります\n副作用の説明', path: 'body > li' }]);
  });

  it('drops empty blocks and keeps ruby base text only', () => {
    const html = '<p> </p><p><br></p><li>\n</li><p><ruby>幹細胞<rp>(</rp><rt>かんさいぼう</rt><rp>)</rp></ruby>由来</p>';
    expect(texts(extractPage(html).blocks)).toEqual(['幹細胞由来']);
  });

  it('uses only the first title and no svg title', () => {
    const page = extractPage('<html><head><title> 一つ目 </title></head><body><svg><title>図</title></svg><title>二つ目</title><p>本文</p></body></html>');
    expect(page.title).toBe('一つ目');
    expect(texts(page.blocks)).toEqual(['一つ目', '本文']);
    expect(extractPage('<title></title><p>本文</p>').title).toBeUndefined();
  });
});

describe('broken HTML', () => {
  it('extracts unclosed and misnested markup without throwing', () => {
    const html = '<html><body><div class=x><p>閉じない段落<p>次の段落<li>宙に浮いた項目<b><i>入れ子の誤り</b></i></div></div></span><table><td>表のセル<tr>行だけ<!-- 閉じないコメント';
    const page = extractPage(html);
    // Text loose inside a table is moved before it, as browsers do.
    expect(texts(page.blocks)).toEqual(['閉じない段落', '次の段落', '宙に浮いた項目入れ子の誤り', '行だけ', '表のセル']);
  });

  it('survives empty input, plain text and stray markup', () => {
    expect(extractPage('').blocks).toEqual([]);
    expect(texts(extractPage('ただのテキスト').blocks)).toEqual(['ただのテキスト']);
    expect(texts(extractPage('</p></div><<>><p attr="unterminated>文</p>').blocks)).toEqual(['<<>>']);
  });

  it('walks thousands of unclosed divs without overflowing and shortens the path', () => {
    // parse5's scope checks are quadratic in depth, so the depth stays moderate.
    const html = '<div>'.repeat(5_000) + '<p>奥深くの段落</p>';
    const { blocks } = extractPage(html);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.text).toBe('奥深くの段落');
    expect(blocks[0]?.path).toBe('body > … > div > div > div > div > div > p');
  });
});

describe('needsRendering', () => {
  const filler = '<p>' + '当院の再生医療について詳しくご説明します。'.repeat(12) + '</p>';

  it('is true for an empty app root', () => {
    for (const root of ['<div id="root"></div>', '<div id="__next"></div>', '<div data-reactroot=""></div>']) {
      const page = extractPage(`<html><head><title>クリニック</title></head><body>${root}</body></html>`);
      expect(page.needsRendering, root).toBe(true);
    }
  });

  it('is true for thin text with a script bundle or a noscript asking for JavaScript', () => {
    expect(extractPage('<body><div id="app">読み込み中…</div><script src="/app.js"></script></body>').needsRendering).toBe(true);
    expect(extractPage('<body><noscript>このサイトを表示するにはJavaScriptを有効にしてください。</noscript><p>ようこそ</p></body>').needsRendering).toBe(true);
  });

  it('is false for a page with enough static text, scripts or not', () => {
    const page = extractPage(`<body><div id="app">${filler}</div><script src="/app.js"></script></body>`);
    expect(page.visibleChars).toBeGreaterThanOrEqual(200);
    expect(page.needsRendering).toBe(false);
  });

  it('is false for a short page with no script, app root or noscript', () => {
    const page = extractPage('<body><p>休診のお知らせ</p><script type="application/ld+json">{}</script></body>');
    expect(page.visibleChars).toBe(7);
    expect(page.needsRendering).toBe(false);
  });

  it('does not count a filled app root as empty', () => {
    expect(extractPage(`<body><div id="root"><p>本文があります</p></div></body>`).needsRendering).toBe(false);
  });
});

describe('links', () => {
  const html = `<head><title>リンク</title></head><body>
    <a href="menu.html">メニュー</a>
    <a href="../access/#map">アクセス</a>
    <a href=" /price?course=1#top ">料金</a>
    <a href="https://other.example/page"><img src="b.png" alt="提携サイト"></a>
    <a href="//cdn.example/doc.html">資料</a>
    <a href="#faq">ページ内</a>
    <a href="mailto:info@clinic.example">メール</a>
    <a href="tel:0300000000">電話</a>
    <a href="javascript:void(0)">開く</a>
    <a href="ftp://files.example/x">FTP</a>
    <a href="http://[bad">壊れたURL</a>
    <a>hrefなし</a>
    <a href="menu.html">メニュー</a>
  </body>`;

  it('resolves relative links, drops fragments, non-http schemes and repeats, keeps image alts as text', () => {
    expect(extractPage(html, 'https://clinic.example/exosome/index.html').links).toEqual([
      { url: 'https://clinic.example/exosome/menu.html', text: 'メニュー' },
      { url: 'https://clinic.example/access/', text: 'アクセス' },
      { url: 'https://clinic.example/price?course=1', text: '料金' },
      { url: 'https://other.example/page', text: '提携サイト' },
      { url: 'https://cdn.example/doc.html', text: '資料' },
    ]);
  });

  it('honours <base href>', () => {
    const page = extractPage('<head><base href="/clinic/"></head><body><a href="faq.html">よくある質問</a></body>', 'https://example.jp/a/b/c.html');
    expect(page.links).toEqual([{ url: 'https://example.jp/clinic/faq.html', text: 'よくある質問' }]);
  });

  it('keeps only absolute links when there is no base URL', () => {
    expect(extractPage(html).links.map((l) => l.url)).toEqual(['https://other.example/page']);
  });
});

describe('a 20 MB page', () => {
  it('extracts every block of a generated page', () => {
    const unit = (i: number): string =>
      `<section><h2>症例${i}</h2><p>幹細胞培養上清液の点滴を受けられた方の経過です。<br>詳しくは医師にご相談ください。</p>` +
      `<ul><li>初回 30,000円</li><li><p>2回目以降 25,000円</p></li></ul><div>注意事項${i}<span>をお読みください</span></div></section>\n`;
    const parts: string[] = ['<!DOCTYPE html><html><head><title>大きなページ</title></head><body><main>'];
    let size = 0;
    let units = 0;
    while (size < 20 * 1024 * 1024) {
      const piece = unit(units++);
      parts.push(piece);
      size += Buffer.byteLength(piece);
    }
    parts.push('</main></body></html>');
    const page = extractPage(parts.join(''));
    expect(page.blocks).toHaveLength(1 + units * 5);
    expect(page.blocks.at(-1)).toEqual({ kind: 'text', text: `注意事項${units - 1}をお読みください`, path: `body > main > section:nth-of-type(${units}) > div` });
    expect(page.blocks[2]?.text).toBe('幹細胞培養上清液の点滴を受けられた方の経過です。\n詳しくは医師にご相談ください。');
  });

  it('marks navigation: nav / aside / menu containers and short text that is all link text', () => {
    const html = `<body>
      <div class="global-nav"><ul><li><a href="/v">患者様の声</a></li></ul></div>
      <nav><p>ホーム &gt; <span>症例写真</span></p></nav>
      <aside><p>人気の施術</p></aside>
      <ul class="news"><li><time>2024.06.01</time> <a href="/n/1">6月限定 モニター価格</a></li><li><a href="/n/2">夏季休診のお知らせ</a></li></ul>
      <p><a href="/x"><img src="b.jpg" alt="初診WEB予約"></a></p>
      <main><p>当院の <a href="/ev">エクソソーム点滴</a> は自由診療です。</p></main>
    </body>`;
    const blocks = extractPage(html).blocks.map((b) => [b.text, b.nav ?? false]);
    expect(blocks).toEqual([
      ['患者様の声', true],
      ['ホーム > 症例写真', true],
      ['人気の施術', true],
      ['2024.06.01 6月限定 モニター価格', false],
      ['夏季休診のお知らせ', true],
      ['初診WEB予約', true],
      ['当院の エクソソーム点滴 は自由診療です。', false],
    ]);
  });
});
