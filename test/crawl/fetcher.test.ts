import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CrawlError } from '../../src/crawl/errors.ts';
import { fetchPage, parseRetryAfter } from '../../src/crawl/fetcher.ts';
import type { FetchOptions } from '../../src/crawl/fetcher.ts';
import { html, startServer } from './local-server.ts';
import type { Handler, LocalServer } from './local-server.ts';

const base: FetchOptions = { userAgent: 'exoscan-test', allowPrivate: true, backoffMs: 10 };
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<LocalServer> {
  server = await startServer(handler);
  return server;
}

async function failure(p: Promise<unknown>): Promise<CrawlError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CrawlError) return err;
    throw err;
  }
  throw new Error('expected a CrawlError');
}

describe('fetchPage', () => {
  it('sends our user agent and Japanese Accept-Language', async () => {
    const s = await serve((_req, res) => html(res, '<p>こんにちは</p>'));
    const r = await fetchPage(`${s.origin}/`, base);
    expect(r.status).toBe(200);
    expect(r.body.toString('utf8')).toBe('<p>こんにちは</p>');
    expect(r.contentType).toBe('text/html; charset=utf-8');
    expect(s.log[0]!.headers['user-agent']).toBe('exoscan-test');
    expect(s.log[0]!.headers['accept-language']).toMatch(/^ja/);
  });

  it('follows redirects and reports the chain', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(301, { location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(302, { location: '/c?x=1' }).end();
      else html(res, 'final');
    });
    const r = await fetchPage(`${s.origin}/a`, base);
    expect(r.url).toBe(`${s.origin}/c?x=1`);
    expect(r.requestedUrl).toBe(`${s.origin}/a`);
    expect(r.redirects).toEqual([`${s.origin}/a`, `${s.origin}/b`]);
  });

  it('stops at the redirect limit', async () => {
    const s = await serve((req, res) => {
      const n = Number(req.url!.slice(1));
      res.writeHead(302, { location: `/${n + 1}` }).end();
    });
    const err = await failure(fetchPage(`${s.origin}/0`, { ...base, maxRedirects: 3 }));
    expect(err.kind).toBe('too-many-redirects');
    expect(s.log).toHaveLength(4);
  });

  it('detects a redirect loop', async () => {
    const s = await serve((req, res) => res.writeHead(302, { location: req.url === '/x' ? '/y' : '/x' }).end());
    const err = await failure(fetchPage(`${s.origin}/x`, base));
    expect(err.kind).toBe('redirect-loop');
    expect(s.log.map((l) => l.path)).toEqual(['/x', '/y']);
  });

  it('checks every redirect hop: no ftp, and the resolver is asked for each new host', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/ftp') res.writeHead(302, { location: 'ftp://files.test/x' }).end();
      else res.writeHead(302, { location: `http://gone.test:${s.port}/` }).end();
    });
    const asked: string[] = [];
    const resolve = async (host: string) => {
      asked.push(host);
      if (host === 'site.test') return ['127.0.0.1'];
      throw Object.assign(new Error('no such host'), { code: 'ENOTFOUND' });
    };
    expect((await failure(fetchPage(`http://site.test:${s.port}/ftp`, { ...base, resolve }))).kind).toBe('bad-url');
    expect((await failure(fetchPage(`http://site.test:${s.port}/dns`, { ...base, resolve }))).kind).toBe('dns');
    expect(asked).toEqual(['site.test', 'site.test', 'gone.test']);
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    const s = await serve((_req, res) => {
      if (s.log.length === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else html(res, 'ok');
    });
    const r = await fetchPage(`${s.origin}/`, base);
    expect(r.body.toString()).toBe('ok');
    expect(s.log).toHaveLength(2);
    // Measured by the server's own clock: the second request came after the asked second.
    expect(s.log[1]!.start - s.log[0]!.end).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After is beyond the cap', async () => {
    const s = await serve((_req, res) => res.writeHead(503, { 'retry-after': '7200' }).end());
    const err = await failure(fetchPage(`${s.origin}/`, base));
    expect(err.kind).toBe('http');
    expect(err.status).toBe(503);
    expect(s.log).toHaveLength(1);
  });

  it('retries a 500 with backoff, then fails with the status', async () => {
    const s = await serve((_req, res) => res.writeHead(500).end('boom'));
    const err = await failure(fetchPage(`${s.origin}/`, { ...base, retries: 2 }));
    expect(err.kind).toBe('http');
    expect(err.status).toBe(500);
    expect(s.log).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const s = await serve((_req, res) => html(res, 'missing', 404));
    const err = await failure(fetchPage(`${s.origin}/`, base));
    expect([err.kind, err.status, err.retryable]).toEqual(['http', 404, false]);
    expect(s.log).toHaveLength(1);
  });

  it('times out a server that never answers', async () => {
    const s = await serve(() => undefined);
    const err = await failure(fetchPage(`${s.origin}/`, { ...base, timeoutMs: 200, retries: 1 }));
    expect(err.kind).toBe('timeout');
    expect(s.log).toHaveLength(2);
  });

  it('caps the body and marks it truncated', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 64; i++) res.write('<p>' + 'あ'.repeat(5000) + '</p>');
      res.end();
    });
    const r = await fetchPage(`${s.origin}/`, { ...base, maxBytes: 100_000 });
    expect(r.truncated).toBe(true);
    expect(r.body.length).toBe(100_000);
    const whole = await fetchPage(`${s.origin}/`, { ...base, maxBytes: 10_000_000 });
    expect(whole.truncated).toBe(false);
    expect(whole.body.length).toBe(64 * (7 + 15000));
  });

  it('refuses non-HTML without reading the body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.write(Buffer.alloc(1024));
      // Never ends: only refusing on the headers lets the fetch return.
    });
    const err = await failure(fetchPage(`${s.origin}/a.pdf`, { ...base, timeoutMs: 5000 }));
    expect(err.kind).toBe('not-html');
    expect(err.retryable).toBe(false);
  });

  it('fetches non-HTML when htmlOnly is off (robots.txt, sitemaps)', async () => {
    const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *'));
    const r = await fetchPage(`${s.origin}/robots.txt`, { ...base, htmlOnly: false });
    expect(r.body.toString()).toBe('User-agent: *');
  });

  it('decodes gzip and brotli bodies', async () => {
    const page = '<html><body>エクソソーム点滴の料金</body></html>';
    const s = await serve((req, res) => {
      const br = req.url === '/br';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': br ? 'br' : 'gzip' });
      res.end(br ? brotliCompressSync(page) : gzipSync(page));
    });
    expect((await fetchPage(`${s.origin}/gz`, base)).body.toString()).toBe(page);
    expect((await fetchPage(`${s.origin}/br`, base)).body.toString()).toBe(page);
    expect(s.log[0]!.headers['accept-encoding']).toContain('gzip');
  });

  it('refuses 127.0.0.1 without allowPrivate, before connecting', async () => {
    const s = await serve((_req, res) => html(res, 'secret'));
    const err = await failure(fetchPage(`${s.origin}/`, { userAgent: 'exoscan-test' }));
    expect(err.kind).toBe('blocked-private');
    expect(s.log).toHaveLength(0);
  });

  it('reports a refused connection without retrying', async () => {
    const s = await serve(() => undefined);
    const dead = s.origin;
    await s.close();
    server = undefined;
    const err = await failure(fetchPage(`${dead}/`, base));
    expect(err.kind).toBe('refused');
    expect(err.siteLevel).toBe(true);
  });

  it('stops when aborted', async () => {
    const s = await serve(() => undefined);
    const ac = new AbortController();
    const p = fetchPage(`${s.origin}/`, { ...base, signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await failure(p)).kind).toBe('aborted');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
