// Builds a clinic-like site (top, treatment, price list, FAQ, cases, doctor,
// access) from a profile. The 限定解除 disclosure block is generated from the
// items the profile gives, so missingDisclosures is derived, not hand-kept.
import type { DisclosureItem } from '../../../src/model.ts';
import { DISCLOSURE_ITEMS } from '../../../src/model.ts';
import { charsetMeta, documentShell, esc, navList, paras, table } from '../html.ts';
import type { Gen, PageSpec, Piece, SiteSpec, SiteState, SpecialResponse } from '../spec.ts';
import { BOTH, decoy } from '../spec.ts';

export type ClinicPage = 'top' | 'treatment' | 'price' | 'faq' | 'cases' | 'doctor' | 'access';

export interface ClinicProfile {
  name: string;
  corp: string;
  director: string;
  address: string;
  station: string;
  tel: string;
  /** What the clinic calls its EV product (e.g. エクソソーム点滴, エキソソーム療法). */
  therapy: string;
  kind: string;
  gens?: Gen[];
  encoding?: SiteSpec['encoding'];
  headerCharset?: string | null;
  metaStyle?: 'html5' | 'http-equiv';
  /** Pages to build; default all. */
  pages?: ClinicPage[];
  /** Disclosure items given on the treatment page (cost needs `price`). */
  disclosures: DisclosureItem[];
  /** Price of one session, e.g. '198,000円（税込）'; required when 'cost' is disclosed. */
  price?: string;
  claims: Partial<Record<ClinicPage, Piece[]>>;
  extraPages?: PageSpec[];
  extraNav?: [href: string, label: string][];
  robots?: string;
  disallow?: string[];
  delayMs?: number;
  special?: (path: string, query: URLSearchParams, state: SiteState) => SpecialResponse | undefined;
}

export const TREATMENT_PATH = '/menu/exosome.html';

const NAV: [ClinicPage, string, string][] = [
  ['top', '/', 'トップ'],
  ['treatment', TREATMENT_PATH, ''],
  ['price', '/price.html', '料金表'],
  ['faq', '/faq.html', 'よくある質問'],
  ['cases', '/case.html', '症例・患者様の声'],
  ['doctor', '/doctor.html', '院長紹介'],
  ['access', '/access.html', 'アクセス・診療時間'],
];

function disclosureBlock(p: ClinicProfile): Piece[] {
  const given = new Set(p.disclosures);
  const items: Piece[] = [];
  if (given.has('unapproved'))
    items.push(
      decoy(`当院の${p.therapy}で用いる製剤は、医薬品医療機器等法上の承認を受けた医薬品ではありません。`, 'disclosure item 1 (unapproved), not an approval claim', { tag: 'li' }),
    );
  if (given.has('acquisition-route'))
    items.push(`<li>${esc('製剤は、国内の細胞加工施設で製造されたものを当院医師の責任のもとで購入しています。')}</li>`);
  if (given.has('domestic-approved-equivalent'))
    items.push(`<li>${esc('国内において、同一の成分や効能を持つ承認医薬品等はありません。')}</li>`);
  if (given.has('overseas-safety-info'))
    items.push(
      decoy('諸外国においても安全性等に係る情報は十分に確立されておらず、重大なリスクが明らかになっていない可能性があります。', 'disclosure item 4 (overseas safety info), a denial of established safety', { tag: 'li' }),
    );
  if (given.has('relief-system-not-applicable'))
    items.push(`<li>${esc('万一重い健康被害が生じた場合でも、医薬品副作用被害救済制度の対象外となります。')}</li>`);
  if (given.has('cost')) items.push(`<li>${esc(`費用：${p.therapy} 1回 ${p.price}。自由診療のため保険は適用されません。`)}</li>`);
  if (given.has('risks'))
    items.push(`<li>${esc('主なリスク・副作用として、注射部位の痛みや内出血、一時的な発熱、だるさ、まれにアレルギー反応が起こることがあります。')}</li>`);
  if (items.length === 0) return [];
  return ['<section class="notice"><h2>自由診療・未承認医薬品等に関する表記</h2><ul>', ...items, '</ul></section>'];
}

function pages(p: ClinicProfile): PageSpec[] {
  const c = (k: ClinicPage): Piece[] => p.claims[k] ?? [];
  const all: Record<ClinicPage, PageSpec> = {
    top: {
      path: '/',
      title: `${p.name}｜${p.station}駅すぐの自由診療クリニック`,
      body: [
        `<section class="hero"><h1>${esc(p.name)}</h1>`,
        paras(`${p.name}は、${p.station}駅から歩いてすぐの場所にあるクリニックです。`, 'お一人おひとりのお悩みに合わせて、医師がカウンセリングを行い施術内容をご提案いたします。'),
        ...c('top'),
        '</section><section class="news"><h2>お知らせ</h2><ul>',
        '<li>2025.04.01 ゴールデンウィーク期間の診療日についてのお知らせ</li>',
        '<li>2025.03.10 ウェブ予約システムを更新しました</li>',
        '<li>2025.02.15 駐車場提携先が変わりました</li>',
        '</ul></section>',
        `<section class="menu"><h2>診療メニュー</h2><ul><li><a href="${TREATMENT_PATH}">${esc(p.therapy)}</a></li>${(p.extraNav ?? []).map(([h, l]) => `<li><a href="${h}">${esc(l)}</a></li>`).join('')}</ul></section>`,
        '<p><a href="/access.html">ご予約・お問い合わせはこちら</a></p>',
      ],
    },
    treatment: {
      path: TREATMENT_PATH,
      title: `${p.therapy}｜${p.name}`,
      body: [
        `<article><h1>${esc(p.therapy)}</h1>`,
        paras(
          'エクソソームとは、細胞から分泌される直径50～150ナノメートルほどの小さな袋状の物質で、たんぱく質や核酸などを含んでいます。',
          '細胞同士の情報のやりとりに関わっていると考えられ、国内外で研究が進められています。',
        ),
        '<h2>施術の流れ</h2><ol><li>医師によるカウンセリング</li><li>体調の確認と同意書へのご署名</li><li>点滴または注射（約60分）</li><li>院内で30分ほどお休みいただいてからのご帰宅</li></ol>',
        '<h2>当院の考え方</h2>',
        ...c('treatment'),
        '<h2>受けられない方</h2>',
        paras('妊娠中・授乳中の方、治療中の病気がある方は、事前に必ず医師にご相談ください。'),
        ...disclosureBlock(p),
        '</article>',
      ],
    },
    price: {
      path: '/price.html',
      title: `料金表｜${p.name}`,
      body: [
        '<h1>料金表</h1>',
        p.disclosures.includes('cost')
          ? table(
              [
                [`${p.therapy}（1回）`, p.price ?? ''],
                [`${p.therapy}（3回コース）`, '1回あたりの料金×3回'],
                ['初診カウンセリング', '無料'],
                ['血液検査', '5,500円（税込）'],
              ],
              ['メニュー', '料金'],
            )
          : paras(`${p.therapy}の料金は、カウンセリングの際に医師からご案内いたします。`),
        ...c('price'),
        paras('お支払いには現金のほか、各種クレジットカードをご利用いただけます。'),
      ],
    },
    faq: {
      path: '/faq.html',
      title: `よくある質問｜${p.name}`,
      body: [
        '<h1>よくある質問</h1>',
        '<h2>Q. 施術時間はどのくらいですか？</h2>',
        paras('A. 点滴そのものは約60分です。カウンセリングとお休みの時間を含めると2時間ほどを見込んでください。'),
        '<h2>Q. 予約は必要ですか？</h2>',
        paras('A. 完全予約制です。お電話またはウェブ予約フォームからお申し込みください。'),
        '<h2>Q. どのくらいの間隔で受ければよいですか？</h2>',
        paras('A. 一般的には1～3か月ごとにご案内していますが、体調やご希望により医師がご提案します。'),
        ...c('faq'),
      ],
    },
    cases: {
      path: '/case.html',
      title: `症例・患者様の声｜${p.name}`,
      body: ['<h1>症例・患者様の声</h1>', paras('掲載にあたっては、ご本人の同意をいただいています。'), ...c('cases')],
    },
    doctor: {
      path: '/doctor.html',
      title: `院長紹介｜${p.name}`,
      body: [
        `<h1>院長紹介</h1><h2>院長 ${esc(p.director)}</h2>`,
        paras('地域の皆さまに気軽にご相談いただけるクリニックを目指しています。', 'どんな小さなことでも、お気軽にお声がけください。'),
        '<h3>経歴</h3><ul><li>医学部卒業</li><li>大学病院 勤務</li><li>総合病院 勤務</li><li>当院 開院</li></ul>',
        ...c('doctor'),
      ],
    },
    access: {
      path: '/access.html',
      title: `アクセス・診療時間｜${p.name}`,
      body: [
        '<h1>アクセス・診療時間</h1>',
        paras(`住所：${p.address}`, `${p.station}駅から徒歩3分`, `電話：${p.tel}`),
        '<h2>診療時間</h2>',
        table(
          [
            ['10:00～13:00', '○', '○', '○', '休', '○', '○'],
            ['14:30～19:00', '○', '○', '○', '休', '○', '△'],
          ],
          ['診療時間', '月', '火', '水', '木', '金', '土'],
        ),
        paras('△：土曜午後は17:00まで。休診日：木曜・日曜・祝日。', 'ご予約はお電話またはウェブ予約にて承ります。'),
        ...c('access'),
      ],
    },
  };
  const wanted = p.pages ?? NAV.map(([k]) => k);
  return [...wanted.map((k) => all[k]), ...(p.extraPages ?? [])];
}

export function clinicSite(p: ClinicProfile): SiteSpec {
  const encoding = p.encoding ?? 'utf-8';
  const wanted = new Set(p.pages ?? NAV.map(([k]) => k));
  const nav = navList(NAV.filter(([k]) => wanted.has(k)).map(([k, href, label]) => [href, k === 'treatment' ? p.therapy : label]));
  return {
    name: p.name,
    type: 'clinic',
    kind: p.kind,
    gens: p.gens ?? BOTH,
    encoding,
    headerCharset: p.headerCharset === undefined ? encoding : p.headerCharset,
    pages: pages(p),
    robots: p.robots,
    disallow: p.disallow,
    delayMs: p.delayMs,
    special: p.special,
    disclosuresGiven: p.disclosures,
    layout: (page, main) =>
      documentShell({
        meta: charsetMeta(encoding, p.metaStyle ?? 'html5'),
        title: page.title,
        description: `${p.name}（${p.station}）の公式サイトです。`,
        header: `<div class="logo"><a href="/">${esc(p.name)}</a></div>${nav}`,
        main,
        footer: `<p>${esc(p.corp)} ${esc(p.name)}</p><p>${esc(p.address)}\u3000TEL ${esc(p.tel)}</p><p>&copy; ${esc(p.name)}</p>`,
      }),
  };
}

export function missingOf(given: DisclosureItem[]): DisclosureItem[] {
  return DISCLOSURE_ITEMS.filter((d) => !given.includes(d));
}
