// Page-level evaluation on the invented whole pages of test/fixtures/pages/
// (menus, news lists, FAQ, footers, media and authority pages that quote claims):
// the floors are what the analyzer reaches today, so a regression fails here.
// `npm run eval:pages -- --show` lists the pages behind a failure.
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePages } from '../../scripts/eval-pages.ts';
import { precision, recall, total } from '../../scripts/eval-score.ts';
import type { PageEval } from '../../scripts/eval-pages.ts';

let ev: PageEval;
beforeAll(async () => {
  ev = await evaluatePages();
});

describe('page-level evaluation (test/fixtures/pages)', () => {
  it('has a labelled page for every fixture and at least 40 pages', () => {
    expect(ev.pages.length).toBeGreaterThanOrEqual(40);
  });

  it('keeps per-category page precision and recall at or above 0.9', () => {
    const low = [...ev.categories]
      .filter(([, c]) => precision(c) < 0.9 || recall(c) < 0.9)
      .map(([k, c]) => `${k}: precision ${precision(c).toFixed(2)}, recall ${recall(c).toFixed(2)}`);
    expect(low).toEqual([]);
  });

  it('keeps micro precision and recall over all categories at or above 0.95', () => {
    const t = total(ev.categories);
    expect(precision(t)).toBeGreaterThanOrEqual(0.95);
    expect(recall(t)).toBeGreaterThanOrEqual(0.95);
  });

  it('never flags a page labelled without claims on a media or authority site', () => {
    const flagged = ev.pages
      .filter((p) => p.label.categories.length === 0 && (p.label.siteType === 'authority' || p.label.siteType === 'media'))
      .filter((p) => p.doc.findings.length > 0)
      .map((p) => `${p.file}: ${p.doc.findings.map((f) => f.rule).join(', ')}`);
    expect(flagged).toEqual([]);
  });

  it('judges the site type of at least 95% of pages right from the page text alone', () => {
    expect(ev.siteTypeCorrect / ev.pages.length).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the disclosures pages give (recall 1.0 today) with micro precision at or above 0.9', () => {
    const t = total(ev.disclosures);
    expect(recall(t)).toBeGreaterThanOrEqual(0.95);
    expect(precision(t)).toBeGreaterThanOrEqual(0.9);
  });
});
