// Small clinic sites that each carry one crawler hazard: an endless calendar,
// redirect loops, a 20 MB page, a 429 with Retry-After, a page that always
// fails, non-HTML links, and a page that exists only after JavaScript runs.
import { charsetMeta, esc, paras } from '../html.ts';
import type { SiteSpec, SpecialResponse } from '../spec.ts';
import { claim, decoy } from '../spec.ts';
import { clinicSite, TREATMENT_PATH } from './clinic-builder.ts';

const HTML = { 'content-type': 'text/html; charset=utf-8' };

function monthShift(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Every month links to the previous and next one, forever. */
function calendarPage(monthParam: string | null): SpecialResponse {
  const month = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : '2025-04';
  const days = Array.from({ length: 28 }, (_, i) => `<td>${i + 1}日<br>空き${(i * 7) % 5}</td>`);
  const rows = [0, 7, 14, 21].map((i) => `<tr>${days.slice(i, i + 7).join('')}</tr>`).join('');
  return {
    status: 200,
    headers: HTML,
    body: `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>予約カレンダー ${month}｜ほしの内科クリニック</title></head><body>
<h1>予約カレンダー（${month}）</h1>
<p><a href="/calendar?month=${monthShift(month, -1)}">前の月</a> | <a href="/calendar?month=${monthShift(month, 1)}">次の月</a></p>
<table><tbody>${rows}</tbody></table>
<p><a href="/">トップへ戻る</a></p></body></html>`,
  };
}

const hoshino = clinicSite({
  name: 'ほしの内科クリニック',
  corp: '医療法人星野会',
  director: '星野 一郎',
  address: '埼玉県さいたま市大宮区桜木町9-9-9',
  station: '大宮',
  tel: '048-000-1010',
  therapy: 'エクソソーム点滴',
  kind: 'calendar-trap',
  pages: ['top', 'treatment', 'access'],
  disclosures: ['unapproved', 'risks'],
  extraNav: [['/calendar?month=2025-04', '予約カレンダー']],
  claims: {
    treatment: [claim('supernatant-as-ev', '当院で点滴する幹細胞培養液は、エクソソームそのものです。')],
  },
  special: (path, query) => (path === '/calendar' ? calendarPage(query.get('month')) : undefined),
});

export const REDIRECT_CHAIN_LENGTH = 15;

const tsubasa = clinicSite({
  name: 'つばさクリニック',
  corp: '医療法人社団翼会',
  director: '翼 健太',
  address: '広島県広島市中区紙屋町9-9-9',
  station: '紙屋町',
  tel: '082-000-1111',
  therapy: 'エクソソーム点滴',
  kind: 'redirect-loop',
  pages: ['top', 'treatment', 'access'],
  disclosures: ['unapproved', 'acquisition-route', 'domestic-approved-equivalent', 'overseas-safety-info', 'relief-system-not-applicable', 'cost', 'risks'],
  price: '209,000円（税込）',
  extraNav: [
    ['/a', 'キャンペーン情報'],
    ['/chain/1', '旧サイトのお知らせ'],
  ],
  claims: {
    treatment: [claim('approval-claim', '国内の認可施設で製造された医薬品グレードのエクソソームです。')],
  },
  special: (path) => {
    if (path === '/a') return { status: 302, headers: { location: '/b' } };
    if (path === '/b') return { status: 302, headers: { location: '/a' } };
    const m = /^\/chain\/(\d+)$/.exec(path);
    if (m) {
      const n = Number(m[1]);
      return { status: 301, headers: { location: n >= REDIRECT_CHAIN_LENGTH ? '/chain/end' : `/chain/${n + 1}` } };
    }
    if (path === '/chain/end')
      return { status: 200, headers: HTML, body: '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>移転しました</title></head><body><p>このページは移転しました。</p></body></html>' };
    return undefined;
  },
});

export const HUGE_PAGE_BYTES = 20 * 1024 * 1024;
let hugePage: Buffer | undefined;

/** A 20 MB news archive (no claims), built once on first request. */
function hugeArchive(): Buffer {
  if (!hugePage) {
    const head = '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>お知らせアーカイブ｜ことぶき医院</title></head><body><h1>お知らせアーカイブ</h1>\n';
    const tail = '</body></html>\n';
    const line = (i: number) => `<p>お知らせ第${i}号：年末年始の診療日と駐車場のご案内を掲載しました。詳しくは受付までお問い合わせください。</p>\n`;
    const parts: string[] = [head];
    let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
    for (let i = 1; size < HUGE_PAGE_BYTES; i++) {
      const l = line(i);
      parts.push(l);
      size += Buffer.byteLength(l);
    }
    parts.push(tail);
    hugePage = Buffer.from(parts.join(''), 'utf8');
  }
  return hugePage;
}

const kotobuki = clinicSite({
  name: 'ことぶき医院',
  corp: '医療法人寿会',
  director: '寿 正明',
  address: '静岡県静岡市葵区呉服町9-9-9',
  station: '静岡',
  tel: '054-000-1212',
  therapy: 'エクソソーム点滴',
  kind: 'huge-page',
  pages: ['top', 'treatment', 'access'],
  disclosures: ['unapproved', 'acquisition-route', 'cost', 'risks'],
  price: '143,000円（税込）',
  extraNav: [['/news/archive.html', 'お知らせアーカイブ']],
  claims: {
    treatment: [claim('efficacy-claim', '1回の点滴で、どなたでも確実に若返りを実感できます。')],
  },
  special: (path) => (path === '/news/archive.html' ? { status: 200, headers: { ...HTML, 'content-length': hugeArchive().length }, body: hugeArchive() } : undefined),
});

const nagisa = clinicSite({
  name: 'なぎさレディースクリニック',
  corp: '医療法人社団渚会',
  director: '渚 由美',
  address: '兵庫県神戸市中央区三宮町9-9-9',
  station: '三宮',
  tel: '078-000-1313',
  therapy: 'エクソソーム点滴',
  kind: 'rate-limited',
  pages: ['top', 'treatment', 'faq', 'access'],
  disclosures: ['unapproved', 'acquisition-route', 'domestic-approved-equivalent', 'overseas-safety-info', 'relief-system-not-applicable', 'cost', 'risks'],
  price: '176,000円（税込）',
  claims: {
    treatment: [claim('disease-claim', '不妊治療中の方の妊娠率向上を目的としたエクソソーム点滴をご用意しています。')],
    faq: [
      '<h2>Q. 承認された治療ですか？</h2>',
      decoy('エクソソーム点滴は、国の承認を受けた治療ではありません。', 'negated approval: a disclosure, not a claim'),
    ],
  },
  // The treatment page answers 429 once per generation, then 200: claims there are found only by a crawler that retries.
  special: (path, _q, state) => {
    if (path !== TREATMENT_PATH) return undefined;
    const key = `429:${path}`;
    const n = state.hits.get(key) ?? 0;
    state.hits.set(key, n + 1);
    return n === 0 ? { status: 429, headers: { 'retry-after': '1', 'content-type': 'text/plain' }, body: 'Too Many Requests' } : undefined;
  },
});

/** A tiny valid PDF whose text looks like a claim: non-HTML must never be analyzed. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% Exosome drip: no side effects at all\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const yamabuki = clinicSite({
  name: 'やまぶき皮フ科クリニック',
  corp: '医療法人山吹会',
  director: '山吹 聡',
  address: '新潟県新潟市中央区万代9-9-9',
  station: '新潟',
  tel: '025-000-1414',
  therapy: 'エクソソーム点滴',
  kind: 'server-error',
  pages: ['top', 'treatment', 'cases', 'access'],
  disclosures: ['unapproved', 'acquisition-route', 'domestic-approved-equivalent', 'overseas-safety-info', 'cost', 'risks'],
  price: '165,000円（税込）',
  extraNav: [
    ['/reservation.html', 'ウェブ予約'],
    ['/files/price.pdf', '料金表（PDF）'],
  ],
  claims: {
    cases: [
      '<p><img src="/img/case01.png" alt="施術の様子"></p>',
      claim(['testimonial', 'disease-claim'], '患者様の声：長年悩んでいた円形脱毛症が、点滴を続けるうちに目立たなくなりました。'),
    ],
  },
  special: (path) => {
    if (path === '/reservation.html') return { status: 500, headers: HTML, body: '<h1>Internal Server Error</h1>' };
    if (path === '/files/price.pdf') return { status: 200, headers: { 'content-type': 'application/pdf' }, body: PDF };
    if (path === '/img/case01.png') return { status: 200, headers: { 'content-type': 'image/png' }, body: PNG };
    return undefined;
  },
});

/** Unicode-escapes every non-ASCII character so the planted text never appears in the static bytes. */
function jsString(s: string): string {
  return JSON.stringify(s)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/</g, '\\u003c');
}

const NOVA_NAME = 'ノヴァ・リジェネクリニック';
const nova: SiteSpec = {
  name: NOVA_NAME,
  type: 'clinic',
  kind: 'js-only',
  gens: [1, 2],
  encoding: 'utf-8',
  headerCharset: 'utf-8',
  needsBrowser: true,
  disclosuresGiven: ['cost', 'risks'],
  pages: [
    {
      path: '/',
      title: NOVA_NAME,
      body: [
        `<header><h1>${esc(NOVA_NAME)}</h1><p>院長 新堂 亜希／診療時間 10:00～19:00（水曜休診）</p></header>`,
        claim('superlative', '最先端のエクソソーム治療を、世界水準の品質でご提供します。'),
        claim('supernatant-as-ev', '使用するのは、エクソソームを豊富に含む歯髄幹細胞培養上清液を精製したエクソソーム製剤です。'),
        claim('celebrity', 'テレビで活躍する著名人の方々にも選ばれています。'),
        '<h2>料金</h2>',
        paras('エクソソーム点滴 1回 180,000円（税込）。', '主な副作用として、注射部位の内出血やだるさが出ることがあります。'),
        paras('医療法人社団新星会 ノヴァ・リジェネクリニック　東京都港区南青山9-9-9'),
      ],
    },
  ],
  // An empty shell: everything above is rendered by the inline script.
  layout: (page, main) =>
    `<!DOCTYPE html>
<html lang="ja">
<head>
${charsetMeta('utf-8', 'html5')}
<title>${esc(page.title)}</title>
</head>
<body>
<div id="app"></div>
<noscript>JavaScriptを有効にしてください。</noscript>
<script>
  const content = ${jsString(main)};
  document.getElementById('app').innerHTML = content;
</script>
</body>
</html>
`,
};

export const FAULT_SITES: SiteSpec[] = [hoshino, tsubasa, kotobuki, nagisa, yamabuki, nova];
