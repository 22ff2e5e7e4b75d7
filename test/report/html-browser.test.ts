// Opens the report in Debian's Chromium from disk: nothing planted runs, nothing is
// fetched from a network, the filters and sorting work, the charts render.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePagePath } from '../../src/report/html/paths.ts';
import { writeReport } from '../../src/report/html/write.ts';
import { S2 } from '../history/fixture.ts';
import { EVIL, hostileDatabase } from './hostile-fixture.ts';

const executablePath = [process.env.EXOSCAN_CHROMIUM, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
if (!executablePath) console.warn('html-browser.test: skipped, no Chromium found (set EXOSCAN_CHROMIUM or install Debian chromium at /usr/bin/chromium)');

// A 1x1 PNG, standing in for a stored screenshot.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!executablePath)('HTML report in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exoscan-report-'));
    const dataDir = join(dir, 'crawls');
    await mkdir(join(dataDir, S2, 'clinic-a.example'), { recursive: true });
    await writeFile(join(dataDir, S2, 'clinic-a.example', '0001.png'), PNG);
    await writeReport(hostileDatabase(), join(dir, 'report'), { dataDir });
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const visibleRows = () => page.locator('#site-table tbody tr:visible').count();

  it('opens the dashboard with nothing planted running', async () => {
    await page.goto(pathToFileURL(join(dir, 'report', 'index.html')).href);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await expect.poll(() => page.locator('#shown-count').textContent()).toBe('4');
  });

  it('filters the site table by type, category, severity, status and text', async () => {
    expect(await visibleRows()).toBe(4); // clinic and seller sites by default
    await page.selectOption('#f-type', 'media');
    expect(await visibleRows()).toBe(1);
    await page.selectOption('#f-type', '');
    expect(await visibleRows()).toBe(5);
    await page.selectOption('#f-category', 'celebrity');
    expect(await visibleRows()).toBe(1);
    await page.selectOption('#f-category', '');
    await page.selectOption('#f-severity', '3');
    expect(await visibleRows()).toBe(3); // A, evil, media D
    await page.selectOption('#f-severity', '');
    await page.selectOption('#f-status', 'notified');
    expect(await visibleRows()).toBe(2); // C and evil
    await page.selectOption('#f-status', '');
    await page.fill('#f-text', 'Fスキン');
    expect(await visibleRows()).toBe(1);
    expect(await page.locator('#shown-count').textContent()).toBe('1');
    await page.fill('#f-text', '');
    expect(await visibleRows()).toBe(5);
  });

  it('sorts the table by finding count', async () => {
    const firstSite = () => page.locator('#site-table tbody tr').first().locator('small').textContent();
    await page.click('#site-table thead button[data-col="3"]'); // 件数, numeric: descending first
    expect(await firstSite()).toBe('clinic-a.example');
    await page.click('#site-table thead button[data-col="3"]');
    expect(['clinic-f.example', 'media-d.example']).toContain(await firstSite());
  });

  it('draws the charts', async () => {
    const chart = page.locator('svg.chart').first();
    await expect.poll(() => chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(0);
    expect(box!.height).toBeGreaterThan(0);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.chart path').count()).toBeGreaterThan(0);
    const bar = await page.locator('svg.chart rect').first().boundingBox();
    expect(bar!.width).toBeGreaterThan(0);
    await page.screenshot({ path: join(tmpdir(), 'exoscan-report-index.png'), fullPage: true });
  });

  it('opens a site page with highlighted sentences and its screenshot', async () => {
    await page.click(`#site-table a[href="${sitePagePath('clinic-a.example')}"]`);
    await page.waitForURL(/clinic-a\.example-/);
    expect(await page.locator('h2').first().textContent()).toBe('Aクリニック');
    expect(await page.locator('mark').count()).toBeGreaterThan(2);
    expect(await page.locator('text=培養上清液をエクソソーム製剤として提示').count()).toBeGreaterThan(0);
    expect(await page.locator('text=確認済み').count()).toBeGreaterThan(0);
    // the stored screenshot loads from the data dir despite the CSP
    const img = page.locator('figure.evidence img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1);
    await page.screenshot({ path: join(tmpdir(), 'exoscan-report-site.png'), fullPage: true });
  });

  it('shows the hostile site as text, running nothing', async () => {
    await page.goto(pathToFileURL(join(dir, 'report', sitePagePath(EVIL))).href);
    expect(await page.locator('h2').first().textContent()).toBe('<script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
