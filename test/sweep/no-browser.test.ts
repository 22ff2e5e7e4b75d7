// Without any browser the sweep still runs on static HTML, and its terminal
// summary says plainly which page needed JavaScript and why it was not rendered.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/crawl/render.ts';
import { openStore } from '../../src/store/store.ts';
import type { Farm } from '../farm/farm.ts';
import { startFarm } from '../farm/farm.ts';
import { describeClaims, missedClaims, runCli, tempDir, writeSeeds } from './helpers.ts';

const NO_BROWSER = { EXOSCAN_CHROMIUM: '/nonexistent/chromium', EXOSCAN_CHROMIUM_SEARCH: '0' };

let farm: Farm;
let dir: string;

beforeAll(async () => {
  farm = await startFarm({ delays: false });
  dir = await tempDir('no-browser');
});

afterAll(async () => {
  await farm?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a sweep with no browser', () => {
  it('findChromium finds nothing when the env path is missing and the search is off', () => {
    expect(findChromium(NO_BROWSER)).toBeUndefined();
    expect(findChromium({ EXOSCAN_CHROMIUM: process.execPath, EXOSCAN_CHROMIUM_SEARCH: '0' })).toBe(process.execPath);
  });

  it('analyzes the static pages and lists the JavaScript-only page as needing rendering', async () => {
    const js = farm.sites.find((s) => s.kind === 'js-only')!;
    const clinic = farm.sites.find((s) => s.kind === 'normal' && s.type === 'clinic')!;
    const data = path.join(dir, 'data');
    const seeds = await writeSeeds(dir, [js.baseUrl, clinic.baseUrl]);
    const out = await runCli(['sweep', '--seeds', seeds, '--data', data, '--allow-private', '--delay-ms', '0', '--render', 'auto'], NO_BROWSER);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('render: no Chromium found');
    expect(out.stdout).toMatch(/JavaScript での描画が必要だったページ \(no browser found\): 1\n {4}(\S+)/);
    expect(/\(no browser found\): 1\n {4}(\S+)/.exec(out.stdout)?.[1]).toBe(js.baseUrl);

    const store = await openStore(data, { readOnly: true });
    try {
      const visits = store.data.visits;
      expect(visits.find((v) => v.site === js.key)).toMatchObject({ rendered: 0, needsRendering: [js.baseUrl] });
      expect(visits.find((v) => v.site === clinic.key)).toMatchObject({ rendered: 0, needsRendering: [] });
      expect(store.data.pages.every((p) => !p.rendered && p.screenshot === undefined)).toBe(true);
      // the static site loses nothing for want of a browser
      const planted = farm.planted.filter((p) => p.site === clinic.key);
      expect(describeClaims(missedClaims(planted, store.data.findings))).toEqual([]);
      // the JS-only claims are not in the static bytes, so none is (wrongly) found there
      const jsSentences = new Set(farm.planted.filter((p) => p.needsBrowser).map((p) => p.sentence));
      expect(store.data.findings.filter((f) => jsSentences.has(f.sentence))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
