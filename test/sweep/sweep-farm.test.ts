// End to end: one sweep of the whole test farm (issue 3, "Test farm"), then
// every assertion reads that one result: the database, the snapshots on disk,
// the summary and the farm's own request log.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../src/config.ts';
import type { SweepConfig } from '../../src/config.ts';
import { findChromium } from '../../src/crawl/render.ts';
import type { Database } from '../../src/store/records.ts';
import { openStore, StoreLockedError } from '../../src/store/store.ts';
import { LOCK_FILE } from '../../src/store/lock.ts';
import { createProgress } from '../../src/sweep/progress.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';
import type { SweepSummary } from '../../src/sweep/summary.ts';
import type { Farm, FarmSite } from '../farm/farm.ts';
import { startFarm } from '../farm/farm.ts';
import { describeClaims, missedClaims, runCli, tempDir, writeSeeds } from './helpers.ts';

const MAX_PAGES = 15;
const QUERY = 'エクソソーム クリニック 再生医療';

let farm: Farm;
let dir: string;
let config: SweepConfig;
let summary: SweepSummary;
let db: Database;
let secondSweep: unknown;
const logs: string[] = [];
const browser = findChromium();

function site(kind: string, type?: FarmSite['type']): FarmSite {
  const s = farm.sites.find((x) => x.kind === kind && (!type || x.type === type) && x.generations.includes(1));
  if (!s) throw new Error(`the farm has no ${kind} site`);
  return s;
}

function visit(kind: string, type?: FarmSite['type']): SweepSummary['sites'][number] {
  const key = site(kind, type).key;
  const v = summary.sites.find((s) => s.site === key);
  if (!v) throw new Error(`the sweep did not visit the ${kind} site ${key}`);
  return v;
}

async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  farm = await startFarm({ delays: false });
  dir = await tempDir('sweep-farm');
  config = mergeConfig({
    data: path.join(dir, 'data'),
    seeds: await writeSeeds(dir, farm.seeds()),
    queries: [QUERY],
    providers: [{ type: 'searxng', url: farm.searxngUrl }],
    allowPrivate: true,
    delayMs: 0,
    concurrency: 4,
    // pages are read and analyzed on a worker thread, as in a real sweep
    workers: 1,
    maxPagesPerSite: MAX_PAGES,
    render: 'auto',
  });
  const progress = createProgress(process.stderr, true);
  const running = runSweep({ config, progress: { ...progress, log: (m: string) => (logs.push(m), progress.log(m)) } });
  // A second sweep on the same data dir while this one runs must be refused.
  await waitFor(() => existsSync(path.join(config.data, LOCK_FILE)), 'the first sweep to take the lock');
  secondSweep = await runSweep({ config, progress: createProgress(process.stderr, true) }).catch((err: unknown) => err);
  summary = await running;
  const store = await openStore(config.data, { readOnly: true });
  db = structuredClone(store.data) as Database;
  await store.close();
});

afterAll(async () => {
  await farm?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a sweep of the whole farm', () => {
  it('reads and analyzes its pages on the worker thread, never losing it', () => {
    expect(logs.filter((l) => l.includes('analysis worker'))).toEqual([]);
  });

  it('finishes and visits every site of the generation, the dead one included', () => {
    expect(summary.status).toBe('finished');
    const keys = summary.sites.map((s) => s.site).sort();
    expect(keys).toEqual(farm.sites.filter((s) => s.generations.includes(1)).map((s) => s.key).sort());
    expect(summary.browser).toBe(browser ?? null);
  });

  it('finds every reachable planted claim: same category, same sentence, on its page', () => {
    const reachable = farm.planted.filter((p) => p.reachable && (browser || !p.needsBrowser));
    expect(reachable.length).toBeGreaterThan(40);
    const findings = summary.sites.flatMap((s) => s.findings);
    // A miss here is usually a dictionary gap: the message names the sentence.
    expect(describeClaims(missedClaims(reachable, findings))).toEqual([]);
  });

  it('renders the JavaScript-only site when a browser is found, and lists it as needing rendering when not', () => {
    const js = visit('js-only');
    const jsClaims = farm.planted.filter((p) => p.needsBrowser);
    expect(jsClaims.length).toBeGreaterThan(0);
    if (browser) {
      expect(js.rendered).toBeGreaterThan(0);
      expect(js.needsRendering).toEqual([]);
      expect(describeClaims(missedClaims(jsClaims, js.findings))).toEqual([]);
    } else {
      expect(js.needsRendering).toContain(site('js-only').baseUrl);
      expect(summary.totals.needsRendering).toBeGreaterThan(0);
    }
  });

  it('never requests robots-disallowed pages, and none of their sentences become findings', () => {
    const hidden = farm.planted.filter((p) => !p.reachable);
    expect(hidden.length).toBeGreaterThan(0);
    const robots = site('robots');
    const requested = new Set(farm.requestLog.filter((r) => r.site === robots.key).map((r) => new URL(r.path, robots.baseUrl).href));
    expect(requested.has(new URL('/robots.txt', robots.baseUrl).href)).toBe(true);
    for (const h of hidden) expect(requested.has(h.url), h.url).toBe(false);
    const sentences = new Set(summary.sites.flatMap((s) => s.findings.map((f) => f.sentence)));
    for (const h of hidden) expect(sentences.has(h.sentence), h.sentence).toBe(false);
    expect(db.pages.filter((p) => hidden.some((h) => h.url === p.url || h.url === p.requestedUrl))).toEqual([]);
  });

  it('flags no decoy, and nothing at all on the authority site', () => {
    const decoys = new Set(farm.decoys.map((d) => d.sentence));
    expect(decoys.size).toBeGreaterThan(0);
    const flagged = summary.sites.flatMap((s) => s.findings).filter((f) => decoys.has(f.sentence));
    expect(flagged.map((f) => `${f.rule}: ${f.sentence}`)).toEqual([]);
    const authority = visit('normal', 'authority');
    expect(authority.type).toBe('authority');
    expect(authority.pages).toBeGreaterThan(0);
    expect(authority.findings).toEqual([]);
  });

  it('bounds the calendar trap by the page budget', () => {
    const cal = site('calendar-trap');
    expect(visit('calendar-trap').pages).toBeLessThanOrEqual(MAX_PAGES);
    expect(db.pages.filter((p) => p.site === cal.key).length).toBeLessThanOrEqual(MAX_PAGES);
    // pages, plus robots.txt, sitemap.xml and a retry or two at most
    expect(farm.requestLog.filter((r) => r.site === cal.key).length).toBeLessThanOrEqual(MAX_PAGES + 4);
    expect(farm.requestLog.some((r) => r.site === cal.key && r.path.startsWith('/calendar'))).toBe(true);
  });

  it('records each fault as an error of its kind on its site without failing the sweep', () => {
    const kinds = (kind: string) => visit(kind).errors.map((e) => e.kind);
    expect(kinds('redirect-loop')).toContain('redirect-loop');
    expect(kinds('huge-page')).toContain('too-large');
    const serverError = visit('server-error').errors;
    expect(serverError).toContainEqual(expect.objectContaining({ kind: 'http', url: new URL('/reservation.html', site('server-error').baseUrl).href, message: expect.stringContaining('500') }));
    expect(serverError.map((e) => e.kind)).toContain('not-html');
    const dead = visit('dead');
    expect(dead.errors.map((e) => e.kind)).toEqual(['refused']);
    expect(dead.pages).toBe(0);
    // the faults do not cost the sites their claims
    for (const kind of ['redirect-loop', 'huge-page', 'server-error', 'rate-limited']) {
      const planted = farm.planted.filter((p) => p.site === site(kind).key);
      expect(planted.length, kind).toBeGreaterThan(0);
      expect(describeClaims(missedClaims(planted, visit(kind).findings))).toEqual([]);
    }
    for (const kind of ['redirect-loop', 'too-large', 'http', 'refused', 'not-html']) expect(summary.totals.errorsByKind[kind], kind).toBeGreaterThan(0);
  });

  it('decodes the Shift_JIS and EUC-JP sites: their claims are found with the exact text', () => {
    for (const kind of ['shift_jis', 'euc-jp', 'wrong-charset']) {
      const v = visit(kind);
      const planted = farm.planted.filter((p) => p.site === v.site);
      expect(planted.length, kind).toBeGreaterThan(0);
      expect(describeClaims(missedClaims(planted, v.findings))).toEqual([]);
      for (const f of v.findings) {
        expect(f.sentence, kind).not.toMatch(/[\uFFFD]|[ÃÂ]/);
        if (f.category !== 'missing-disclosure') expect(f.sentence).toContain(f.match);
      }
    }
  });

  it('reports exactly the missing 限定解除 disclosures of each clinic, one site-level finding per item', () => {
    const truth = farm.missingDisclosures;
    expect(Object.keys(truth).length).toBeGreaterThan(5);
    const actual: Record<string, string[]> = {};
    const fromFindings: Record<string, string[]> = {};
    for (const key of Object.keys(truth)) {
      const v = summary.sites.find((s) => s.site === key);
      actual[key] = [...(v?.disclosuresMissing ?? [])].sort();
      fromFindings[key] = (v?.findings ?? []).filter((f) => f.category === 'missing-disclosure').map((f) => f.rule.replace(/^missing-disclosure\//, '')).sort();
    }
    const expected = Object.fromEntries(Object.entries(truth).map(([k, items]) => [k, [...items].sort()]));
    expect(actual).toEqual(expected);
    expect(fromFindings).toEqual(expected);
  });

  it('stores a snapshot of every page whose gunzipped bytes match its sha256', async () => {
    const pages = db.pages.filter((p) => p.sweep === summary.sweep);
    expect(pages.length).toBe(summary.totals.pages);
    for (const p of pages) {
      const body = gunzipSync(await readFile(path.join(config.data, p.snapshot)));
      expect(createHash('sha256').update(body).digest('hex'), p.url).toBe(p.sha256);
    }
    // raw bytes are kept, not the decoded text: the Shift_JIS page is stored as served
    const sjis = site('shift_jis');
    const top = pages.find((p) => p.url === sjis.baseUrl);
    expect(top).toBeDefined();
    const served = Buffer.from(await (await fetch(sjis.baseUrl)).arrayBuffer());
    expect(gunzipSync(await readFile(path.join(config.data, top!.snapshot)))).toEqual(served);
  });

  it.runIf(browser)('saves a full-page screenshot of every page with a high-severity finding, none timing out', async () => {
    expect(summary.sites.flatMap((s) => s.errors).filter((e) => e.kind === 'screenshot')).toEqual([]);
    const high = new Set(summary.sites.flatMap((s) => s.findings.filter((f) => f.severity === 'high' && f.category !== 'missing-disclosure').map((f) => f.url)));
    expect(high.size).toBeGreaterThan(5);
    for (const url of high) {
      const page = db.pages.find((p) => p.sweep === summary.sweep && p.url === url);
      expect(page?.screenshot, url).toBeDefined();
      const png = await readFile(path.join(config.data, page!.screenshot!));
      expect(png.subarray(1, 4).toString('latin1'), url).toBe('PNG');
    }
  });

  it('refuses a second sweep on the same data dir while one runs, with a clear message', () => {
    expect(secondSweep).toBeInstanceOf(StoreLockedError);
    expect((secondSweep as Error).message).toMatch(/another exoscan process \(pid \d+.*\) is using .*; wait for it or remove .*exoscan\.lock/);
    expect(db.sweeps).toHaveLength(1);
  });

  it('records the SearXNG search with its results and total hit count', () => {
    expect(summary.searches).toEqual([{ provider: 'searxng', query: QUERY, results: farm.seeds().length, totalHits: farm.seeds().length }]);
    const hits = db.searchHits.filter((h) => h.sweep === summary.sweep);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.results.map((r) => r.rank)).toEqual(farm.seeds().map((_, i) => i + 1));
    expect(new Set(hits[0]!.results.map((r) => r.url))).toEqual(new Set(farm.seeds()));
    expect(farm.requestLog.filter((r) => r.path.startsWith('/search?')).length).toBeGreaterThanOrEqual(2); // paged, 10 a page
  });
});

describe('exoscan sweep --json (CLI) on two farm sites', () => {
  it('prints the summary shape of issue 3 on stdout, and refuses a data dir another process holds', async () => {
    const clinic = site('normal', 'clinic');
    const authority = site('normal', 'authority');
    const sub = await tempDir('sweep-json');
    try {
      const seeds = await writeSeeds(sub, [clinic.baseUrl, authority.baseUrl]);
      const data = path.join(sub, 'data');
      const args = ['sweep', '--seeds', seeds, '--data', data, '--allow-private', '--delay-ms', '0', '--render', 'never', '--json'];
      const out = await runCli(args);
      expect(out.code, out.stderr).toBe(0);
      const json = JSON.parse(out.stdout) as { sweep: unknown; sites: Record<string, unknown>[] };
      expect(json.sweep).toEqual(expect.any(String));
      expect(json.sites.map((s) => s.site).sort()).toEqual([clinic.key, authority.key].sort());
      for (const s of json.sites) {
        expect(s).toMatchObject({ site: expect.any(String), type: expect.any(String), pages: expect.any(Number), errors: expect.any(Array), findings: expect.any(Array) });
        for (const f of s.findings as Record<string, unknown>[]) {
          expect(f).toMatchObject({ category: expect.any(String), rule: expect.any(String), severity: expect.stringMatching(/^(high|medium|low)$/), url: expect.any(String), sentence: expect.any(String), match: expect.any(String) });
        }
      }
      const clinicOut = json.sites.find((s) => s.site === clinic.key)!;
      expect(clinicOut.type).toBe('clinic');
      const findings = clinicOut.findings as { category: string; rule: string; url: string; sentence: string }[];
      expect(describeClaims(missedClaims(farm.planted.filter((p) => p.site === clinic.key), findings))).toEqual([]);
      // site-level missing-disclosure findings are part of the JSON
      expect(findings.filter((f) => f.category === 'missing-disclosure').map((f) => f.rule.replace(/^missing-disclosure\//, '')).sort()).toEqual([...(farm.missingDisclosures[clinic.key] ?? [])].sort());
      expect(json.sites.find((s) => s.site === authority.key)).toMatchObject({ type: 'authority', findings: [] });
      expect(out.stderr).toMatch(/sweep: 2 sites to visit/);

      const holder = await openStore(data);
      try {
        const refused = await runCli(args);
        expect(refused.code).not.toBe(0);
        expect(refused.stdout).toBe('');
        expect(refused.stderr).toMatch(/^exoscan: another exoscan process \(pid \d+/m);
      } finally {
        await holder.close();
      }
    } finally {
      await rm(sub, { recursive: true, force: true });
    }
  });
});
