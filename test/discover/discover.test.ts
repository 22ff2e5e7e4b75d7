import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { braveProvider } from '../../src/discover/brave.ts';
import { discover } from '../../src/discover/discover.ts';
import { searxngProvider } from '../../src/discover/searxng.ts';
import { parseSeeds, readSeedFile } from '../../src/discover/seeds.ts';
import { readSkipList, siteFilter } from '../../src/discover/site-filter.ts';
import { seedToUrl, siteKeyOf } from '../../src/discover/site-key.ts';

describe('siteKeyOf', () => {
  it('groups subdomains under the registrable domain, public-suffix aware', () => {
    expect(siteKeyOf('https://www.sakura-hifuka.co.jp/exosome/')).toBe('sakura-hifuka.co.jp');
    expect(siteKeyOf('https://beauty.sakura-hifuka.co.jp/')).toBe('sakura-hifuka.co.jp');
    expect(siteKeyOf('https://a.b.example.tokyo/x')).toBe('example.tokyo');
    expect(siteKeyOf('https://kenko.city.minato.lg.jp/')).not.toBe('lg.jp');
  });
  it('keeps host:port for IP addresses and localhost, which is how the farm tells sites apart', () => {
    expect(siteKeyOf('http://127.0.0.1:4100/a')).toBe('127.0.0.1:4100');
    expect(siteKeyOf('http://127.0.0.1:4101/')).toBe('127.0.0.1:4101');
    expect(siteKeyOf('http://localhost:3000/')).toBe('localhost:3000');
  });
});

describe('seeds', () => {
  it('reads URLs and bare domains, ignores comments, reports bad lines with their number', () => {
    const r = parseSeeds('# クリニック一覧\nexample-clinic.jp\nhttps://shop.example.com/exosome # 販売\n\nftp://x.example\nhttp://127.0.0.1:9/\nexample-clinic.jp\n');
    expect(r.urls).toEqual(['https://example-clinic.jp/', 'https://shop.example.com/exosome', 'http://127.0.0.1:9/']);
    expect(r.rejected).toEqual([{ line: 5, text: 'ftp://x.example' }]);
    expect(seedToUrl('not a domain at all')).toBeUndefined();
  });
  it('says which seed file it could not read', async () => {
    await expect(readSeedFile('/nonexistent/seeds.txt')).rejects.toThrow(/seeds\.txt.*ENOENT/);
  });
});

describe('skip list', () => {
  it('skips listed domains and their subdomains unless allowed', async () => {
    const skip = await readSkipList(new URL('../../dictionaries/skip-sites.yaml', import.meta.url).pathname);
    expect(skip).toContain('wikipedia.org');
    const f = siteFilter(skip, ['ameblo.jp']);
    expect(f.allows('wikipedia.org')).toBe(false);
    expect(f.allows('ja.wikipedia.org')).toBe(false);
    expect(f.allows('ameblo.jp')).toBe(true);
    expect(f.allows('example-clinic.jp')).toBe(true);
    expect(f.allows('notwikipedia.org')).toBe(true);
  });
});

describe('providers against local servers', () => {
  let server: Server;
  let base: string;
  const seenHeaders: Record<string, string | string[] | undefined>[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      seenHeaders.push(req.headers);
      if (u.pathname === '/searx/search') {
        if (u.searchParams.get('format') !== 'json') {
          res.writeHead(403).end('Forbidden');
          return;
        }
        const page = Number(u.searchParams.get('pageno'));
        const results = page <= 2 ? [1, 2, 3].map((i) => ({ url: `http://127.0.0.1:${7000 + (page - 1) * 3 + i}/`, title: `院${i}` })) : [];
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ query: u.searchParams.get('q'), number_of_results: 91900, results }));
      } else if (u.pathname === '/searx-off/search') {
        res.writeHead(403).end('Forbidden');
      } else if (u.pathname === '/brave') {
        if (req.headers['x-subscription-token'] !== 'k-123') {
          res.writeHead(401).end('{}');
          return;
        }
        const offset = Number(u.searchParams.get('offset'));
        const results = Array.from({ length: 20 }, (_, i) => ({ url: `https://c${offset * 20 + i}.example.jp/`, title: 't' }));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ web: { results }, query: { more_results_available: offset < 1 } }));
      } else if (u.pathname === '/quota') {
        res.writeHead(429).end('{}');
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('SearXNG pages until it has enough results and records the total-hit count', async () => {
    const r = await searxngProvider({ url: `${base}/searx` }).search('エクソソーム クリニック 再生医療', { maxResults: 5 });
    expect(r.error).toBeUndefined();
    expect(r.totalHits).toBe(91900);
    expect(r.results.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(r.results[3]?.url).toBe('http://127.0.0.1:7004/');
  });

  it('SearXNG with JSON disabled gives an error that says how to enable it', async () => {
    const r = await searxngProvider({ url: `${base}/searx-off` }).search('q', { maxResults: 5 });
    expect(r.error).toMatch(/403.*search\.formats/);
    expect(r.results).toEqual([]);
  });

  it('Brave sends the key as a header, asks for Japanese results, pages by offset, and keeps the key out of errors', async () => {
    const r = await braveProvider({ apiKey: 'k-123', baseUrl: `${base}/brave` }).search('幹細胞 上清液', { maxResults: 30 });
    expect(r.results).toHaveLength(30);
    expect(r.results[29]?.url).toBe('https://c29.example.jp/');
    const bad = await braveProvider({ apiKey: 'wrong-secret', baseUrl: `${base}/brave` }).search('q', { maxResults: 5 });
    expect(bad.error).toMatch(/401.*refused/);
    expect(JSON.stringify(bad)).not.toContain('wrong-secret');
    const quota = await braveProvider({ apiKey: 'k', baseUrl: `${base}/quota` }).search('q', { maxResults: 5 });
    expect(quota.error).toMatch(/429.*quota/);
  });

  it('discover groups seeds and results into sites, skips listed domains, and survives a failing provider', async () => {
    const skipProvider = {
      name: 'fixed',
      search: async (query: string) => ({
        provider: 'fixed', query, date: new Date().toISOString(),
        results: [
          { rank: 1, url: 'https://ja.wikipedia.org/wiki/x' },
          { rank: 2, url: 'https://www.example-clinic.jp/exosome' },
          { rank: 3, url: 'https://example-clinic.jp/price' },
        ],
      }),
    };
    const d = await discover({
      seeds: ['http://127.0.0.1:7001/'],
      queries: ['エクソソーム'],
      providers: [
        { provider: searxngProvider({ url: `${base}/searx-off` }), maxResults: 10 },
        { provider: skipProvider, maxResults: 10 },
        { provider: searxngProvider({ url: `${base}/searx` }), maxResults: 3 },
      ],
      filter: siteFilter(['wikipedia.org']),
    });
    expect(d.searches).toHaveLength(3);
    expect(d.searches[0]?.error).toMatch(/403/);
    expect(d.skipped).toEqual(['wikipedia.org']);
    const clinic = d.sites.find((s) => s.key === 'example-clinic.jp');
    expect(clinic?.startUrls).toEqual(['https://www.example-clinic.jp/exosome', 'https://example-clinic.jp/price']);
    const seeded = d.sites.find((s) => s.key === '127.0.0.1:7001');
    expect(seeded).toMatchObject({ fromSeeds: true, fromSearch: true });
  });
});
