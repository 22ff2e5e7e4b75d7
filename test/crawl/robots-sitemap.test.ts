import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CrawlError } from '../../src/crawl/errors.ts';
import { fetchPage } from '../../src/crawl/fetcher.ts';
import { loadRobots } from '../../src/crawl/robots.ts';
import { parseSitemap, readSitemaps } from '../../src/crawl/sitemap.ts';
import { startServer } from './local-server.ts';
import type { Handler, LocalServer } from './local-server.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function serve(handler: Handler): Promise<LocalServer> {
  server = await startServer(handler);
  return server;
}
const get = (url: string) => fetchPage(url, { userAgent: 'exoscan/0.1', allowPrivate: true, htmlOnly: false, backoffMs: 5, retries: 1 });

describe('loadRobots', () => {
  it('applies the rules for our token and reads Crawl-delay and sitemaps', async () => {
    const s = await serve((req, res) => {
      if (req.url !== '/robots.txt') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\n\nUser-agent: exoscan\nDisallow: /members/\nCrawl-delay: 1.5\n\nSitemap: /sitemap-pages.xml\n');
    });
    const robots = await loadRobots(s.origin, get);
    expect(robots.status).toBe('fetched');
    expect(robots.isAllowed(`${s.origin}/members/ev.html`)).toBe(false);
    // Our own group replaces the * group (RFC 9309).
    expect(robots.isAllowed(`${s.origin}/private/`)).toBe(true);
    expect(robots.isAllowed(`${s.origin}/exosome/`)).toBe(true);
    expect(robots.crawlDelayMs).toBe(1500);
    expect(robots.sitemaps).toEqual([`${s.origin}/sitemap-pages.xml`]);
  });

  it('allows all when robots.txt is missing', async () => {
    const s = await serve((_req, res) => res.writeHead(404).end());
    const robots = await loadRobots(s.origin, get);
    expect(robots.status).toBe('missing');
    expect(robots.isAllowed(`${s.origin}/anything`)).toBe(true);
  });

  it('disallows all for the sweep when robots.txt answers 5xx, and says why', async () => {
    const s = await serve((_req, res) => res.writeHead(503).end());
    const robots = await loadRobots(s.origin, get);
    expect(robots.status).toBe('unavailable');
    expect(robots.isAllowed(`${s.origin}/`)).toBe(false);
    expect(robots.error?.kind).toBe('robots');
    expect(robots.error?.message).toContain('503');
    expect(s.log).toHaveLength(2); // retried once first
  });

  it('throws when the origin itself is unreachable', async () => {
    const s = await serve(() => undefined);
    const origin = s.origin;
    await s.close();
    server = undefined;
    await expect(loadRobots(origin, get)).rejects.toSatisfy((e) => e instanceof CrawlError && e.kind === 'refused');
  });
});

describe('sitemaps', () => {
  it('parses urlsets, indexes, namespaces, CDATA and entities', () => {
    const set = parseSitemap(
      '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://c.test/a?x=1&amp;y=2 </loc></url><url><loc><![CDATA[https://c.test/b]]></loc></url></urlset>',
    );
    expect(set).toEqual({ index: false, locs: ['https://c.test/a?x=1&y=2', 'https://c.test/b'] });
    expect(parseSitemap('<sm:sitemapindex><sm:sitemap><sm:loc>https://c.test/s1.xml</sm:loc></sm:sitemap></sm:sitemapindex>')).toEqual({
      index: true,
      locs: ['https://c.test/s1.xml'],
    });
  });

  it('follows one index level, reads gzip sitemaps, caps entries and reports broken ones', async () => {
    const urlset = (paths: string[]) => `<urlset>${paths.map((p) => `<url><loc>${s.origin}${p}</loc></url>`).join('')}</urlset>`;
    const s = await serve((req, res) => {
      const xml = { 'content-type': 'application/xml' };
      if (req.url === '/sitemap.xml') res.writeHead(200, xml).end(`<sitemapindex><sitemap><loc>${s.origin}/a.xml</loc></sitemap><sitemap><loc>${s.origin}/b.xml.gz</loc></sitemap><sitemap><loc>${s.origin}/broken.xml</loc></sitemap></sitemapindex>`);
      else if (req.url === '/a.xml') res.writeHead(200, xml).end(urlset(['/hidden-exosome-page.html', '/price.html']));
      else if (req.url === '/b.xml.gz') res.writeHead(200, { 'content-type': 'application/gzip' }).end(gzipSync(urlset(['/faq.html', '/extra1', '/extra2'])));
      else res.writeHead(500).end();
    });
    const all = await readSitemaps([`${s.origin}/sitemap.xml`], get);
    expect(all.urls).toEqual(['/hidden-exosome-page.html', '/price.html', '/faq.html', '/extra1', '/extra2'].map((p) => s.origin + p));
    expect(all.errors.map((e) => [e.kind, e.status])).toEqual([['http', 500]]);
    const capped = await readSitemaps([`${s.origin}/sitemap.xml`], get, { maxEntries: 3 });
    expect(capped.urls).toHaveLength(3);
  });

  it('treats a missing sitemap.xml as no sitemap, not an error', async () => {
    const s = await serve((_req, res) => res.writeHead(404).end());
    expect(await readSitemaps([`${s.origin}/sitemap.xml`], get)).toEqual({ urls: [], errors: [] });
  });
});
