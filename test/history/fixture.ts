// A hand-built store: three sweeps (the third interrupted), sites of every type,
// findings that come and go, triage, search hits and trial counts. Invented text.
import type { Category, Severity, SiteType } from '../../src/model.ts';
import { SCHEMA_VERSION, type Database, type FindingRecord, type SweepRecord } from '../../src/store/records.ts';

export const S1 = '2026-01-10T00-00-00Z-aaaa';
export const S2 = '2026-04-10T00-00-00Z-bbbb';
export const S3 = '2026-07-10T00-00-00Z-cccc';

function sweep(id: string, status: SweepRecord['status']): SweepRecord {
  const day = id.slice(0, 10);
  return {
    id,
    started: `${day}T00:00:00.000Z`,
    ...(status === 'finished' ? { finished: `${day}T05:00:00.000Z` } : {}),
    status,
    configDigest: 'cfg',
    dictionaryVersion: 'dict',
    plannedSites: [],
    doneSites: [],
  };
}

export function finding(
  sweepId: string,
  site: string,
  fingerprint: string,
  category: Category,
  severity: Severity,
  sentence: string,
  match: string,
  url = `https://${site}/exosome`,
): FindingRecord {
  const start = sentence.indexOf(match);
  if (start < 0) throw new Error(`fixture: "${match}" not in "${sentence}"`);
  return {
    sweep: sweepId,
    site,
    fingerprint,
    category,
    rule: `${category}/test`,
    severity,
    url,
    sentence,
    match,
    start,
    end: start + match.length,
    seen: `${sweepId.slice(0, 10)}T01:00:00.000Z`,
  };
}

function visit(sweepId: string, site: string, type: SiteType) {
  return { sweep: sweepId, site, type, pages: 5, rendered: 0, errors: [], offersEv: type === 'clinic', disclosuresMissing: [], needsRendering: [] };
}

const EFFICACY = 'エクソソーム点滴で肌が確実に若返ると院長が話します。';
const SAFETY = '当院の幹細胞上清液は副作用はありませんのでご安心ください。';
const SUPERNATANT = 'エクソソーム（幹細胞培養上清液）点滴を始めました。';

export function buildDatabase(): Database {
  const sites = [
    { key: 'clinic-a.example', names: ['Aクリニック'], type: 'clinic' as const },
    { key: 'clinic-b.example', names: ['B美容外科'], type: 'clinic' as const },
    { key: 'seller-c.example', names: ['Cコスメ通販'], type: 'seller' as const },
    { key: 'media-d.example', names: ['D健康マガジン'], type: 'media' as const },
    { key: 'authority-e.go.jp', names: ['E消費生活センター'], type: 'authority' as const },
    { key: 'clinic-f.example', names: ['Fスキンクリニック', 'F皮膚科'], type: 'clinic' as const },
  ];
  const findings: FindingRecord[] = [
    // S1
    finding(S1, 'clinic-a.example', 'fp-a-eff', 'efficacy-claim', 'high', EFFICACY, '確実に若返る'),
    finding(S1, 'clinic-a.example', 'fp-a-safe', 'safety-claim', 'high', SAFETY, '副作用はありません'),
    finding(S1, 'clinic-b.example', 'fp-b-test', 'testimonial', 'medium', '患者様の声：一度の点滴で疲れが消えました。', '患者様の声'),
    finding(S1, 'media-d.example', 'fp-d-dis', 'disease-claim', 'high', '認知症の改善にエクソソーム点滴が注目されています。', '認知症の改善'),
    // S2: A drops the safety claim and adds a supernatant claim and two missing disclosures;
    // B is clean; C and F are new.
    finding(S2, 'clinic-a.example', 'fp-a-eff', 'efficacy-claim', 'high', EFFICACY, '確実に若返る'),
    finding(S2, 'clinic-a.example', 'fp-a-sup', 'supernatant-as-ev', 'high', SUPERNATANT, 'エクソソーム（幹細胞培養上清液）'),
    { ...finding(S2, 'clinic-a.example', 'fp-a-md1', 'missing-disclosure', 'high', '未承認医薬品等であることの記載がありません。', '未承認医薬品等'), disclosure: 'unapproved' },
    { ...finding(S2, 'clinic-a.example', 'fp-a-md2', 'missing-disclosure', 'high', '費用の記載がありません。', '費用'), disclosure: 'cost' },
    finding(S2, 'seller-c.example', 'fp-c-ind', 'inducement', 'low', '今だけ初回50%OFFでお試しいただけます。', '初回50%OFF'),
    finding(S2, 'seller-c.example', 'fp-c-cel', 'celebrity', 'low', '多くの芸能人も愛用している美容液です。', '芸能人も愛用'),
    finding(S2, 'media-d.example', 'fp-d-dis', 'disease-claim', 'high', '認知症の改善にエクソソーム点滴が注目されています。', '認知症の改善'),
    finding(S2, 'clinic-f.example', 'fp-f-sup', 'superlative', 'medium', '日本初のエクソソーム専門外来です。', '日本初'),
    finding(S2, 'clinic-f.example', 'fp-f-fp', 'efficacy-claim', 'high', '効果が実証された治療法を選びましょう。', '効果が実証された'),
    // S3 (interrupted): only A so far
    finding(S3, 'clinic-a.example', 'fp-a-eff', 'efficacy-claim', 'high', EFFICACY, '確実に若返る'),
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    sweeps: [sweep(S2, 'finished'), sweep(S1, 'finished'), sweep(S3, 'interrupted')],
    sites: sites.map((s) => ({ ...s, firstSeen: '2026-01-10T01:00:00.000Z', lastSeen: '2026-07-10T01:00:00.000Z' })),
    visits: [
      ...['clinic-a.example', 'clinic-b.example', 'media-d.example', 'authority-e.go.jp'].map((k) =>
        visit(S1, k, sites.find((s) => s.key === k)!.type),
      ),
      ...sites.map((s) => visit(S2, s.key, s.type)),
      visit(S3, 'clinic-a.example', 'clinic'),
    ],
    pages: [
      {
        sweep: S2,
        site: 'clinic-a.example',
        url: 'https://clinic-a.example/exosome',
        requestedUrl: 'https://clinic-a.example/exosome',
        status: 200,
        fetchedAt: '2026-04-10T01:00:00.000Z',
        snapshot: `${S2}/clinic-a.example/0001.html.gz`,
        sha256: 'abc',
        rendered: false,
        screenshot: `${S2}/clinic-a.example/0001.png`,
        title: 'エクソソーム点滴 | Aクリニック',
      },
    ],
    findings,
    searchHits: [
      { sweep: S1, provider: 'brave', query: 'エクソソーム クリニック', date: '2026-01-10', totalHits: 7450, results: [{ rank: 1, url: 'https://clinic-a.example/' }] },
      { sweep: S1, provider: 'brave', query: 'エクソソーム クリニック', date: '2026-01-10', totalHits: 7400, results: [{ rank: 21, url: 'https://clinic-b.example/' }] },
      { sweep: S1, provider: 'searxng', query: 'エクソソーム クリニック', date: '2026-01-10', results: [], error: 'HTTP 403' },
      { sweep: S2, provider: 'brave', query: 'エクソソーム クリニック', date: '2026-04-10', totalHits: 91900, results: [{ rank: 1, url: 'https://clinic-a.example/' }] },
    ],
    triage: [
      { target: 'site:clinic-a.example', status: 'new', date: '2026-04-11T00:00:00.000Z' },
      { target: 'site:clinic-a.example', status: 'confirmed', note: '院長に確認', date: '2026-04-12T00:00:00.000Z' },
      { target: 'site:seller-c.example', status: 'notified', date: '2026-04-12T00:00:00.000Z' },
      { target: 'fp-f-fp', status: 'false-positive', note: '引用のみ', date: '2026-04-12T00:00:00.000Z' },
    ],
    trials: [
      { date: '2023-10-01T00:00:00.000Z', query: 'exosome', total: 151, byPhase: { PHASE3: 11, PHASE4: 8 } },
      { date: '2021-03-01T00:00:00.000Z', query: 'exosome', total: 24, byPhase: { PHASE1: 10 } },
    ],
  };
}
