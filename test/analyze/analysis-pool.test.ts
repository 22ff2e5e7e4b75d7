// The worker pool must give exactly what the main thread gives: same page
// reading (Shift_JIS included), same site analysis, same errors.
import { readFileSync, readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisPool } from '../../src/analyze/analysis-pool.ts';
import type { AnalysisPool } from '../../src/analyze/analysis-pool.ts';
import { createAnalyzer } from '../../src/analyze/analyzer.ts';
import type { Analyzer } from '../../src/analyze/analyzer.ts';
import type { SitePage } from '../../src/analyze/site-pages.ts';
import { UndecodableError } from '../../src/extract/decode.ts';
import { readPage } from '../../src/extract/read-page.ts';

const PAGES = new URL('../fixtures/pages/', import.meta.url);
// the a-* pages are one invented clinic site
const files = readdirSync(PAGES)
  .filter((f) => f.startsWith('a-') && f.endsWith('.html'))
  .sort();

let analyzer: Analyzer;
let pool: AnalysisPool;
let lost: string[];
beforeAll(async () => {
  analyzer = await createAnalyzer();
  lost = [];
  pool = createAnalysisPool({ workers: 1, analyzer, onWorkerLost: (why) => lost.push(why) });
});
afterAll(async () => {
  await pool.close();
});

describe('analysis pool with a worker thread', () => {
  it('reads a Shift_JIS page exactly as the main thread does', async () => {
    const html = '<html><head><title>さくら通りクリニック</title></head><body><h1>ｴｸｿｿｰﾑ点滴</h1><p>副作用はありません。料金は①33,000円です。</p><a href="/price">料金表</a></body></html>';
    const body = iconv.encode(html, 'cp932');
    const got = await pool.readPage(body, 'text/html; charset=Shift_JIS', 'http://127.0.0.1:9/');
    expect(got).toEqual(readPage(body, 'text/html; charset=Shift_JIS', 'http://127.0.0.1:9/'));
    expect(got.charset).toBe('shift_jis');
    expect(got.extracted.links.map((l) => l.url)).toEqual(['http://127.0.0.1:9/price']);
    expect(pool.workers).toBe(1);
  });

  it('analyzes a site exactly as the main thread does', async () => {
    expect(files.length).toBeGreaterThan(2);
    const pages: SitePage[] = files.map((f) => {
      const url = `http://127.0.0.1:9/${f}`;
      return { page: readPage(readFileSync(new URL(f, PAGES)), 'text/html; charset=utf-8', url).extracted, source: url, url };
    });
    const local = createAnalysisPool({ workers: 0, analyzer });
    const [there, here] = await Promise.all([pool.analyzeSitePages('127.0.0.1:9', pages), local.analyzeSitePages('127.0.0.1:9', pages)]);
    expect(there).toEqual(here);
    expect(there.documents.some((d) => d.findings.length > 0)).toBe(true);
    expect(pool.workers).toBe(1);
  });

  it('passes a binary body back as UndecodableError, and the worker stays', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    await expect(pool.readPage(png, 'text/html', 'http://127.0.0.1:9/x')).rejects.toBeInstanceOf(UndecodableError);
    expect(pool.workers).toBe(1);
    expect(lost).toEqual([]);
  });

  it('answers many requests at once, each with its own page', async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => Buffer.from(`<html><head><title>ページ${i}</title></head><body><p>本文${i}</p></body></html>`));
    const got = await Promise.all(bodies.map((b, i) => pool.readPage(b, 'text/html', `http://127.0.0.1:9/${i}`)));
    expect(got.map((g) => g.extracted.title)).toEqual(bodies.map((_, i) => `ページ${i}`));
  });
});

describe('analysis pool without workers left', () => {
  it('runs the work in this thread', async () => {
    const p = createAnalysisPool({ workers: 1, analyzer });
    const html = Buffer.from('<html><head><title>テスト</title></head><body><p>エクソソーム点滴</p></body></html>');
    await p.readPage(html, 'text/html', 'http://127.0.0.1:9/');
    expect(p.workers).toBe(1);
    await p.close();
    const after = await p.readPage(html, 'text/html', 'http://127.0.0.1:9/');
    expect(after.extracted.title).toBe('テスト');
    expect(p.workers).toBe(0);
  });
});
