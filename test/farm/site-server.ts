// One HTTP server per farm site, each on its own 127.0.0.1 port, because
// exoscan tells sites apart by host:port on IP addresses.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import iconv from 'iconv-lite';
import { esc, renderPieces } from './html.ts';
import type { Gen, PageSpec, SiteSpec, SiteState, SpecialResponse } from './spec.ts';
import { inGen } from './spec.ts';

export const HOST = '127.0.0.1';

export interface Listening {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1 only; close() also ends keep-alive sockets and pending delays. */
export async function listen(handler: http.RequestListener, accept: () => boolean = () => true): Promise<Listening> {
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer(handler);
  // A site that does not exist in this generation refuses like a dead host would.
  server.on('connection', (socket: Socket) => {
    if (!accept()) socket.destroy();
  });
  (server as TimedServer).timers = timers;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface TimedServer extends http.Server {
  timers?: Set<NodeJS.Timeout>;
}

/** Waits ms before running fn, cancelled if the server closes first. */
export function later(server: http.Server, ms: number, fn: () => void): void {
  const timers = (server as TimedServer).timers;
  const t = setTimeout(() => {
    timers?.delete(t);
    fn();
  }, ms);
  timers?.add(t);
}

export function send(res: http.ServerResponse, r: SpecialResponse): void {
  if (res.destroyed) return;
  const headers = { ...r.headers };
  if (r.body !== undefined && !('content-length' in headers)) headers['content-length'] = Buffer.byteLength(r.body);
  res.writeHead(r.status, headers);
  res.end(r.body);
}

export interface SiteContext {
  state: SiteState;
  delays: boolean;
  /** Added to every response, to stand in for a real network (bench). */
  latencyMs?: number;
  baseUrl: () => string;
  log: (path: string) => void;
}

export function renderPage(spec: SiteSpec, page: PageSpec, gen: Gen): string {
  return spec.layout(page, renderPieces(page.body, gen), gen);
}

export function encodeHtml(spec: SiteSpec, html: string): Buffer {
  return spec.encoding === 'utf-8' ? Buffer.from(html, 'utf8') : iconv.encode(html, spec.encoding);
}

function htmlType(spec: SiteSpec): string {
  return spec.headerCharset ? `text/html; charset=${spec.headerCharset}` : 'text/html';
}

function sitemapXml(spec: SiteSpec, base: string, gen: Gen): string {
  const urls = spec.pages
    .filter((p) => p.inSitemap && inGen(p.gens, gen))
    .map((p) => `  <url><loc>${esc(new URL(p.path, base).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

function route(spec: SiteSpec, ctx: SiteContext, url: URL): SpecialResponse {
  const { gen } = ctx.state;
  const path = url.pathname;
  if (path === '/robots.txt') {
    return spec.robots === undefined
      ? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' }
      : { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: spec.robots.replaceAll('{base}', ctx.baseUrl()) };
  }
  if (path === '/sitemap.xml' && spec.pages.some((p) => p.inSitemap)) {
    return { status: 200, headers: { 'content-type': 'application/xml' }, body: sitemapXml(spec, ctx.baseUrl(), gen) };
  }
  const special = spec.special?.(path, url.searchParams, ctx.state);
  if (special) return special;
  const page = spec.pages.find((p) => p.path === path && inGen(p.gens, gen));
  if (page) return { status: 200, headers: { 'content-type': htmlType(spec) }, body: encodeHtml(spec, renderPage(spec, page, gen)) };
  if (path === '/css/style.css') {
    return { status: 200, headers: { 'content-type': 'text/css' }, body: 'body{font-family:sans-serif;line-height:1.8}\n' };
  }
  return {
    status: 404,
    headers: { 'content-type': htmlType(spec) },
    body: encodeHtml(spec, '<!DOCTYPE html><html lang="ja"><head><title>404</title></head><body><p>ページが見つかりません。</p></body></html>'),
  };
}

export async function startSite(spec: SiteSpec, ctx: Omit<SiteContext, 'baseUrl'>): Promise<Listening & { baseUrl: string }> {
  let baseUrl = '';
  const full: SiteContext = { ...ctx, baseUrl: () => baseUrl };
  const listening: Listening = await listen(
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://farm.invalid');
      ctx.log(url.pathname + url.search);
      const answer = () => send(res, route(spec, full, url));
      const wait = (ctx.delays && spec.delayMs ? spec.delayMs : 0) + (ctx.latencyMs ?? 0);
      if (wait > 0) later(listening.server, wait, answer);
      else answer();
    },
    () => inGen(spec.gens, ctx.state.gen),
  );
  baseUrl = `http://${HOST}:${listening.port}/`;
  return { ...listening, baseUrl };
}
