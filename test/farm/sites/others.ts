// Non-clinic sites: a news site (a warning column and a PR column), a
// cosmetics seller, and a consumer-safety authority that quotes bad claims in
// 「」 only to warn (it must yield no findings). All names are invented.
import { charsetMeta, documentShell, esc, navList, paras } from '../html.ts';
import type { Gen, PageSpec, SiteSpec, SiteType } from '../spec.ts';
import { BOTH, claim, decoy, onlyIn } from '../spec.ts';

function simpleSite(o: {
  name: string;
  type: SiteType;
  kind?: string;
  nav: [string, string][];
  footer: string;
  pages: PageSpec[];
  gens?: Gen[];
}): SiteSpec {
  return {
    name: o.name,
    type: o.type,
    kind: o.kind ?? 'normal',
    gens: o.gens ?? BOTH,
    encoding: 'utf-8',
    headerCharset: 'utf-8',
    pages: o.pages,
    layout: (page, main) =>
      documentShell({
        meta: charsetMeta('utf-8', 'html5'),
        title: page.title,
        header: `<div class="logo"><a href="/">${esc(o.name)}</a></div>${navList(o.nav)}`,
        main,
        footer: o.footer,
      }),
  };
}

const media = simpleSite({
  name: 'ヘルスライフ・ニュース',
  type: 'media',
  nav: [
    ['/', 'ニュース'],
    ['/articles/exosome-caution.html', '医療コラム'],
    ['/about.html', '編集部について'],
  ],
  footer: '<p>運営：株式会社ヘルスライフ出版 編集部</p><p>記事の無断転載を禁じます。</p>',
  pages: [
    {
      path: '/',
      title: 'ヘルスライフ・ニュース｜暮らしと医療の記事',
      body: [
        '<h1>新着記事</h1><ul>',
        '<li><a href="/articles/exosome-caution.html">広がる「エクソソーム点滴」、広告表現に注意を（医療コラム）</a></li>',
        '<li><a href="/pr/exosome-column.html">【PR】話題のエクソソーム点滴を体験してきました</a></li>',
        onlyIn([2], '<li><a href="/articles/ev-research.html">細胞外小胞の研究はどこまで進んだか（解説記事）</a></li>'),
        '</ul>',
      ],
    },
    {
      path: '/articles/exosome-caution.html',
      title: '広がる「エクソソーム点滴」、広告表現に注意を｜ヘルスライフ・ニュース',
      body: [
        '<article><h1>広がる「エクソソーム点滴」、広告表現に注意を</h1><p class="byline">記事：ヘルスライフ・ニュース編集部</p>',
        paras('美容や若返りをうたう自由診療のメニューとして、エクソソーム点滴を掲げるクリニックが増えています。'),
        decoy('ウェブサイトには「副作用はありません」「がんが治る」といった断定的な表現も見られ、専門家は注意を呼びかけています。', 'media quoting claims to warn'),
        decoy('エクソソームとして販売されているものの多くは、実際には幹細胞の培養上清液だと指摘されています。', 'media explaining, not presenting supernatant as EV'),
        decoy('「国が認めた治療」とうたう広告もありますが、国内でエクソソーム製剤が承認された例はありません。', 'media quoting an approval claim to refute it'),
        paras('受ける前には、費用やリスクについて医師から十分な説明を受けることが大切です。'),
        '</article>',
      ],
    },
    {
      path: '/pr/exosome-column.html',
      title: '【PR】話題のエクソソーム点滴を体験してきました｜ヘルスライフ・ニュース',
      body: [
        '<article><p class="pr">PR</p><h1>話題のエクソソーム点滴を体験してきました</h1><p class="byline">記事：ヘルスライフ・ニュース編集部</p>',
        claim('superlative', 'いま最も注目されている再生美容といえば、最新のエクソソーム点滴です。'),
        claim('efficacy-claim', 'エクソソーム点滴は、美肌にも疲労回復にも確実な効果があります。'),
        paras('施術は都内のクリニックで受けました。', '待合室は落ち着いた雰囲気で、スタッフの方の説明も丁寧でした。'),
        '</article>',
      ],
    },
    {
      path: '/articles/ev-research.html',
      title: '細胞外小胞の研究はどこまで進んだか｜ヘルスライフ・ニュース',
      gens: [2],
      body: [
        '<article><h1>細胞外小胞の研究はどこまで進んだか</h1><p class="byline">記事：ヘルスライフ・ニュース編集部</p>',
        paras(
          '細胞外小胞（EV）は、尿や血液に含まれるものを調べて病気の早期発見に役立てる研究が進んでいます。',
          '一方で、治療への応用はまだ臨床試験の段階にあり、有効性は確かめられていません。',
        ),
        '</article>',
      ],
    },
    {
      path: '/about.html',
      title: '編集部について｜ヘルスライフ・ニュース',
      body: ['<h1>編集部について</h1>', paras('ヘルスライフ・ニュースは、暮らしと医療に関する記事を配信するニュースサイトです。')],
    },
  ],
});

const seller = simpleSite({
  name: 'ビジュー・コスメティクス',
  type: 'seller',
  nav: [
    ['/', 'ショップトップ'],
    ['/products/exo-serum.html', 'エクソソーム美容液'],
    ['/company.html', '特定商取引法に基づく表記'],
  ],
  footer: '<p>株式会社ビジュー・コスメティクス</p><p>化粧品の通信販売</p>',
  pages: [
    {
      path: '/',
      title: 'ビジュー・コスメティクス公式オンラインショップ',
      body: [
        '<h1>公式オンラインショップ</h1>',
        paras('エイジングケア化粧品の公式通販サイトです。', '5,000円以上のご購入で送料無料。'),
        '<p><a href="/products/exo-serum.html">ビジュー EXOセラム（美容液）</a></p>',
      ],
    },
    {
      path: '/products/exo-serum.html',
      title: 'ビジュー EXOセラム 30mL｜ビジュー・コスメティクス',
      body: [
        '<h1>ビジュー EXOセラム 30mL</h1>',
        claim('supernatant-as-ev', 'ヒト幹細胞培養液をエクソソーム原液として贅沢に配合しました。'),
        claim('efficacy-claim', 'たった1本で、肌が生まれ変わるのを実感できます。'),
        claim('celebrity', '人気インフルエンサーも愛用中の美容液です。', { gens: [1] }),
        claim('safety-claim', '無添加なので、敏感肌の方でも副作用の心配がありません。', { gens: [2] }),
        claim('inducement', '今だけ定期便の初回は半額の4,980円でお届けします。'),
        paras('通常価格 9,960円（税込）'),
        '<form action="/cart" method="post"><button type="submit">カートに入れる</button></form>',
        decoy('本品は化粧品であり、医薬品ではありません。', 'product status statement, not an approval claim'),
        paras('全成分：水、グリセリン、ヒト脂肪細胞順化培養液エキス、BG、ペンチレングリコール'),
      ],
    },
    {
      path: '/company.html',
      title: '特定商取引法に基づく表記｜ビジュー・コスメティクス',
      body: ['<h1>特定商取引法に基づく表記</h1>', paras('販売業者：株式会社ビジュー・コスメティクス', '所在地：大阪府大阪市中央区本町9-9-9', '返品：未開封に限り8日以内')],
    },
  ],
});

const authority = simpleSite({
  name: 'くらしの安全情報センター',
  type: 'authority',
  nav: [
    ['/', 'トップ'],
    ['/news/exosome-advisory.html', '注意喚起'],
    ['/statement.html', '学会の見解'],
  ],
  footer: '<p>独立行政法人くらしの安全情報センター（消費生活センターの相談情報をもとに作成）</p>',
  pages: [
    {
      path: '/',
      title: 'くらしの安全情報センター',
      body: ['<h1>くらしの安全情報センター</h1><ul>', '<li><a href="/news/exosome-advisory.html">エクソソーム点滴の広告にご注意ください</a></li>', '<li><a href="/statement.html">細胞外小胞を用いた治療についての学会の見解</a></li>', '</ul>'],
    },
    {
      path: '/news/exosome-advisory.html',
      title: 'エクソソーム点滴の広告にご注意ください｜くらしの安全情報センター',
      body: [
        '<h1>エクソソーム点滴の広告にご注意ください</h1>',
        decoy('「副作用は一切ありません」「がんが消える」などと宣伝するエクソソーム点滴について、全国の消費生活センターに相談が寄せられています。', 'authority quoting claims to warn'),
        decoy('「厚生労働省が認可したエクソソーム」と記載した広告もありますが、国が承認したエクソソーム製剤はありません。', 'authority refuting an approval claim'),
        decoy('幹細胞の培養上清液を「エクソソーム」と称して販売している事例も見られます。', 'authority describing supernatant-as-ev as a problem'),
        decoy('「1回で10歳若返る」「芸能人も愛用」といった表現をうのみにせず、契約前に医師から十分な説明を受けましょう。', 'authority quoting claims to warn'),
        decoy('「今だけ半額」などと即日の契約を迫られた場合は、最寄りの消費生活センターにご相談ください。', 'authority quoting inducement to warn'),
      ],
    },
    {
      path: '/statement.html',
      title: '細胞外小胞を用いた治療についての学会の見解｜くらしの安全情報センター',
      body: [
        '<h1>細胞外小胞を用いた治療についての学会の見解</h1>',
        paras('ある学会は、細胞外小胞（EV）を用いた治療について次のような見解を公表しています。'),
        decoy('現時点で、エクソソームの有効性は臨床研究のレベルでも確立していません。', 'authority: efficacy not established'),
        decoy('エクソソームとして流通している製品の多くは培養上清液であり、精製されたEV製剤ではありません。', 'authority explaining supernatant vs EV'),
      ],
    },
  ],
});

export const OTHER_SITES: SiteSpec[] = [media, seller, authority];
