import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, Renderer } from '../../src/crawl/render.ts';
import { html, startServer } from './local-server.ts';
import type { LocalServer } from './local-server.ts';

describe('findChromium', () => {
  it('prefers EXOSCAN_CHROMIUM when that file exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exoscan-chromium-'));
    try {
      expect(findChromium({ EXOSCAN_CHROMIUM: process.execPath })).toBe(process.execPath);
      const fallback = findChromium({ EXOSCAN_CHROMIUM: join(dir, 'missing') });
      expect(fallback).not.toBe(join(dir, 'missing'));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('finds the system Chromium', () => {
    if (!existsSync('/usr/bin/chromium')) return;
    expect(findChromium({})).toBe('/usr/bin/chromium');
  });
});

const browser = findChromium();
if (!browser) console.warn('render tests skipped: no Chromium found (install chromium or set EXOSCAN_CHROMIUM)');

describe.skipIf(!browser)('Renderer', () => {
  let server: LocalServer;
  let thirdParty: LocalServer;
  let renderer: Renderer;
  beforeAll(async () => {
    thirdParty = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(''));
    server = await startServer((req, res) => {
      if (req.url === '/app.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(`document.getElementById('app').innerHTML = '<h1>エクソソーム点滴</h1><p>料金は自由診療です。</p>';`);
      }
      if (req.url === '/missing') return html(res, 'gone', 404);
      html(res, `<html><head><title>shell</title><script src="${thirdParty.origin}/tracker.js"></script></head><body><div id="app"></div><script src="/app.js"></script></body></html>`);
    });
    renderer = new Renderer({ allowPrivate: true, pagesPerContext: 2 });
  });
  afterAll(async () => {
    await renderer.close();
    await server.close();
    await thirdParty.close();
  });

  it('renders a JavaScript-only page to its text', async () => {
    const r = await renderer.render(`${server.origin}/`);
    expect(r.url).toBe(`${server.origin}/`);
    expect(r.html).toContain('<h1>エクソソーム点滴</h1>');
    expect(r.html).toContain('料金は自由診療です。');
  });

  it('keeps the browser to the page’s own site', async () => {
    await renderer.render(`${server.origin}/`);
    expect(thirdParty.log).toHaveLength(0);
  });

  it('survives context recycling with pages in parallel', async () => {
    const pages = await Promise.all([1, 2, 3, 4, 5].map((i) => renderer.render(`${server.origin}/p${i}`)));
    expect(pages.every((p) => p.html.includes('エクソソーム点滴'))).toBe(true);
  });

  it('reports an HTTP error as a CrawlError', async () => {
    await expect(renderer.render(`${server.origin}/missing`)).rejects.toMatchObject({ kind: 'http', status: 404 });
  });

  it('takes a full-page screenshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exoscan-shot-'));
    try {
      const file = join(dir, 'page.png');
      await renderer.screenshot(`${server.origin}/`, file);
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses private addresses unless allowed', async () => {
    const strict = new Renderer();
    const before = server.log.length;
    try {
      await expect(strict.render(`${server.origin}/strict`)).rejects.toMatchObject({ kind: 'blocked-private' });
      expect(server.log).toHaveLength(before);
    } finally {
      await strict.close();
    }
  });
});
