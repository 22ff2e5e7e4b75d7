// Checks that the farm serves what its ground truth claims, over real HTTP on 127.0.0.1.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureItem } from '../../src/model.ts';
import { SENTENCE_CATEGORIES } from '../../src/model.ts';
import type { Farm, FarmSite } from './farm.ts';
import { startFarm } from './farm.ts';
import { HUGE_PAGE_BYTES, REDIRECT_CHAIN_LENGTH } from './sites/faults.ts';

interface Fetched {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

async function get(url: string, init: RequestInit = {}): Promise<Fetched> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The charset a page names in its own <meta>, read from the ASCII-compatible bytes. */
function metaCharset(bytes: Buffer): string | undefined {
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1];
}

function decodePage(f: Fetched): string {
  return iconv.decode(f.bytes, metaCharset(f.bytes) ?? 'utf-8');
}

/** Fetches a page, retrying once past the rate-limited site's first 429. */
async function page(url: string): Promise<Fetched> {
  const first = await get(url);
  return first.status === 429 ? get(url) : first;
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
}

/** Decoded HTML of every same-site page linked from the base URL, traps and files left out. */
async function crawl(base: string): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [base];
  const out: string[] = [];
  while (queue.length && seen.size < 40) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const f = await page(url);
    if (f.status !== 200 || !f.headers.get('content-type')?.startsWith('text/html') || f.bytes.length > 1e6) continue;
    const html = decodePage(f);
    out.push(html);
    for (const h of hrefs(html)) if (/^\/(?:[\w-]+\/)*(?:[\w-]+\.html)?$/.test(h)) queue.push(new URL(h, base).href);
  }
  return out;
}

function site(farm: Farm, kind: string): FarmSite {
  const s = farm.sites.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} site`);
  return s;
}

describe('test farm', () => {
  let farm: Farm;
  beforeAll(async () => {
    farm = await startFarm({ delays: false });
  });
  afterAll(async () => {
    await farm.close();
  });

  it('lists sites on 127.0.0.1 only, one port each, every site type, and plants every sentence category', () => {
    const keys = farm.sites.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of farm.sites) {
      expect(s.key).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(s.baseUrl).toBe(`http://${s.key}/`);
    }
    expect(new Set(farm.sites.map((s) => s.type))).toEqual(new Set(['clinic', 'media', 'seller', 'authority']));
    expect(new Set(farm.planted.map((p) => p.category))).toEqual(new Set(SENTENCE_CATEGORIES));
    const authority = farm.sites.find((s) => s.type === 'authority')!;
    expect(farm.planted.filter((p) => p.site === authority.key)).toEqual([]);
    expect(farm.decoys.filter((d) => d.site === authority.key).length).toBeGreaterThan(3);
    // Some clinics give all seven disclosures, others miss some.
    const missing = Object.values(farm.missingDisclosures);
    expect(missing.some((m) => m.length === 0)).toBe(true);
    expect(missing.some((m) => m.length > 0)).toBe(true);
  });

  it('plants one sentence per claim, each with a known category', () => {
    for (const p of farm.planted) {
      expect(p.sentence.slice(0, -1), p.sentence).not.toMatch(/[。！？]/);
      expect(SENTENCE_CATEGORIES, p.sentence).toContain(p.category);
    }
  });

  it('gives exactly the disclosures its ground truth says: a site missing an item never states it', async () => {
    // Words that only a disclosure of that item would use on these sites.
    const tell: Partial<Record<DisclosureItem, RegExp>> = {
      unapproved: /承認を受けた医薬品ではありません/,
      'relief-system-not-applicable': /救済制度/,
      'overseas-safety-info': /諸外国/,
      'domestic-approved-equivalent': /承認医薬品等はありません/,
      'acquisition-route': /購入しています/,
      cost: /(?:\d{1,3}(?:,\d{3})+|\d+)円/,
    };
    const browserOnly = new Set(farm.planted.filter((p) => p.needsBrowser).map((p) => p.site));
    const checked = Object.entries(farm.missingDisclosures).filter(([key]) => !browserOnly.has(key));
    expect(checked.length).toBeGreaterThan(8);
    for (const [key, missing] of checked) {
      const text = (await crawl(`http://${key}/`)).join('\n');
      for (const [item, re] of Object.entries(tell) as [DisclosureItem, RegExp][])
        expect(re.test(text), `${key} ${item}`).toBe(!missing.includes(item));
    }
  });

  it('serves every planted sentence and every decoy on its page, decoded with the charset the page names', async () => {
    const byUrl = new Map<string, string[]>();
    for (const p of farm.planted.filter((x) => !x.needsBrowser)) byUrl.set(p.url, [...(byUrl.get(p.url) ?? []), p.sentence]);
    for (const d of farm.decoys) byUrl.set(d.url, [...(byUrl.get(d.url) ?? []), d.sentence]);
    expect(byUrl.size).toBeGreaterThan(20);
    for (const [url, sentences] of byUrl) {
      const f = await page(url);
      expect(f.status, url).toBe(200);
      const html = decodePage(f);
      for (const s of sentences) expect(html, url).toMatch(new RegExp(`<(p|li)>${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</(p|li)>`));
    }
  });

  it('encodes the Shift_JIS, EUC-JP and wrong-header sites as announced', async () => {
    const cases: [kind: string, header: string, meta: string][] = [
      ['shift_jis', 'text/html; charset=Shift_JIS', 'Shift_JIS'],
      ['euc-jp', 'text/html', 'EUC-JP'],
      ['wrong-charset', 'text/html; charset=ISO-8859-1', 'Shift_JIS'],
    ];
    for (const [kind, header, meta] of cases) {
      const s = site(farm, kind);
      const claims = farm.planted.filter((p) => p.site === s.key);
      expect(claims.length, kind).toBeGreaterThan(2);
      for (const c of claims) {
        const f = await get(c.url);
        expect(f.headers.get('content-type')).toBe(header);
        expect(metaCharset(f.bytes)).toBe(meta);
        expect(iconv.decode(f.bytes, meta)).toContain(c.sentence);
        expect(f.bytes.toString('utf8')).not.toContain(c.sentence);
      }
    }
    const eucHead = (await get(site(farm, 'euc-jp').baseUrl)).bytes.toString('latin1');
    expect(eucHead).toContain('http-equiv="Content-Type"');
  });

  it('keeps the JS-only site empty until its script runs', async () => {
    const s = site(farm, 'js-only');
    const claims = farm.planted.filter((p) => p.site === s.key);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.needsBrowser && c.reachable)).toBe(true);
    const html = (await get(s.baseUrl)).bytes.toString('utf8');
    expect(html).toContain('<div id="app"></div>');
    for (const c of claims) expect(html).not.toContain(c.sentence);
    // Run the inline script against a one-element document: the claims appear.
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const app = { innerHTML: '' };
    new Function('document', script)({ getElementById: (id: string) => (id === 'app' ? app : null) });
    for (const c of claims) expect(app.innerHTML).toContain(`<p>${c.sentence}</p>`);
  });

  it('disallows /private/ in robots.txt, links to it from allowed pages, and marks its claims unreachable', async () => {
    const s = site(farm, 'robots');
    const robots = (await get(new URL('/robots.txt', s.baseUrl).href)).bytes.toString('utf8');
    expect(robots).toMatch(/User-agent: \*\nCrawl-delay: 1\nDisallow: \/private\//);
    const hidden = farm.planted.filter((p) => p.site === s.key && !p.reachable);
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden) expect(new URL(h.url).pathname).toMatch(/^\/private\//);
    expect(farm.planted.filter((p) => p.site === s.key && p.reachable).length).toBeGreaterThan(0);
    expect(hrefs(decodePage(await get(s.baseUrl)))).toContain('/private/member.html');
    // Reachability follows robots: every other site's claims are reachable.
    expect(farm.planted.filter((p) => !p.reachable).every((p) => p.site === s.key)).toBe(true);
  });

  it('lists the sitemap-only page in sitemap.xml (named in robots.txt) and links it from nowhere', async () => {
    const s = site(farm, 'sitemap-only');
    const robots = (await get(new URL('/robots.txt', s.baseUrl).href)).bytes.toString('utf8');
    expect(robots).toContain(`Sitemap: ${s.baseUrl}sitemap.xml`);
    const sitemap = (await get(new URL('/sitemap.xml', s.baseUrl).href)).bytes.toString('utf8');
    const hidden = new URL('/campaign/monitor.html', s.baseUrl).href;
    expect(sitemap).toContain(`<loc>${hidden}</loc>`);
    expect(farm.planted.some((p) => p.url === hidden && p.reachable)).toBe(true);
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const loc of locs) expect(hrefs(decodePage(await get(loc)))).not.toContain('/campaign/monitor.html');
  });

  it('has an endless calendar', async () => {
    const s = site(farm, 'calendar-trap');
    expect(hrefs(decodePage(await get(s.baseUrl)))).toContain('/calendar?month=2025-04');
    let url = new URL('/calendar?month=2025-04', s.baseUrl).href;
    for (let i = 0; i < 30; i++) {
      const next = hrefs(decodePage(await get(url))).find((h) => /^\/calendar\?month=/.test(h) && h > new URL(url).pathname + new URL(url).search);
      expect(next).toBeDefined();
      url = new URL(next!, s.baseUrl).href;
    }
    expect(url).toContain('month=2027-10');
  });

  it('has a redirect loop and a redirect chain longer than any sane limit', async () => {
    const s = site(farm, 'redirect-loop');
    const a = await get(new URL('/a', s.baseUrl).href);
    expect([a.status, a.headers.get('location')]).toEqual([302, '/b']);
    const b = await get(new URL('/b', s.baseUrl).href);
    expect([b.status, b.headers.get('location')]).toEqual([302, '/a']);
    let path = '/chain/1';
    let hops = 0;
    for (let r = await get(new URL(path, s.baseUrl).href); r.status === 301; r = await get(new URL(path, s.baseUrl).href)) {
      path = r.headers.get('location')!;
      hops++;
    }
    expect([hops, path]).toEqual([REDIRECT_CHAIN_LENGTH, '/chain/end']);
  });

  it('answers 429 with Retry-After the first time, then 200', async () => {
    const s = site(farm, 'rate-limited');
    farm.setGeneration(1); // resets the per-generation 429 counter
    const url = new URL('/menu/exosome.html', s.baseUrl).href;
    const first = await get(url);
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '1']);
    const second = await get(url);
    expect(second.status).toBe(200);
    expect(farm.planted.some((p) => p.url === url)).toBe(true);
  });

  it('serves a 20 MB page, an always-500 page and non-HTML files', async () => {
    const huge = await get(new URL('/news/archive.html', site(farm, 'huge-page').baseUrl).href);
    expect(huge.status).toBe(200);
    expect(Number(huge.headers.get('content-length'))).toBe(huge.bytes.length);
    expect(huge.bytes.length).toBeGreaterThanOrEqual(HUGE_PAGE_BYTES);
    expect(huge.bytes.length).toBeLessThan(HUGE_PAGE_BYTES + 1024);
    const s = site(farm, 'server-error');
    for (let i = 0; i < 2; i++) expect((await get(new URL('/reservation.html', s.baseUrl).href)).status).toBe(500);
    const links = hrefs(decodePage(await get(s.baseUrl)));
    expect(links).toEqual(expect.arrayContaining(['/reservation.html', '/files/price.pdf']));
    const pdf = await get(new URL('/files/price.pdf', s.baseUrl).href);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(new URL('/img/case01.png', s.baseUrl).href)).headers.get('content-type')).toBe('image/png');
  });

  it('lists a dead port that refuses connections', async () => {
    const dead = site(farm, 'dead');
    expect(farm.seeds()).toContain(dead.baseUrl);
    await expect(fetch(dead.baseUrl)).rejects.toThrow();
  });

  it('fakes SearXNG: JSON results of farm URLs with paging, 403 without format=json', async () => {
    const q = encodeURIComponent('エクソソーム クリニック');
    const p1 = JSON.parse((await get(`${farm.searxngUrl}search?q=${q}&format=json`)).bytes.toString('utf8'));
    expect(p1.query).toBe('エクソソーム クリニック');
    expect(p1.number_of_results).toBe(farm.seeds().length);
    expect(p1.results).toHaveLength(10);
    const p2 = JSON.parse((await get(`${farm.searxngUrl}search?q=${q}&format=json&pageno=2`)).bytes.toString('utf8'));
    const urls = [...p1.results, ...p2.results].map((r: { url: string }) => r.url);
    expect(new Set(urls)).toEqual(new Set(farm.seeds()));
    for (const r of p1.results) expect(r).toMatchObject({ url: expect.any(String), title: expect.any(String), content: expect.any(String) });
    expect((await get(`${farm.searxngUrl}search?q=${q}`)).status).toBe(403);
  });

  it('fakes ClinicalTrials.gov API v2 with paging, counts per generation', async () => {
    const count = async () => {
      const base = `${farm.trialsUrl}api/v2/studies?query.term=${encodeURIComponent('exosome OR "extracellular vesicle"')}&filter.advanced=${encodeURIComponent('AREA[StudyType]INTERVENTIONAL')}&countTotal=true&pageSize=20`;
      let body = JSON.parse((await get(base)).bytes.toString('utf8'));
      const total: number = body.totalCount;
      const studies = [...body.studies];
      while (body.nextPageToken) {
        body = JSON.parse((await get(`${base}&pageToken=${body.nextPageToken}`)).bytes.toString('utf8'));
        expect(body.totalCount).toBeUndefined();
        studies.push(...body.studies);
      }
      const phase = (p: string) => studies.filter((s) => s.protocolSection.designModule.phases.includes(p)).length;
      for (const s of studies) expect(s.protocolSection.designModule.studyType).toBe('INTERVENTIONAL');
      return { total, n: studies.length, ids: new Set(studies.map((s) => s.protocolSection.identificationModule.nctId)).size, p3: phase('PHASE3'), p4: phase('PHASE4') };
    };
    expect(await count()).toEqual({ total: 24, n: 24, ids: 24, p3: 2, p4: 1 });
    farm.setGeneration(2);
    try {
      expect(await count()).toMatchObject({ total: 151, n: 151, ids: 151 });
      const phase3 = JSON.parse((await get(`${farm.trialsUrl}api/v2/studies?query.term=exosome&filter.advanced=${encodeURIComponent('AREA[StudyType]INTERVENTIONAL AND AREA[Phase](PHASE3 OR PHASE4)')}&countTotal=true&pageSize=0`)).bytes.toString('utf8'));
      expect(phase3.totalCount).toBe(11 + 5 + 8); // PHASE3, PHASE2|PHASE3, PHASE4
    } finally {
      farm.setGeneration(1);
    }
    expect((await get(`${farm.trialsUrl}api/v2/studies?query.term=exosome&pageToken=garbage`)).status).toBe(400);
    expect(JSON.parse((await get(`${farm.trialsUrl}api/v2/studies?query.term=insulin&countTotal=true`)).bytes.toString('utf8')).totalCount).toBe(0);
  });

  it('switches generation: a new clinic appears, claims come and go, the dead port stays dead', async () => {
    const fresh = site(farm, 'new-in-gen2');
    expect(fresh.generations).toEqual([2]);
    const gen1 = farm.planted;
    expect(farm.seeds()).not.toContain(fresh.baseUrl);
    await expect(fetch(fresh.baseUrl)).rejects.toThrow();
    farm.setGeneration(2);
    try {
      const gen2 = farm.planted;
      expect(farm.seeds()).toContain(fresh.baseUrl);
      expect(farm.seeds()).toContain(site(farm, 'dead').baseUrl);
      expect((await get(fresh.baseUrl)).status).toBe(200);
      expect(gen2.some((p) => p.site === fresh.key)).toBe(true);
      const id = (p: { url: string; sentence: string; category: string }) => `${p.url} ${p.category} ${p.sentence}`;
      const dropped = gen1.filter((p) => !gen2.some((q) => id(q) === id(p)));
      const added = gen2.filter((p) => !gen1.some((q) => id(q) === id(p)) && p.site !== fresh.key);
      expect(dropped.length).toBeGreaterThan(0);
      expect(added.length).toBeGreaterThan(0);
      for (const d of dropped) {
        expect(d.generations).toEqual([1]);
        expect(decodePage(await page(d.url))).not.toContain(d.sentence);
      }
      for (const a of added) expect(decodePage(await page(a.url))).toContain(a.sentence);
      await expect(fetch(site(farm, 'dead').baseUrl)).rejects.toThrow();
    } finally {
      farm.setGeneration(1);
    }
  });

  it('logs every request it served with the site key and path', async () => {
    const s = site(farm, 'normal');
    const before = farm.requestLog.length;
    await get(new URL('/faq.html?x=1', s.baseUrl).href);
    expect(farm.requestLog.slice(before)).toEqual([{ site: s.key, path: '/faq.html?x=1', at: expect.any(Number) }]);
  });
});

describe('test farm with delays', () => {
  it('serves the slow site with delays on and stops cleanly while a delayed response is pending', async () => {
    const farm = await startFarm();
    const slow = site(farm, 'slow');
    expect((await get(slow.baseUrl)).status).toBe(200);
    const pending = fetch(new URL('/price.html', slow.baseUrl).href).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await farm.close();
    expect(await pending).toBeInstanceOf(Error);
    await expect(fetch(slow.baseUrl)).rejects.toThrow();
  });
});

describe('test farm at scale', () => {
  it('generates interlinked clinic-like sites of 5-10 KB pages with ground truth, and no special sites', async () => {
    const farm = await startFarm({ scale: { sites: 3, pagesPerSite: 25 } });
    try {
      expect(farm.sites).toHaveLength(3);
      expect(farm.seeds()).toEqual(farm.sites.map((s) => s.baseUrl));
      const planted = new Set(farm.planted.map((p) => p.url));
      for (const s of farm.sites) {
        // Every page is reachable by links from the top page.
        const seen = new Set<string>();
        const queue = [s.baseUrl];
        const sizes: number[] = [];
        while (queue.length) {
          const url = queue.shift()!;
          if (seen.has(url)) continue;
          seen.add(url);
          const f = await get(url);
          if (f.status !== 200) continue;
          sizes.push(f.bytes.length);
          const html = f.bytes.toString('utf8');
          for (const p of farm.planted.filter((x) => x.url === url)) expect(html).toContain(p.sentence);
          for (const h of hrefs(html)) if (h.startsWith('/') && !h.endsWith('.css')) queue.push(new URL(h, s.baseUrl).href);
        }
        expect(sizes).toHaveLength(25);
        const columns = sizes.slice().sort((a, b) => a - b).slice(7);
        for (const size of columns) expect(size).toBeGreaterThanOrEqual(5_000);
        for (const size of columns) expect(size).toBeLessThanOrEqual(12_000);
        for (const url of planted) if (url.startsWith(s.baseUrl)) expect(seen.has(url)).toBe(true);
      }
      expect(farm.planted.length).toBeGreaterThan(9);
      expect(Object.keys(farm.missingDisclosures)).toHaveLength(3);
    } finally {
      await farm.close();
    }
  });
});
