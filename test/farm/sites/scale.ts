// Generated clinic-like sites for the sweep bench: N sites x M interlinked
// pages of ~5-10 KB of text each, a few planted claims per site, seeded so two
// runs serve the same bytes.
import type { DisclosureItem } from '../../../src/model.ts';
import { DISCLOSURE_ITEMS } from '../../../src/model.ts';
import { esc, paras } from '../html.ts';
import type { PageSpec, Piece, SiteSpec } from '../spec.ts';
import { claim } from '../spec.ts';
import type { ClinicPage } from './clinic-builder.ts';
import { clinicSite } from './clinic-builder.ts';
import { seededRandom as rng } from '../../support/seeded-random.ts';


const PREFIX = ['青空', '白樺', '若葉', '陽だまり', '朝霧', '桜坂', '港町', '緑ヶ丘', '星見', '月見台', '清流', '紅葉'];
const SUFFIX = ['クリニック', '美容クリニック', '内科クリニック', '皮膚科', 'メディカルクリニック', 'スキンクリニック'];
const CITY = ['札幌', '仙台', '新潟', '金沢', '名古屋', '京都', '神戸', '岡山', '松山', '熊本', '那覇', '千葉'];
const TOPICS = ['季節の肌ケア', '睡眠と生活リズム', '点滴の前後に気をつけること', 'カウンセリングの流れ', '院内の設備', 'スタッフ紹介', '食事と水分補給', '運動習慣', '紫外線対策', '予約の取り方'];

/** Neutral clinic column prose: no claims in it. */
const FILLER = [
  '当院では、初めての方にもわかりやすいよう、施術の内容や流れを丁寧にご説明しています。',
  'ご来院の際は、保険証とお薬手帳をお持ちください。',
  '季節の変わり目は体調を崩しやすいため、十分な睡眠とバランスのよい食事を心がけましょう。',
  '待合室には季節の花を飾り、ゆったりとお過ごしいただけるよう工夫しています。',
  '点滴の当日は、激しい運動や長時間の入浴は控えていただくようお願いしています。',
  'ご不明な点がございましたら、受付スタッフまでお気軽にお尋ねください。',
  '駐車場は提携のコインパーキングをご利用いただけます。',
  'スタッフ一同、皆さまのご来院を心よりお待ちしております。',
  'カウンセリングでは、これまでの病歴やアレルギーの有無について詳しくお伺いします。',
  '日々の生活の中で、こまめな水分補給を意識することも大切です。',
  '当院の院内は、車いすの方にも通りやすい広さを確保しています。',
  '施術後に気になる症状があれば、診療時間内にお電話でご連絡ください。',
  '予約の変更やキャンセルは、前日までにご連絡をお願いいたします。',
  '定期的な健康診断を受けて、ご自身の体の状態を知っておきましょう。',
  '院内では感染対策として、換気と消毒を徹底しています。',
  '平日の夕方は比較的ご予約が取りやすくなっています。',
];

const CLAIMS: [Parameters<typeof claim>[0], string][] = [
  ['efficacy-claim', 'エクソソーム点滴を受けると、肌の調子が見違えるほど良くなります。'],
  ['efficacy-claim', '数回の点滴で、疲れにくい体づくりが期待できます。'],
  ['safety-claim', '体にやさしい成分なので、副作用の心配はいりません。'],
  ['disease-claim', '関節リウマチの痛みでお困りの方にもエクソソーム点滴を行っています。'],
  ['disease-claim', '脳卒中の後遺症に対するエクソソーム療法をご案内しています。'],
  ['supernatant-as-ev', '当院のエクソソーム療法では、幹細胞培養上清液を点滴します。'],
  ['approval-claim', '国の認可を受けた施設で作られたエクソソームを使っています。'],
  ['testimonial', '体験者の声：点滴の翌日から目覚めがすっきりしました。'],
  ['before-after', '施術前と施術後の比較写真をご覧ください。'],
  ['superlative', '地域で唯一のエクソソーム専門外来です。'],
  ['inducement', '期間限定で、初回の点滴料金が30%OFFになります。'],
  ['celebrity', 'テレビでおなじみの有名人も通っています。'],
];

function column(r: () => number, site: string, index: number, links: number[], planted: Piece[]): PageSpec {
  const topic = TOPICS[index % TOPICS.length]!;
  const body: Piece[] = [`<article><h1>${esc(topic)}（第${index}回）</h1>`];
  // ~2,000-3,300 Japanese characters: 5-10 KB of UTF-8 once the layout is added.
  const sentences = 45 + Math.floor(r() * 30);
  for (let s = 0; s < sentences; s += 3) {
    body.push(paras([0, 1, 2].map(() => FILLER[Math.floor(r() * FILLER.length)]!).join('')));
    if (s === 12) body.push(...planted);
  }
  body.push(`<h2>関連コラム</h2><ul>${links.map((l) => `<li><a href="/column/${l}.html">${esc(TOPICS[l % TOPICS.length]!)}（第${l}回）</a></li>`).join('')}</ul></article>`);
  return { path: `/column/${index}.html`, title: `${topic}｜${site}`, body };
}

export function scaleSites(sites: number, pagesPerSite: number): SiteSpec[] {
  const out: SiteSpec[] = [];
  const clinicPages: ClinicPage[] = ['top', 'treatment', 'price', 'faq', 'cases', 'doctor', 'access'];
  for (let i = 0; i < sites; i++) {
    const r = rng(i + 1);
    const name = `${PREFIX[i % PREFIX.length]}${SUFFIX[Math.floor(i / PREFIX.length) % SUFFIX.length]} ${CITY[i % CITY.length]}院 ${i + 1}`;
    const pages = clinicPages.slice(0, Math.min(pagesPerSite, clinicPages.length));
    const columns = Math.max(0, pagesPerSite - pages.length);
    const disclosures: DisclosureItem[] = DISCLOSURE_ITEMS.filter(() => r() < 0.6);
    if (!disclosures.includes('cost')) disclosures.push('cost');
    // One claim on every third column, cycling through the categories.
    const extraPages = Array.from({ length: columns }, (_, k) => {
      const n = k + 1;
      const links = [1, 2, 3, 5].map((d) => ((n - 1 + d) % columns) + 1).filter((l) => l !== n);
      const c = CLAIMS[(i + k) % CLAIMS.length]!;
      return column(r, name, n, links, k % 3 === 0 ? [claim(c[0], c[1])] : []);
    });
    out.push(
      clinicSite({
        name,
        corp: `医療法人社団${PREFIX[i % PREFIX.length]}会`,
        director: `院長 ${i + 1}`,
        address: `${CITY[i % CITY.length]}市中央区本町${(i % 9) + 1}-${(i % 7) + 1}-${(i % 5) + 1}`,
        station: CITY[i % CITY.length]!,
        tel: `000-000-${String(i).padStart(4, '0')}`,
        therapy: 'エクソソーム点滴',
        kind: 'generated',
        pages,
        disclosures,
        price: `${150 + (i % 10) * 11},000円（税込）`,
        claims: {
          treatment: [claim(CLAIMS[i % CLAIMS.length]![0], CLAIMS[i % CLAIMS.length]![1])],
        },
        extraNav: extraPages.map((p) => [p.path, String(p.title.split('｜')[0])]),
        extraPages,
      }),
    );
  }
  return out;
}
