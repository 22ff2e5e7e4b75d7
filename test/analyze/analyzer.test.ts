import { beforeAll, describe, expect, it } from 'vitest';
import { analyzerFor, createAnalyzer } from '../../src/analyze/analyzer.ts';
import type { Analyzer } from '../../src/analyze/analyzer.ts';
import { analyzeSite } from '../../src/analyze/site.ts';
import { parseDictionaries } from '../../src/rules/load.ts';

// A small dictionary set of our own, so these tests do not move when the
// category files are tuned.
const files = [
  { name: 'variants.yaml', text: "variants:\n  エクソソーム: [エキソソーム, exosome]\nterms:\n  EV: [エクソソーム]\n  SUPERNATANT: ['培養上清液?', 上清液]\n" },
  {
    name: 'negation.yaml',
    text: "negation: ['^[^。]{0,6}(わけ|訳)で(は|も)(ない|ありません)']\nhedge: ['期待(でき|され)']\nwarning: ['(と|など)の?(表現|広告)']\nquestion: ['(ですか|ますか|ありませんか)[?]?$']\nlabel: ['^(患者様の声|キャンペーン)(はこちら)?(\\|.*)?$']\ndisclaimer: ['保証するものではありません']\nrequirement: ['明示すること']\n",
  },
  { name: 'scope.yaml', text: "ev: ['{EV}', '{SUPERNATANT}']\noffer: ['点滴|円|予約']\nunrelated: ['レーザー']\nnotTreatment: ['治験', '^受けられない方$']\n" },
  {
    name: 'site-types.yaml',
    text: "types:\n  clinic:\n    - { pattern: 診療時間, weight: 3 }\n  authority:\n    - { host: '\\.go\\.jp$', weight: 10 }\n    - { pattern: 国民生活センター, weight: 5 }\n  media:\n    - { pattern: 編集部, weight: 3 }\ndefault: clinic\n",
  },
  {
    name: 'safety-claim.yaml',
    text: `category: safety-claim
rules:
  - id: safety-claim/no-side-effects
    severity: high
    description: { ja: 副作用なし, en: no side effects }
    patterns: ['副作用(は|が)(ない|ありません)']
    specs: {}
  - id: safety-claim/reassurance
    severity: medium
    description: { ja: 安心・安全, en: safe and sound }
    patterns: ['安心・安全']
    specs: {}
`,
  },
  {
    name: 'disease-claim.yaml',
    text: `category: disease-claim
rules:
  - id: disease-claim/named-disease
    severity: high
    description: { ja: 疾患名, en: named disease }
    patterns: ['認知症']
    unless: ['もので(は)?ありません']
    specs: {}
`,
  },
  {
    name: 'efficacy-claim.yaml',
    text: `category: efficacy-claim
rules:
  - id: efficacy-claim/rejuvenates
    severity: high
    hedge: lower
    description: { ja: 若返る, en: rejuvenates }
    patterns: ['若返']
    specs: {}
`,
  },
  {
    name: 'testimonial.yaml',
    text: `category: testimonial
rules:
  - id: testimonial/voice-label
    severity: medium
    description: { ja: 患者様の声, en: patient voices }
    patterns: ['患者様の声']
    specs: {}
`,
  },
  {
    name: 'inducement.yaml',
    text: `category: inducement
rules:
  - id: inducement/campaign
    severity: low
    description: { ja: キャンペーン, en: campaign }
    patterns: ['キャンペーン|半額']
    specs: {}
`,
  },
  {
    name: 'missing-disclosure.yaml',
    text: `category: missing-disclosure
rules:
  - id: missing-disclosure/unapproved
    disclosure: unapproved
    description: { ja: 未承認, en: unapproved }
    patterns: ['未承認']
    specs: {}
  - id: missing-disclosure/cost
    disclosure: cost
    description: { ja: 費用, en: cost }
    patterns: ['[0-9][0-9,]*円']
    specs: {}
  - id: missing-disclosure/risks
    disclosure: risks
    description: { ja: リスク, en: risks }
    patterns: ['^副作用について$', '内出血']
    specs: {}
`,
  },
];

let analyzer: Analyzer;
beforeAll(() => {
  analyzer = analyzerFor(parseDictionaries(files));
});

describe('analyzer', () => {
  it('gives findings with the page wording, offsets into the sentence, sorted by position', async () => {
    const doc = await analyzer.analyzeText('診療時間 10時〜\nｴｷｿｿｰﾑ点滴は若返る上に副作用がありません。予約はこちら。', 'page.txt');
    expect(doc.siteType).toBe('clinic');
    expect(doc.mentionsEv).toBe(true);
    expect(doc.offersEv).toBe(true);
    expect(doc.offerSentence).toBe('ｴｷｿｿｰﾑ点滴は若返る上に副作用がありません。');
    expect(doc.findings.map((f) => [f.rule, f.match, f.severity])).toEqual([
      ['efficacy-claim/rejuvenates', '若返', 'high'],
      ['safety-claim/no-side-effects', '副作用がありません', 'high'],
    ]);
    for (const f of doc.findings) expect(f.sentence.slice(f.start, f.end)).toBe(f.match);
    expect(doc.stats).toMatchObject({ blocks: 1, sentences: 3, tokenizedSentences: 0 });
  });

  it('lowers hedged claims and drops negated and warning sentences', async () => {
    const doc = await analyzer.analyzeText(
      'エクソソームで若返ることが期待できます。エクソソームは副作用がないわけではありません。「副作用がない」などの広告に注意。',
      'x',
    );
    expect(doc.findings.map((f) => [f.rule, f.severity, f.hedged])).toEqual([['efficacy-claim/rejuvenates', 'low', true]]);
  });

  it('gives no findings on a page that never mentions EV, unless asked to assume scope', async () => {
    const text = '当院の点滴は副作用がありません。';
    expect((await analyzer.analyzeText(text, 'x')).findings).toEqual([]);
    expect((await analyzer.analyzeText(text, 'x', { assumeInScope: true })).findings).toHaveLength(1);
  });

  it('puts a block about an unrelated treatment out of scope', async () => {
    const doc = await analyzer.analyzeBlocks(
      [
        { kind: 'paragraph', text: 'エクソソーム点滴のご案内。', path: 'p:1' },
        { kind: 'paragraph', text: 'レーザーのご案内です。副作用がありません。', path: 'p:2' },
        { kind: 'paragraph', text: 'エクソソームは副作用がありません。', path: 'p:3' },
      ],
      'x',
      { title: '案内' },
    );
    expect(doc.title).toBe('案内');
    expect(doc.findings.map((f) => f.block)).toEqual(['p:3']);
  });

  it('yields no findings on authority pages, by host or by signals, and honours a hint', async () => {
    const text = 'エクソソーム点滴で副作用がありませんという例。';
    const byHost = await analyzer.analyzeText(text, 'https://www.example.go.jp/warn.html');
    expect(byHost.siteType).toBe('authority');
    expect(byHost.siteTypeSignals).toEqual(['authority: host \\.go\\.jp$']);
    expect(byHost.findings).toEqual([]);
    const bySignal = await analyzer.analyzeText(`国民生活センターより。${text}`, 'x');
    expect(bySignal.siteType).toBe('authority');
    expect(bySignal.findings).toEqual([]);
    const hinted = await analyzer.analyzeText(text, 'https://www.example.go.jp/', { siteTypeHint: 'clinic' });
    expect(hinted.siteType).toBe('clinic');
    expect(hinted.findings).toHaveLength(1);
  });

  it('counts a site-type signal seen only inside quotes at half weight', async () => {
    const realDict = await createAnalyzer();
    // a clinic word inside a template example: 「当院では…」
    const quoted = await realDict.analyzeText('記載例：「当院では自社で製造しています。」のように書きます。サイトポリシー', 'x');
    expect(quoted.siteTypeSignals).toContain('clinic: 当院|当クリニック (quoted)');
    expect(quoted.siteTypeScores?.clinic).toBe(1);
    expect(quoted.siteType).toBe('authority');
    const own = await realDict.analyzeText('当院では自社で製造しています。', 'x');
    expect(own.siteTypeScores?.clinic).toBe(2);
  });

  it('drops quoted claims on a media page that warns in its own voice', async () => {
    const realDict = await createAnalyzer();
    const media = '編集部\n媒体概要\n';
    const quotedClaim = 'クリニックでは「エクソソーム点滴は副作用ゼロ」と勧められた。';
    const warns = '効果をうたう広告には注意が必要です。苦情の相談が寄せられています。';
    const warning = await realDict.analyzeText(`${media}${quotedClaim}${warns}`, 'x');
    expect(warning.siteType).toBe('media');
    expect(warning.findings).toEqual([]);
    const plain = await realDict.analyzeText(`${media}${quotedClaim}`, 'x');
    expect(plain.findings.map((f) => f.category)).toContain('safety-claim');
  });

  it('reads publisher and research-institution signals', async () => {
    const realDict = await createAnalyzer();
    const advertorial = await realDict.analyzeText('【PR】提供：医療法人社団テスト会\n院長に聞きました。ご予約はこちら。\n媒体概要 編集方針', 'x');
    expect(advertorial.siteType).toBe('media');
    const press = await realDict.analyzeText('プレスリリース\n本学の研究グループが論文を発表しました。\n外来のご予約 休診日：日曜', 'x');
    expect(press.siteType).toBe('authority');
  });

  it('records disclosures with their first evidence and de-duplicates repeated sentences', async () => {
    const doc = await analyzer.analyzeBlocks(
      [
        { kind: 'heading', text: 'エクソソーム点滴は副作用がありません。', path: 'h1' },
        { kind: 'paragraph', text: '未承認医薬品です。1回 33,000円。', path: 'p' },
        { kind: 'text', text: 'エクソソーム点滴は副作用がありません。', path: 'footer' },
      ],
      'x',
    );
    expect(doc.findings).toHaveLength(1);
    expect(doc.disclosures).toEqual(['unapproved', 'cost']);
    expect(doc.disclosureEvidence).toEqual({ unapproved: '未承認医薬品です。', cost: '1回 33,000円。' });
  });

  it('analyzes HTML through the extractor, with evidence from the page', async () => {
    const html = `<html><head><title>エクソソーム点滴｜テスト院</title></head><body>
      <main><h1>ＥＸＯＳＯＭＥ点滴</h1><p>当院のエクソソーム点滴は副作用がありません。</p>
      <script>var x = "副作用がありません";</script></main>
      <footer><p>診療時間 10:00-19:00</p></footer></body></html>`;
    const doc = await analyzer.analyzeHtml(html, 'https://clinic.example/ev');
    expect(doc.title).toBe('エクソソーム点滴｜テスト院');
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({ url: 'https://clinic.example/ev', match: '副作用がありません' });
    expect(doc.findings[0]!.block).toBeTruthy();
  });
});

describe('analyzer on whole pages: menus, labels, questions, unrelated pages', () => {
  const page = (title: string, main: string) => `<html><head><title>${title}</title></head><body>
    <header><nav><ul><li><a href="/ev/">エクソソーム点滴</a></li><li><a href="/voice/">患者様の声</a></li><li><a href="/cp/">キャンペーン</a></li></ul></nav></header>
    <aside><a href="/cp/"><img src="b.jpg" alt="キャンペーンはこちら"></a><a href="/ev/"><img src="c.jpg" alt="エクソソーム点滴 今だけ半額"></a></aside>
    <main>${main}</main><footer><p>診療時間 10:00-19:00</p></footer></body></html>`;

  it('drops bare menu labels and link labels without EV, keeps a banner that names EV', async () => {
    const doc = await analyzer.analyzeHtml(page('アクセス｜テスト院', '<h1>アクセス</h1><p>駅から徒歩2分です。</p>'), 'access.html');
    expect(doc.findings.map((f) => [f.rule, f.match])).toEqual([['inducement/campaign', '半額']]);
  });

  it('keeps a real testimonial in the content and a heading that introduces it', async () => {
    const doc = await analyzer.analyzeHtml(page('患者様の声｜テスト院', '<h1>患者様の声</h1><p>エクソソーム点滴で若返りました。</p>'), 'voice.html');
    expect(doc.findings.map((f) => f.block)).toContain('body > main > h1');
    expect(doc.findings.filter((f) => f.block?.includes('nav') || f.block === 'head > title')).toEqual([]);
  });

  it('puts a page about an unrelated treatment out of scope when only its menus name EV', async () => {
    const doc = await analyzer.analyzeHtml(page('レーザー｜テスト院', '<h1>レーザー</h1><p>副作用がありません。</p><p>1回 10,000円</p>'), 'laser.html');
    expect(doc.findings.filter((f) => f.category !== 'inducement')).toEqual([]);
    expect(doc.disclosures).toEqual([]);
    const ev = await analyzer.analyzeHtml(page('レーザー｜テスト院', '<h1>レーザー</h1><p>エクソソームは副作用がありません。</p>'), 'laser2.html');
    expect(ev.findings.map((f) => f.category)).toContain('safety-claim');
  });

  it('treats FAQ questions as neither claims nor disclosures', async () => {
    const doc = await analyzer.analyzeText('エクソソーム点滴に副作用はありませんか？\n未承認医薬品ですか？\nエクソソームは未承認医薬品です。', 'faq', { assumeInScope: true });
    expect(doc.findings).toEqual([]);
    expect(doc.disclosureEvidence).toEqual({ unapproved: 'エクソソームは未承認医薬品です。' });
  });

  it('keeps the disclosures of a sentence that matches a warning frame', async () => {
    const doc = await analyzer.analyzeText('「副作用がない」などの広告とは違い、当院のエクソソームは未承認医薬品です。', 'w', { assumeInScope: true });
    expect(doc.findings).toEqual([]);
    expect(doc.disclosures).toEqual(['unapproved']);
  });
});

describe('analyzer: frames, scope and one finding per category', () => {
  it('keeps one finding per category per sentence: the higher severity, then the earlier', async () => {
    const doc = await analyzer.analyzeText('エクソソームは安心・安全で副作用がありません。エクソソームは安心・安全です。', 'x');
    expect(doc.findings.map((f) => [f.rule, f.match])).toEqual([
      ['safety-claim/no-side-effects', '副作用がありません'],
      ['safety-claim/reassurance', '安心・安全'],
    ]);
  });

  it('lets a disclaimer cancel only the claims of its own clause', async () => {
    for (const note of ['※個人の感想で、', '個人の感想で、']) {
      // with ※ the note is a sentence of its own; without it the quote and the note are one sentence
      const doc = await analyzer.analyzeText(`声「エクソソームで認知症の父が若返りました。」${note}若返りを保証するものではありません。`, 'x');
      expect(doc.stats.sentences).toBe(note.startsWith('※') ? 2 : 1);
      expect(doc.findings.map((f) => [f.rule, f.match]).sort()).toEqual([
        ['disease-claim/named-disease', '認知症'],
        ['efficacy-claim/rejuvenates', '若返'],
      ]);
      expect(doc.findings.every((f) => f.sentence.startsWith('声「'))).toBe(true);
    }
    const same = await analyzer.analyzeText('エクソソームで若返ると保証するものではありません。', 'x');
    expect(same.findings).toEqual([]);
    // the disclaimer's words are no context for the other clause (disease-claim's unless reads もの…ではありません)
    const own = await analyzer.analyzeText('エクソソームで認知症の方を治療しますが、若返りを保証するものではありません。', 'x');
    expect(own.findings.map((f) => f.rule)).toEqual(['disease-claim/named-disease']);
    const disease = await analyzer.analyzeText('エクソソームは認知症を治すものではありません。', 'x');
    expect(disease.findings).toEqual([]);
  });

  it('reads a negation in the clause of the match only', async () => {
    const doc = await analyzer.analyzeText('エクソソームは副作用がありませんが、若返るわけではありません。', 'x');
    expect(doc.findings.map((f) => f.rule)).toEqual(['safety-claim/no-side-effects']);
  });

  it('counts disclosures on clinic and seller pages, cost also on media, none where the requirement is stated', async () => {
    const text = 'エクソソームは未承認です。1回 30,000円。';
    expect((await analyzer.analyzeText(text, 'x', { siteTypeHint: 'clinic' })).disclosures).toEqual(['unapproved', 'cost']);
    expect((await analyzer.analyzeText(text, 'x', { siteTypeHint: 'media' })).disclosures).toEqual(['cost']);
    // a media page promoting in its own voice (claims found, no warning) carries the provider's disclosures
    expect((await analyzer.analyzeText(`エクソソームは副作用がありません。${text}`, 'x', { siteTypeHint: 'media' })).disclosures).toEqual(['unapproved', 'cost']);
    // so does a declared advertorial, claims or none; a plain article that names "広告" does not
    expect((await analyzer.analyzeText(`【PR】${text}`, 'x', { siteTypeHint: 'media' })).disclosures).toEqual(['unapproved', 'cost']);
    expect((await analyzer.analyzeText(`記事中の治療は自由診療です。${text}`, 'x', { siteTypeHint: 'media' })).disclosures).toEqual(['unapproved', 'cost']);
    expect((await analyzer.analyzeText(`医療広告の規制が強化された。${text}`, 'x', { siteTypeHint: 'media' })).disclosures).toEqual(['cost']);
    expect((await analyzer.analyzeText(text, 'x', { siteTypeHint: 'authority' })).disclosures).toEqual([]);
    const rule = await analyzer.analyzeText('未承認であることを明示すること。', 'x', { siteTypeHint: 'clinic' });
    expect(rule.disclosures).toEqual([]);
  });

  it('names no disease-claim in research and trial sentences', async () => {
    const doc = await analyzer.analyzeText('エクソソームを用いた認知症の治験が始まった。エクソソームで認知症を治療。', 'x');
    expect(doc.findings.map((f) => f.sentence)).toEqual(['エクソソームで認知症を治療。']);
  });

  it('puts a passage about an unrelated treatment out of scope even when scope is assumed', async () => {
    const doc = await analyzer.analyzeText('当院のレーザーは人気です。副作用がありません。安心・安全です。', 'x', { assumeInScope: true });
    expect(doc.findings).toEqual([]);
  });
});

describe('analyzer: sections, labels and label/value pairs', () => {
  const html = (main: string, footer = '<p>診療時間 10:00-19:00</p>') =>
    `<html><head><title>メニュー｜テスト院</title></head><body><main>${main}</main><footer>${footer}</footer></body></html>`;
  const where = (doc: { findings: { block?: string; rule: string }[] }) => doc.findings.map((f) => [f.rule, f.block]);

  it('puts a section whose heading names an unrelated treatment out of scope, up to the next heading or the end of its element', async () => {
    const doc = await analyzer.analyzeHtml(
      html(
        `<section id="ev"><h2>エクソソーム点滴</h2><p>副作用がありません。</p></section>
         <section id="laser"><h2>レーザー</h2><p>副作用がありません。</p><h3>料金</h3><p>1回 10,000円 キャンペーン</p><p>オプション：エクソソーム導入は半額</p></section>`,
        '<p>安心・安全な院内です。</p>',
      ),
      'menu.html',
    );
    expect(where(doc)).toEqual([
      ['safety-claim/no-side-effects', 'section#ev > p'],
      // a block that names EV keeps its own scope under the unrelated heading
      ['inducement/campaign', 'section#laser > p:nth-of-type(3)'],
      // the footer is outside the laser section's element
      ['safety-claim/reassurance', 'body > footer > p'],
    ]);
    expect(doc.disclosures).toEqual([]);
  });

  it('finds the element of a heading with an id of its own from the block after it', async () => {
    const doc = await analyzer.analyzeHtml(
      html(`<h2>エクソソーム点滴</h2><p>副作用がありません。</p><h2 id="laser">レーザー</h2><p>安心・安全です。</p><h2 id="ev2">エクソソームの料金</h2><p>安心・安全です。</p>`),
      'flat.html',
    );
    expect(where(doc)).toEqual([
      ['safety-claim/no-side-effects', 'body > main > p:nth-of-type(1)'],
      ['safety-claim/reassurance', 'body > main > p:nth-of-type(3)'],
    ]);
  });

  it('gives a label line the scope of the block it labels', async () => {
    const doc = await analyzer.analyzeHtml(
      html(`<h1>エクソソーム点滴</h1><div class="box"><p>キャンペーン</p><p>レーザー 初回半額</p><p>11月末まで</p></div><div class="box2"><p>キャンペーン</p><p>初回は1回 20,000円</p></div>`),
      'cp.html',
    );
    expect(where(doc)).toEqual([['inducement/campaign', 'body > main > div:nth-of-type(2) > p:nth-of-type(1)']]);
  });

  it('names no disease under a plain heading of exclusions, and keeps a heading-only risk disclosure unless its section denies risks', async () => {
    const exclusions = await analyzer.analyzeHtml(
      html(`<h1>エクソソーム点滴</h1><section><h2>受けられない方</h2><ul><li>認知症の方</li></ul></section><section><h2>対象</h2><p>認知症の方に。</p></section>`),
      'ex.html',
    );
    expect(where(exclusions)).toEqual([['disease-claim/named-disease', 'body > main > section:nth-of-type(2) > p']]);
    const denied = await analyzer.analyzeHtml(html(`<h1>エクソソーム点滴</h1><section><h2>副作用について</h2><p>副作用がありません。</p></section>`), 'd.html');
    expect(denied.disclosures).toEqual([]);
    expect(denied.findings.map((f) => f.rule)).toEqual(['safety-claim/no-side-effects']);
    const listed = await analyzer.analyzeHtml(html(`<h1>エクソソーム点滴</h1><section><h2>副作用について</h2><p>発熱など。</p></section>`), 'l.html');
    expect(listed.disclosures).toEqual(['risks']);
  });

  it('drops a bare label that points elsewhere wherever it stands, keeps it as a heading', async () => {
    const pointer = await analyzer.analyzeText('エクソソーム点滴のご案内。\n患者様の声はこちら', 'p', { assumeInScope: true });
    expect(pointer.findings).toEqual([]);
    const heading = await analyzer.analyzeHtml(html('<h1>エクソソーム点滴</h1><h2>患者様の声</h2><p>とても良かったです。</p>'), 'h.html');
    expect(heading.findings.map((f) => f.rule)).toEqual(['testimonial/voice-label']);
  });

  it('reads a label and its value, alone in their element, as one line', async () => {
    const doc = await analyzer.analyzeHtml(
      html(`<h1>エクソソーム点滴</h1><ul><li><p>副作用が</p><p>ありません</p></li><li><p>副作用が</p><p>ありません</p><p>※当院調べ</p></li></ul>`),
      'pair.html',
    );
    expect(doc.findings.map((f) => [f.sentence, f.block])).toEqual([['副作用がありません', 'body > main > ul > li:nth-of-type(1)']]);
    expect(doc.stats.blocks).toBe(8);
  });
});

describe('analyzeSite', () => {
  it('reports missing disclosures once per item, pointing at the page that offers the treatment', async () => {
    const menu = await analyzer.analyzeText('エクソソーム点滴 1回 30,000円。診療時間 10時から。', 'https://c.example/menu');
    const faq = await analyzer.analyzeText('本治療は未承認医薬品を用います。', 'https://c.example/faq');
    const site = analyzeSite('c.example', [faq, menu]);
    expect(site.siteType).toBe('clinic');
    expect(site.offersEv).toBe(true);
    expect(site.disclosuresPresent).toEqual(['unapproved', 'cost']);
    expect(site.disclosuresMissing).toEqual(['acquisition-route', 'domestic-approved-equivalent', 'overseas-safety-info', 'relief-system-not-applicable', 'risks']);
    expect(site.siteFindings).toHaveLength(5);
    expect(site.siteFindings[0]).toMatchObject({
      category: 'missing-disclosure',
      rule: 'missing-disclosure/acquisition-route',
      severity: 'high',
      url: 'https://c.example/menu',
      sentence: 'エクソソーム点滴 1回 30,000円。',
      disclosure: 'acquisition-route',
    });
  });

  it('decides the site type over all pages and clears findings on authority sites', async () => {
    const a = await analyzer.analyzeText('エクソソーム点滴は副作用がありません。', 'https://x.example/1');
    const b = await analyzer.analyzeText('国民生活センターの資料です。', 'https://x.example/2');
    const c = await analyzer.analyzeText('国民生活センターへの相談。', 'https://x.example/3');
    expect(a.findings).toHaveLength(1);
    const site = analyzeSite('x.example', [a, b, c]);
    expect(site.siteType).toBe('authority');
    expect(site.documents.flatMap((d) => d.findings)).toEqual([]);
    expect(site.offersEv).toBe(false);
    expect(site.siteFindings).toEqual([]);
  });

  it('does not ask for disclosures on a site that does not offer EV', async () => {
    const doc = await analyzer.analyzeText('診療時間は10時からです。', 'https://y.example/');
    expect(analyzeSite('y.example', [doc])).toMatchObject({ offersEv: false, disclosuresMissing: [], siteFindings: [] });
  });
});

describe('createAnalyzer', () => {
  it('loads the real dictionaries and reports their version', async () => {
    const real = await createAnalyzer();
    expect(real.dictionaryVersion).toMatch(/^[0-9a-f]{64}$/);
  });
});
