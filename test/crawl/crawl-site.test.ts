import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../src/crawl/crawl-site.ts';
import type { CrawledPage, CrawlOptions } from '../../src/crawl/crawl-site.ts';
import { findChromium, Renderer } from '../../src/crawl/render.ts';
import { html, startServer } from './local-server.ts';
import type { LocalServer, LoggedRequest } from './local-server.ts';

// An invented clinic site, with the traps and faults a real crawl meets.
const page = (title: string, body: string) =>
  `<!doctype html><html lang="ja"><head><title>${title}</title></head><body><main>${body}</main>` +
  `<footer><p>医療法人社団テスト会 架空クリニック 診療時間 10:00〜19:00。本ページの内容はテスト用に作成した架空の文章です。</p></footer></body></html>`;
const filler = '当院では患者様一人ひとりのお悩みに合わせて、医師が丁寧にカウンセリングを行います。ご不明な点はお気軽にお問い合わせください。';

function clinicSite(opts: { crawlDelay?: number } = {}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/robots.txt':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`User-agent: *\nDisallow: /members/\n${opts.crawlDelay ? `Crawl-delay: ${opts.crawlDelay}\n` : ''}Sitemap: /sitemap.xml\n`);
      case '/sitemap.xml':
        res.writeHead(200, { 'content-type': 'application/xml' });
        return res.end(`<urlset><url><loc>http://${req.headers.host}/hidden-price.html</loc></url><url><loc>http://${req.headers.host}/members/vip.html</loc></url></urlset>`);
      case '/':
        return html(res, page('架空クリニック', `<h1>架空クリニック</h1><p>${filler}</p><ul>
          <li><a href="/access/">アクセス</a></li>
          <li><a href="/exosome/?utm_source=top#menu">エクソソーム点滴</a></li>
          <li><a href="/exosome/index.html">再生医療メニュー</a></li>
          <li><a href="/members/secret.html">会員ページ</a></li>
          <li><a href="/calendar/?month=1">診療カレンダー</a></li>
          <li><a href="http://other-clinic.invalid/">提携院</a></li>
          <li><a href="/brochure.pdf">パンフレット</a></li>
          <li><a href="/app/">オンライン予約</a></li>
          <li><a href="/old-page">旧ページ</a></li>
          <li><a href="/broken/">お知らせ</a></li>
          <li><a href="/sjis.html">院長あいさつ</a></li></ul>`));
      case '/exosome/':
        return html(res, page('エクソソーム点滴', `<h1>エクソソーム点滴</h1><p>${filler}</p><p><a href="/exosome/?fbclid=zzz">再読み込み</a></p>`));
      case '/access/':
        return html(res, page('アクセス', `<h1>アクセス</h1><p>${filler}</p>`));
      case '/hidden-price.html':
        return html(res, page('料金表', `<h1>料金表</h1><p>サイトマップにだけ載っている料金ページです。${filler}</p>`));
      case '/calendar/': {
        const m = Number(url.searchParams.get('month'));
        return html(res, page(`${m}月`, `<p>${filler}</p><a href="/calendar/?month=${m + 1}">翌月</a>`));
      }
      case '/old-page':
        return res.writeHead(301, { location: '/exosome/' }).end();
      case '/brochure.pdf':
        return res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.alloc(2048));
      case '/broken/':
        return res.writeHead(500).end();
      case '/sjis.html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(iconv.encode(page('院長あいさつ', `<meta charset="Shift_JIS"><h1>院長あいさつ</h1><p>${filler}</p>`), 'Shift_JIS'));
      case '/app/':
        return html(res, `<!doctype html><html><head><title>予約</title></head><body><div id="app"></div><script src="/app.js"></script></body></html>`);
      case '/app.js':
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(`document.getElementById('app').innerHTML = '<h1>オンライン予約</h1><p>${filler}</p><a href="/rendered-only/">幹細胞上清液について</a>';`);
      case '/rendered-only/':
        return html(res, page('上清液', `<p>${filler}</p>`));
      default:
        return html(res, 'not found', 404);
    }
  };
}

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(handler: Parameters<typeof startServer>[0]): Promise<LocalServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

const baseOpts: CrawlOptions = { userAgent: 'exoscan/test', allowPrivate: true, delayMs: 0, fetch: { retries: 0 }, render: 'never' };

async function crawl(start: string, opts: Partial<CrawlOptions> = {}) {
  const pages: CrawledPage[] = [];
  const result = await crawlSite({ key: new URL(start).host, startUrls: [start] }, { ...baseOpts, ...opts }, {
    onPage: async (p) => {
      pages.push(p);
    },
  });
  return { result, pages, paths: pages.map((p) => new URL(p.url).pathname + new URL(p.url).search) };
}

const requested = (log: LoggedRequest[]) => log.map((r) => r.path);

describe('crawlSite', () => {
  it('crawls a small site end to end: robots, sitemap, scope, dedupe, traps, faults', async () => {
    const s = await serve(clinicSite());
    const { result, pages, paths } = await crawl(`${s.origin}/`, { maxDepth: 30, maxPages: 60 });

    // robots: the disallowed pages were never requested, and are reported.
    expect(requested(s.log).some((p) => p.startsWith('/members/'))).toBe(false);
    expect(result.robotsDisallowed.sort()).toEqual([`${s.origin}/members/secret.html`, `${s.origin}/members/vip.html`]);
    // The sitemap-only page was found.
    expect(paths).toContain('/hidden-price.html');
    // Tracking and index variants and the redirect to it: one fetch of /exosome/, one page.
    expect(requested(s.log).filter((p) => p.startsWith('/exosome/'))).toEqual(['/exosome/']);
    expect(paths.filter((p) => p.startsWith('/exosome/'))).toEqual(['/exosome/']);
    // The endless calendar stopped at the guard.
    expect(requested(s.log).filter((p) => p.startsWith('/calendar/')).length).toBe(5);
    expect(result.skipped.calendar).toBe(1);
    // Treatment pages go before the rest.
    expect(paths.indexOf('/exosome/')).toBeLessThan(paths.indexOf('/access/'));
    // Faults are rows, not throws; the off-site link was never followed.
    expect(result.errors.map((e) => [new URL(e.url).pathname, e.kind]).sort()).toEqual([
      ['/brochure.pdf', 'not-html'],
      ['/broken/', 'http'],
    ]);
    // The JavaScript shell is passed on, flagged, with no browser.
    const app = pages.find((p) => p.url.endsWith('/app/'))!;
    expect(app.needsRendering).toBe(true);
    expect(app.rendered).toBe(false);
    expect(result.needsRendering).toEqual([`${s.origin}/app/`]);
    // Shift_JIS decoded; the body stays as fetched.
    const sjis = pages.find((p) => p.url.endsWith('/sjis.html'))!;
    expect(sjis.charset).toMatch(/shift_jis|cp932|windows-31j/i);
    expect(sjis.html).toContain('院長あいさつ');
    expect(sjis.body.includes(Buffer.from('院長', 'utf8'))).toBe(false);
    expect(pages.find((p) => p.url === `${s.origin}/exosome/`)!.extracted.title).toBe('エクソソーム点滴');
    expect(result.pages).toBe(pages.length);
    expect(result.stopped).toBeUndefined();
  });

  it('honours robots Crawl-delay: requests never overlap and are spaced by the delay', async () => {
    const s = await serve(clinicSite({ crawlDelay: 0.15 }));
    await crawl(`${s.origin}/`, { maxPages: 6 });
    expect(s.log.length).toBeGreaterThanOrEqual(6);
    const sorted = [...s.log].sort((a, b) => a.start - b.start);
    expect(sorted[0]!.path).toBe('/robots.txt');
    // From the server's clock: each request arrives at least the delay after the previous one ended.
    const gaps = sorted.slice(1).map((r, i) => r.start - sorted[i]!.end);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(140);
  });

  it('stops at maxPages', async () => {
    const s = await serve(clinicSite());
    const { result } = await crawl(`${s.origin}/`, { maxPages: 3, useSitemaps: false });
    expect(result.pages).toBeLessThanOrEqual(3);
    expect(s.log.filter((r) => r.path !== '/robots.txt')).toHaveLength(3);
  });

  it('ends a dead site with its error, never a throw', async () => {
    const s = await serve(() => undefined);
    const dead = s.origin;
    await s.close();
    servers.length = 0;
    const { result } = await crawl(`${dead}/`);
    expect(result.pages).toBe(0);
    expect(result.stopped).toBe('unreachable');
    expect(result.errors.map((e) => e.kind)).toEqual(['refused']);
  });

  it('crawls nothing when robots.txt is unavailable, and says so', async () => {
    const s = await serve((req, res) => (req.url === '/robots.txt' ? res.writeHead(503).end() : html(res, page('x', filler))));
    const { result } = await crawl(`${s.origin}/`);
    expect(requested(s.log)).toEqual(['/robots.txt']);
    expect(result.errors.map((e) => e.kind)).toEqual(['robots']);
    expect(result.robotsDisallowed).toEqual([`${s.origin}/`]);
  });

  it('records a redirect loop and refuses to crawl private addresses without allowPrivate', async () => {
    const loop = await serve((req, res) =>
      req.url === '/a' || req.url === '/b' ? res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end() : res.writeHead(404).end(),
    );
    expect((await crawl(`${loop.origin}/a`)).result.errors.map((e) => e.kind)).toEqual(['redirect-loop']);

    const s = await serve(clinicSite());
    const { result } = await crawl(`${s.origin}/`, { allowPrivate: false });
    expect(s.log).toHaveLength(0);
    expect(result.errors.map((e) => e.kind)).toEqual(['blocked-private']);
  });

  it('follows a start URL that moved to another site, then keeps to the new site', async () => {
    const oldSite = await serve((req, res) => {
      if (req.url === '/') return res.writeHead(301, { location: `${newSite.origin}/` }).end();
      if (req.url === '/robots.txt') return res.writeHead(404).end();
      html(res, page('旧サイト', filler));
    });
    const newSite = await serve((req, res) => {
      if (req.url === '/') return html(res, page('新サイト', `<p>${filler}</p><a href="/price/">料金</a><a href="${oldSite.origin}/left-behind/">旧</a>`));
      if (req.url === '/price/') return html(res, page('料金', filler));
      res.writeHead(404).end();
    });
    const { paths, result } = await crawl(`${oldSite.origin}/`, { useSitemaps: false });
    expect(paths).toEqual(['/', '/price/']);
    expect(requested(oldSite.log)).toEqual(['/robots.txt', '/']);
    expect(requested(newSite.log)).toEqual(['/robots.txt', '/', '/price/']);
    expect(result.errors).toEqual([]);
  });

  it('can be aborted between pages', async () => {
    const s = await serve(clinicSite());
    const ac = new AbortController();
    let seen = 0;
    const result = await crawlSite({ key: 'x', startUrls: [`${s.origin}/`] }, { ...baseOpts, signal: ac.signal }, {
      onPage: async () => {
        seen += 1;
        ac.abort();
      },
    });
    expect(seen).toBe(1);
    expect(result.pages).toBe(1);
    expect(result.stopped).toBe('aborted');
  });

  it.skipIf(!findChromium())('renders a JavaScript shell and follows the links it draws', async () => {
    const s = await serve(clinicSite());
    const renderer = new Renderer({ allowPrivate: true });
    try {
      const { result, pages } = await crawl(`${s.origin}/app/`, { render: 'auto', renderer, useSitemaps: false });
      const app = pages[0]!;
      expect(app.rendered).toBe(true);
      expect(app.needsRendering).toBe(false);
      expect(app.html).toContain('オンライン予約');
      expect(app.body.toString('utf8')).toBe(app.html);
      expect(pages.map((p) => new URL(p.url).pathname)).toContain('/rendered-only/');
      expect(result.rendered).toBe(1);
      expect(result.needsRendering).toEqual([]);
    } finally {
      await renderer.close();
    }
  });
});
