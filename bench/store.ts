// npm run bench:store — size and speed of the store at the scale of one big
// sweep (1,000 sites x 40 pages). Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flaggedSites } from '../src/history/sites.ts';
import { seededRandom } from '../test/support/seeded-random.ts';
import { SENTENCE_CATEGORIES, SEVERITIES } from '../src/model.ts';
import type { SiteType } from '../src/model.ts';
import { DB_FILE, fingerprint, openStore } from '../src/store/store.ts';
import type { SiteBatch } from '../src/store/store.ts';

const SITES = Number(process.env.BENCH_SITES ?? 1000);
const PAGES = 40;
const FINDINGS_PER_PAGE = 5;

const rand = seededRandom(20260110);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const OPENERS = ['当院では', '当クリニックの', '再生医療専門の当院が提供する', '厚生労働省に届出済みの', '多くの患者様に選ばれている'];
const PRODUCTS = ['ヒト幹細胞培養上清液（エクソソーム）点滴', '高濃度エクソソーム療法', '臍帯由来幹細胞培養液の点滴療法', 'エクソソーム導入による肌再生治療'];
const CLAIMS = [
  'は副作用の心配がなく、どなたでも安心して受けていただける安全性の確立された治療です。',
  'により、認知症やパーキンソン病の症状改善が期待できることが多くの症例で実証されています。',
  'は日本初の技術で、他院では真似できない最高品質の製剤を使用しています。',
  'を受けた70代の男性は、投与前は杖が必要でしたが、3か月後には一人で歩けるようになりました。',
  'は今月限定で初回50%OFFのモニター価格にてご案内しており、多くの芸能人の方にもご愛用いただいております。',
];
const TAILS = ['', '詳しくはお気軽にお問い合わせください。', '※効果には個人差があります。', 'ご予約はWEBまたはお電話で承っております。'];

/** Unique per site and mostly per finding, as on real pages (only boilerplate repeats). */
function sentence(site: number): string {
  const price = (Math.floor(rand() * 90) + 10) * 1000;
  return `${pick(OPENERS)}エクソソームクリニック${site}院の${pick(PRODUCTS)}（1回${price.toLocaleString('ja-JP')}円）${pick(CLAIMS)}${pick(TAILS)}`;
}

const TYPES: SiteType[] = ['clinic', 'clinic', 'clinic', 'clinic', 'clinic', 'clinic', 'seller', 'seller', 'media', 'media', 'media', 'media', 'authority'];

function batch(sweep: string, i: number, seen: string): SiteBatch {
  const key = `exosome-clinic-${i}.jp`;
  const type = TYPES[i % TYPES.length]!;
  const urls = Array.from({ length: PAGES }, (_, p) => `https://www.${key}/treatment/exosome/page-${p}.html?utm_source=list`);
  const findings: SiteBatch['findings'] = [];
  urls.forEach((url, p) => {
    if (p % 4 !== 0) return; // a quarter of the pages carry claims
    for (let f = 0; f < FINDINGS_PER_PAGE; f++) {
      const s = sentence(i);
      const category = pick(SENTENCE_CATEGORIES);
      const rule = `${category}/rule-${f}`;
      const start = Math.floor(rand() * (s.length - 10));
      findings.push({
        sweep, site: key, fingerprint: fingerprint(key, rule, s), category, rule, severity: pick(SEVERITIES),
        url, sentence: s, match: s.slice(start, start + 8), start, end: start + 8, seen,
      });
    }
  });
  if (type === 'clinic') {
    findings.push({
      sweep, site: key, fingerprint: fingerprint(key, 'missing-disclosure/relief', ''), category: 'missing-disclosure',
      rule: 'missing-disclosure/relief', severity: 'high', url: urls[0]!, sentence: '', match: '', start: 0, end: 0, seen,
      disclosure: 'relief-system-not-applicable',
    });
  }
  return {
    site: { key, names: [`医療法人社団 再生会 エクソソームクリニック${i}院`], type, firstSeen: seen, lastSeen: seen },
    visit: {
      sweep, site: key, type, pages: PAGES, rendered: 2, errors: [{ url: urls[39]!, kind: 'http-404', message: 'HTTP 404' }],
      offersEv: true, disclosuresMissing: type === 'clinic' ? ['relief-system-not-applicable'] : [], needsRendering: [],
    },
    pages: urls.map((url, p) => ({
      sweep, site: key, url, requestedUrl: url, status: 200, fetchedAt: seen,
      snapshot: `${sweep}/pages/${p.toString(16).padStart(32, '0')}.html.gz`,
      sha256: p.toString(16).padStart(64, 'a'), rendered: p < 2, title: `エクソソーム点滴｜エクソソームクリニック${i}院 ページ${p}`,
    })),
    findings,
  };
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => x.toFixed(1);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

const dir = await mkdtemp(path.join(tmpdir(), 'exoscan-bench-store-'));
try {
  const store = await openStore(dir);
  const plannedSites = Array.from({ length: SITES }, (_, i) => `exosome-clinic-${i}.jp`);
  const sweep = store.startSweep({ configDigest: 'bench', dictionaryVersion: 'bench', plannedSites });
  const seen = new Date().toISOString();
  const times: number[] = [];
  for (let i = 0; i < SITES; i++) {
    const b = batch(sweep.id, i, seen);
    const t0 = performance.now();
    await store.recordSite(sweep.id, b);
    times.push(ms(t0));
    if ((i + 1) % 100 === 0) process.stderr.write(`  recorded ${i + 1}/${SITES} sites\n`);
  }
  await store.finishSweep(sweep.id);
  await store.close();

  const size = (await stat(path.join(dir, DB_FILE))).size;
  const t1 = performance.now();
  const reader = await openStore(dir, { readOnly: true });
  const openMs = ms(t1);
  const t2 = performance.now();
  const writer = await openStore(dir);
  const openWriterMs = ms(t2);
  await writer.close();
  const t3 = performance.now();
  const flagged = flaggedSites(reader.data, { sweep: sweep.id });
  const flaggedMs = ms(t3);
  // the command staff run, as a whole process: startup, open, query, print
  const t4 = performance.now();
  const cli = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/exoscan.js', import.meta.url)), 'sites', '--json', '--data', dir], { maxBuffer: 256 * 1024 * 1024 });
  const cliMs = ms(t4);
  if (cli.status !== 0) throw new Error(`exoscan sites failed: ${cli.stderr.toString()}`);

  const sorted = [...times].sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const d = reader.data;
  console.log(`store bench: ${SITES} sites x ${PAGES} pages, ${d.pages.length} pages, ${d.findings.length} findings`);
  const plain = Buffer.byteLength(JSON.stringify(d));
  console.log(`  database file           ${mb(size)} MB (${fmt(size / d.pages.length)} bytes per page); as plain JSON records: ${mb(plain)} MB`);
  console.log(`  open + validate (read)  ${fmt(openMs)} ms`);
  console.log(`  open + validate + backup (write) ${fmt(openWriterMs)} ms`);
  console.log(`  recordSite per site     mean ${fmt(mean(times))} ms, p50 ${fmt(sorted[Math.floor(SITES / 2)]!)} ms, p95 ${fmt(sorted[Math.floor(SITES * 0.95)]!)} ms`);
  console.log(`                          first 100 ${fmt(mean(times.slice(0, 100)))} ms, last 100 ${fmt(mean(times.slice(-100)))} ms, total ${fmt(mean(times) * SITES / 1000)} s`);
  console.log(`  flagged-site list       ${fmt(flaggedMs)} ms (${flagged.length} clinic/seller sites)`);
  console.log(`  \`exoscan sites --json\` ${fmt(cliMs)} ms as a whole process (${mb(cli.stdout.length)} MB of JSON)`);
  console.log(`  peak RSS                ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
