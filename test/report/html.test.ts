import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, safeHttpUrl } from '../../src/report/html/escape.ts';
import { dataFileHref, sitePagePath } from '../../src/report/html/paths.ts';
import { writeReport } from '../../src/report/html/write.ts';
import { EVIL, hostileDatabase, IMG, JS_URL, SCRIPT } from './hostile-fixture.ts';

let out: string;
let index: string;
let sitePages: Map<string, string>;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'exoscan-html-'));
  await writeReport(hostileDatabase(), out, { dataDir: join(out, 'data'), generated: new Date('2026-05-01T00:00:00Z') });
  index = await readFile(join(out, 'index.html'), 'utf8');
  sitePages = new Map();
  for (const f of await readdir(join(out, 'sites'))) sitePages.set(f, await readFile(join(out, 'sites', f), 'utf8'));
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('HTML report escaping', () => {
  it('writes the index and one page per site with findings', () => {
    expect(index).toContain('<html lang="ja">');
    expect([...sitePages.keys()].sort()).toEqual(
      ['clinic-a.example', 'clinic-f.example', EVIL, 'media-d.example', 'seller-c.example'].map((k) => sitePagePath(k).slice('sites/'.length)).sort(),
    );
  });

  it('never lets planted script or markup through, on any page', () => {
    for (const html of [index, ...sitePages.values()]) {
      expect(html).not.toContain(SCRIPT);
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>x</b>');
      expect(html).not.toMatch(/href="\s*javascript:/i);
      expect(html).not.toMatch(/src="\s*javascript:/i);
      expect(html).not.toContain('/etc/passwd');
      expect(html).not.toContain('outside.html');
      // the only <script> element is the report's own table script, on the index
      expect(html.match(/<script/g)?.length ?? 0).toBe(html === index ? 1 : 0);
    }
    const evil = sitePages.get(sitePagePath(EVIL).slice('sites/'.length))!;
    expect(evil).toContain(escapeHtml(SCRIPT));
    expect(evil).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    // the javascript: URL shows as text, the https URL with a planted quote stays inside its attribute
    expect(evil).toContain(escapeHtml(JS_URL));
    expect(evil).toContain('href="https://evil.example/?q=%22%3E%3Cscript%3Ewindow.__pwned=4%3C/script%3E"');
    expect(evil).toContain(`<mark>${escapeHtml('必ず治ります')}</mark>`);
    expect(index).toContain(escapeHtml(SCRIPT.toLowerCase()));
    expect(index).toContain(escapeHtml(IMG));
  });

  it('carries a Content-Security-Policy that forbids external loads', () => {
    for (const html of [index, ...sitePages.values()]) {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replaceAll('&#39;', "'");
      expect(csp).toBeDefined();
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/https?:|\*|unsafe-inline/);
    }
  });
});

describe('report helpers', () => {
  it('links only http(s) URLs', () => {
    expect(safeHttpUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'not a url']) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });

  it('links evidence files relative to the page and never outside the data dir', () => {
    expect(dataFileHref('/r/sites', '/d', 'S1/a b.png')).toBe('../../d/S1/a%20b.png');
    expect(dataFileHref('/r/sites', '/d', '../x.png')).toBeUndefined();
    expect(dataFileHref('/r/sites', '/d', '/etc/passwd')).toBeUndefined();
  });

  it('gives distinct safe file names to keys that clean up alike', () => {
    expect(sitePagePath('127.0.0.1:8080')).toMatch(/^sites\/127\.0\.0\.1_8080-[0-9a-f]{8}\.html$/);
    expect(sitePagePath('a:b')).not.toBe(sitePagePath('a/b'));
    expect(sitePagePath('../../etc')).toMatch(/^sites\/[a-z0-9._-]+\.html$/);
  });
});
