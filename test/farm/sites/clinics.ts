// The farm's full clinic sites. All names, people and sentences are invented.
// Between them they plant every sentence category of claims.md, with
// disclaimers and disclosures that must not be flagged.
import { paras } from '../html.ts';
import { DISCLOSURE_ITEMS } from '../../../src/model.ts';
import type { SiteSpec } from '../spec.ts';
import { claim, decoy } from '../spec.ts';
import { clinicSite } from './clinic-builder.ts';


/** All seven disclosures, hedged claims, and an out-of-scope laser page; adds claims in generation 2. */
const aoba = clinicSite({
  name: '青葉リジェネクリニック仙台',
  corp: '医療法人社団青葉会',
  director: '青木 修平',
  address: '宮城県仙台市青葉区一番町9-9-9 青葉ビル3階',
  station: '勾当台公園',
  tel: '022-000-0101',
  therapy: 'エクソソーム点滴',
  kind: 'normal',
  disclosures: [...DISCLOSURE_ITEMS],
  price: '198,000円（税込）',
  extraNav: [['/menu/laser.html', 'ピコレーザー']],
  claims: {
    top: [
      claim('superlative', '当院は東北で唯一のエクソソーム点滴専門外来です。'),
      claim('inducement', '開院5周年を記念して、エクソソーム点滴の初回料金を20%OFFにいたします。', { gens: [2] }),
    ],
    treatment: [
      decoy('幹細胞を培養した上清液には、エクソソームをはじめ多様な成分が含まれています。', 'says supernatant contains exosomes; not presented as an EV product'),
      claim('efficacy-claim', '点滴後は肌のハリや疲れにくさの改善が期待できます。'),
      claim('disease-claim', '変形性膝関節症による膝の痛みに対しても、エクソソームの関節内注射を行っています。', { gens: [2] }),
    ],
    faq: [
      '<h2>Q. 副作用はありますか？</h2>',
      decoy('副作用がないわけではありませんので、体調に変化があればすぐにご連絡ください。', 'negated safety claim'),
      '<h2>Q. 必ず効果は出ますか？</h2>',
      decoy('感じ方には個人差があり、当院は効果を保証するものではありません。', 'efficacy disclaimer'),
    ],
    cases: [claim('before-after', '治療前と治療後3か月の肌の状態を、症例写真で比較してご紹介します。')],
    doctor: [paras('日本内科学会 認定内科医。')],
  },
  extraPages: [
    {
      path: '/menu/laser.html',
      title: 'ピコレーザー｜青葉リジェネクリニック仙台',
      body: [
        '<h1>ピコレーザー</h1>',
        decoy('当院のピコレーザーは業界最高水準の出力で、シミを1回で取り除けます。', 'out of scope: unrelated laser page'),
        decoy('地域No.1の照射実績を誇る最新機種を導入しています。', 'out of scope: unrelated laser page'),
        paras('ピコレーザー 1回 33,000円（税込）。照射後は赤みが出ることがあります。'),
      ],
    },
  ],
});

/** The heavy advertiser: most categories, few disclosures; drops claims in generation 2. */
const lumiere = clinicSite({
  name: '銀座ルミエール美容外科クリニック',
  corp: '医療法人社団光輝会',
  director: '光岡 玲子',
  address: '東京都中央区銀座9-9-9 ルミエールビル5階',
  station: '銀座',
  tel: '03-0000-0202',
  therapy: 'エクソソーム点滴',
  kind: 'normal',
  disclosures: ['cost', 'risks'],
  price: '220,000円（税込）',
  claims: {
    top: [
      claim('superlative', '日本初のエクソソーム専門クリニックとして、最先端の再生医療をお届けします。'),
      claim('celebrity', '多くの芸能人やモデルの方にもご愛用いただいています。', { gens: [1] }),
      claim('inducement', '今月限定で、エクソソーム点滴の初回モニター価格を50%OFFでご案内しています。'),
    ],
    treatment: [
      claim('supernatant-as-ev', '当院のエクソソーム点滴には、厳選したヒト脂肪幹細胞培養上清液を使用しています。'),
      claim('efficacy-claim', 'わずか1回の点滴で10歳若返ることが実証されています。'),
      claim('safety-claim', '天然由来の成分なので副作用の心配はありません。'),
      claim('approval-claim', '厚生労働省に認可されたエクソソーム製剤のみを使用しています。'),
      claim('disease-claim', '認知症やパーキンソン病の進行予防にもエクソソーム点滴をおすすめしています。', { gens: [1] }),
    ],
    cases: [
      claim(['testimonial', 'efficacy-claim'], '患者様の声：1回受けただけで翌朝から体が軽くなり、本当に驚きました（40代女性）。'),
      claim('before-after', '施術前と施術後3か月のお写真を比べると、目元のシワがはっきりと薄くなっています。'),
    ],
    doctor: [claim('superlative', '院長は再生医療の第一人者として、全国で数多くの講演を行っています。')],
  },
});

/** Served in Shift_JIS (header and meta); an older site that predates the 2024 revision. */
const sakura = clinicSite({
  name: 'さくら内科・再生医療クリニック',
  corp: '医療法人さくら会',
  director: '桜井 健一',
  address: '大阪府大阪市北区梅田9-9-9',
  station: '梅田',
  tel: '06-0000-0303',
  therapy: 'エクソソーム療法',
  kind: 'shift_jis',
  encoding: 'Shift_JIS',
  headerCharset: 'Shift_JIS',
  disclosures: ['unapproved', 'acquisition-route', 'domestic-approved-equivalent', 'cost', 'risks'],
  price: '165,000円（税込）',
  claims: {
    top: [
      claim('approval-claim', '当院は国が認めた再生医療の提供機関です。'),
      claim('inducement', 'ｴｸｿｿｰﾑ点滴の初回限定30%OFFキャンペーンを実施中です。'),
    ],
    treatment: [
      claim('supernatant-as-ev', '当院ではエクソソーム（幹細胞培養上清）療法を行っております。'),
      claim('disease-claim', '糖尿病や高血圧でお悩みの方にもエクソソーム療法をご提案しております。'),
      claim('efficacy-claim', '継続して受けていただくことで、血糖値が必ず改善します。'),
    ],
    faq: [
      '<h2>Q. 他人の細胞由来でも大丈夫ですか？</h2>',
      claim('safety-claim', 'ご自身の細胞ではありませんが、拒絶反応の心配はございません。'),
    ],
    cases: [
      claim(
        ['before-after', 'disease-claim'],
        '投与前は杖が必要だった脳梗塞後遺症の80代男性が、半年後には一人で散歩できるまでに回復しました。',
      ),
    ],
  },
});

/** EUC-JP with only a http-equiv meta charset (no header charset); spells it エキソソーム. */
const hikari = clinicSite({
  name: 'ひかり整形外科クリニック',
  corp: '医療法人社団光明会',
  director: '日野 孝之',
  address: '福岡県福岡市中央区天神9-9-9',
  station: '天神',
  tel: '092-000-0404',
  therapy: 'エキソソーム関節注射',
  kind: 'euc-jp',
  encoding: 'EUC-JP',
  headerCharset: null,
  metaStyle: 'http-equiv',
  disclosures: ['unapproved', 'acquisition-route', 'domestic-approved-equivalent', 'overseas-safety-info', 'cost', 'risks'],
  price: '132,000円（税込）',
  claims: {
    top: [claim('superlative', 'スポーツ再生医療の分野で県内No.1の実績があります。')],
    treatment: [
      claim('disease-claim', '変形性膝関節症の痛みに対して、エキソソームを関節内に注射する治療を行っています。'),
      claim('efficacy-claim', '傷んだ軟骨の修復を促す可能性があります。'),
      claim('safety-claim', '安全性が確立された治療法ですので、ご高齢の方でも受けられます。'),
    ],
    cases: [claim('testimonial', '患者様の声：2回目の注射のあとには、また趣味のゴルフを楽しめるようになりました。')],
  },
});

/** Header says ISO-8859-1, but body and meta are Shift_JIS: the meta must win. Adds a claim in generation 2. */
const minato = clinicSite({
  name: 'みなと総合クリニック',
  corp: '医療法人湊会',
  director: '港 大輔',
  address: '神奈川県横浜市中区海岸通9-9-9',
  station: '日本大通り',
  tel: '045-000-0505',
  therapy: 'エクソソーム点滴',
  kind: 'wrong-charset',
  encoding: 'Shift_JIS',
  headerCharset: 'ISO-8859-1',
  disclosures: ['cost'],
  price: '275,000円（税込）',
  claims: {
    top: [claim('superlative', '世界最先端のエクソソーム治療を横浜で提供しています。')],
    treatment: [
      claim('disease-claim', 'がんの再発予防を目的としたエクソソーム点滴を行っています。'),
      claim(['efficacy-claim', 'disease-claim'], 'がん細胞の増殖を抑える効果が科学的に証明されています。'),
      claim('safety-claim', '副作用はほとんどなく、どなたでも安心・安全に受けられます。'),
      claim(['disease-claim', 'efficacy-claim'], '新型コロナ後遺症のつらい倦怠感にもエクソソーム点滴が有効です。'),
      claim('approval-claim', '当院のエクソソームは厚生労働省に届出済みの製剤です。', { gens: [2] }),
    ],
  },
});

/** robots.txt disallows /private/ (claims there must NOT be found) and asks Crawl-delay: 1. */
const midori = clinicSite({
  name: 'みどりの杜クリニック',
  corp: '医療法人社団緑風会',
  director: '森田 美咲',
  address: '愛知県名古屋市千種区今池9-9-9',
  station: '今池',
  tel: '052-000-0606',
  therapy: 'エクソソーム点滴',
  kind: 'robots',
  disclosures: [...DISCLOSURE_ITEMS],
  price: '176,000円（税込）',
  robots: 'User-agent: BadBot\nDisallow: /\n\nUser-agent: *\nCrawl-delay: 1\nDisallow: /private/\nDisallow: /cgi-bin/\n',
  disallow: ['/private/', '/cgi-bin/'],
  extraNav: [['/private/member.html', '会員様ページ']],
  claims: {
    treatment: [claim('efficacy-claim', 'エクソソーム点滴により、慢性的な疲労感の軽減が期待されています。')],
    price: [claim('inducement', 'モニターにご協力いただける方は、施術料金が30%OFFになります。')],
    cases: ['<p><a href="/private/voices.html">会員様限定の体験談はこちら</a></p>'],
  },
  extraPages: [
    {
      path: '/private/member.html',
      title: '会員様ページ｜みどりの杜クリニック',
      body: [
        '<h1>会員様ページ</h1>',
        claim(['disease-claim', 'efficacy-claim'], '会員様だけにお伝えしますが、エクソソーム点滴でアトピー性皮膚炎が完治します。'),
        '<p><a href="/private/voices.html">体験談</a></p>',
      ],
    },
    {
      path: '/private/voices.html',
      title: '会員様の体験談｜みどりの杜クリニック',
      body: ['<h1>体験談</h1>', claim(['testimonial', 'efficacy-claim'], '体験談：3回の点滴で、長年の不眠が嘘みたいになくなりました。')],
    },
  ],
});

/** A campaign page listed only in sitemap.xml (robots names the sitemap), linked from nowhere. */
const kaede = clinicSite({
  name: 'かえで美容皮膚科',
  corp: '医療法人社団楓会',
  director: '楓 真理子',
  address: '京都府京都市下京区四条通9-9-9',
  station: '四条',
  tel: '075-000-0707',
  therapy: '幹細胞エクソソーム点滴',
  kind: 'sitemap-only',
  disclosures: ['unapproved', 'acquisition-route', 'domestic-approved-equivalent', 'overseas-safety-info', 'relief-system-not-applicable', 'cost'],
  price: '148,500円（税込）',
  robots: 'User-agent: *\nDisallow:\n\nSitemap: {base}sitemap.xml\n',
  claims: {
    top: [claim('superlative', '関西最大級の再生美容クリニックです。')],
    treatment: [claim('safety-claim', 'リスクゼロの次世代エイジングケアとして人気を集めています。')],
  },
  extraPages: [
    {
      path: '/campaign/monitor.html',
      title: 'モニター募集｜かえで美容皮膚科',
      inSitemap: true,
      body: [
        '<h1>モニター募集</h1>',
        claim(['celebrity', 'inducement'], 'インフルエンサーの方も多数ご来院の話題の施術が、モニター価格99,800円で受けられます。'),
        claim('supernatant-as-ev', '臍帯由来の培養上清液を用いたエクソソーム療法です。'),
      ],
    },
  ],
});
for (const p of kaede.pages) if (!p.path.startsWith('/campaign/')) p.inSitemap = true;

/** Every response waits 1.5 s when delays are on. */
const asahi = clinicSite({
  name: 'あさひ再生医療クリニック',
  corp: '医療法人旭会',
  director: '朝日 浩二',
  address: '北海道札幌市中央区大通西9-9-9',
  station: '大通',
  tel: '011-000-0808',
  therapy: 'エクソソーム点滴',
  kind: 'slow',
  pages: ['top', 'treatment', 'price', 'access'],
  delayMs: 1500,
  disclosures: ['unapproved', 'acquisition-route', 'domestic-approved-equivalent', 'cost', 'risks'],
  price: '187,000円（税込）',
  claims: {
    treatment: [
      claim('efficacy-claim', 'エクソソーム点滴で、落ちていた免疫力が劇的に回復します。'),
      claim('disease-claim', '慢性疲労症候群と診断された方にもおすすめです。'),
    ],
    top: [claim('testimonial', 'お客様の口コミ：点滴を始めてから、季節の変わり目にも寝込まなくなりました。')],
  },
});

/** Appears only in generation 2. */
const reina = clinicSite({
  name: '麗奈ビューティークリニック',
  corp: '医療法人社団麗和会',
  director: '北条 麗奈',
  address: '東京都渋谷区神宮前9-9-9',
  station: '表参道',
  tel: '03-0000-0909',
  therapy: 'エクソソーム美容点滴',
  kind: 'new-in-gen2',
  gens: [2],
  disclosures: ['cost'],
  price: '99,000円（税込）',
  claims: {
    top: [
      claim('celebrity', '有名人も通う表参道のエクソソーム専門院です。'),
      claim('inducement', '今だけ、初回限定で2回目が無料になります。'),
    ],
    treatment: [
      claim('supernatant-as-ev', 'エクソソーム美容点滴は、幹細胞培養液そのものを高濃度で点滴する施術です。'),
      claim(['disease-claim', 'efficacy-claim'], 'ED（勃起不全）の改善にもエクソソーム点滴が有効です。'),
    ],
    cases: [claim('before-after', 'Before/After：施術前はくすみが目立っていた30代女性が、施術1か月後には明るい肌色になりました。')],
  },
});

export const CLINIC_SITES: SiteSpec[] = [aoba, lumiere, sakura, hikari, minato, midori, kaede, asahi, reina];
