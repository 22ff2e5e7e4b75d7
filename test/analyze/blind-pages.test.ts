// Whole-page sets written by annotators who never saw the rules
// (test/fixtures/blind-pages-*). They were scored once blind (see the commit
// messages), then the rules were tuned on their misses; the floors below are
// today's figures rounded down, so they guard against regressions.
// `npx tsx scripts/eval-pages.ts test/fixtures/<set> --show` lists the pages behind a failure.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluatePages } from '../../scripts/eval-pages.ts';
import { precision, recall, total } from '../../scripts/eval-score.ts';

// blind-pages-f (round 4: 15-treatment menus, salons, a B2B supplier, a patient
// blog, a lawyer's column, an English-only page) scored blind: claims P 0.78 /
// R 0.92, disclosures P 0.93 / R 0.93, site type 19/20; after the section
// scope, label/value pairs and frames: claims P 1.00 / R 1.00, disclosures
// 1.00 / 1.00, site type 20/20 (floors below as for the other sets).
// blind-pages-g (round 5: long production-style pages, a compliant clinic that
// cites the society statement and the consumer centre, a medical-tourism agency,
// a critical news article, a city Q&A) scored blind: claims P 0.99 / R 0.96,
// disclosures P 0.97 / R 0.83, site type 13/16. After the site-type weights
// (cited authorities light, an authority's own furniture, agency signals):
// claims P 0.94 / R 0.96 (the compliant clinic, now judged a clinic, shows
// negated 「…確認されたものはありません」「症例写真・体験談の掲載は行っていません」
// and a first-visit fee as claims), disclosures 0.98 / 0.98, site type 16/16.
// After frames for claims named as what does not exist (…確認されたものはありません)
// or is not published (…の掲載は行っていません), fee rows (診察料(初回のみ)) and
// offer-combination notes kept out of inducement: claims P 1.00 / R 0.99 (one
// before-after told across two sentences is still missed), disclosures 1.00 / 1.00.
// With linked rules (docs/linked-rules.md) that case is found: claims P 1.00 / R 1.00;
// blind-pages-clinic's campaign page, whose EXOSOME点滴 heading and 「※使用する
// 培養上清液は…」 footnote stand in one section, too (claims R 0.98 -> 1.00).
type Floors = { claimPrecision: number; claimRecall: number; disclosurePrecision: number; disclosureRecall: number; siteTypes: number };
const DEFAULT_FLOORS: Floors = { claimPrecision: 0.95, claimRecall: 0.95, disclosurePrecision: 0.95, disclosureRecall: 0.95, siteTypes: 0.95 };
const SETS: [string, Floors][] = [
  ['blind-pages-clinic', DEFAULT_FLOORS],
  ['blind-pages-mixed', DEFAULT_FLOORS],
  ['blind-pages-e', DEFAULT_FLOORS],
  ['blind-pages-f', DEFAULT_FLOORS],
  ['blind-pages-g', { claimPrecision: 1, claimRecall: 1, disclosurePrecision: 1, disclosureRecall: 1, siteTypes: 1 }],
  // blind-pages-h (round 7: production CMS markup, <br class=sp> inside claims, claims
  // split over spans and divs, alt text, JSON-LD/template/script text that must not
  // count, old table layouts, Wix/STUDIO/Shopify exports) scored blind: claims P 0.94 /
  // R 0.79, disclosures P 0.94 / R 0.91, site type 16/18. After seller signals (特定商取引法,
  // 販売者：, wholesale and orders), a bare place name no longer an authority's header,
  // testimonial wording (受けた方のお話, …のに…きれいになりました, 1週間で…消えました),
  // ご用達, subscription first prices, digestive side effects and insurance-covered
  // menus: claims P 0.96 / R 0.84, disclosures 0.94 / 0.97, site type 18/18. Still
  // missed: claims cut by <br> (safety, supernatant), claims across elements (a spec
  // table, a disease list under its heading), a drip card's text outside its name's
  // scope; a news article's price level stays cost, as blind r5 labels it (h14 says none).
  // Linked rules for a disease list under its target heading (対象となる主な病気, 主な使用例)
  // and a spec table's exosome product name with its supernatant material (原料：…培養上清):
  // claims P 0.97 / R 0.98.
  ['blind-pages-h', { claimPrecision: 0.96, claimRecall: 0.95, disclosurePrecision: 0.93, disclosureRecall: 0.96, siteTypes: 1 }],
];
for (const [set, floors] of SETS) {
  describe(`blind page set ${set}`, () => {
    it('keeps claim precision and recall, disclosures and site types at their floors', async () => {
      const ev = await evaluatePages(fileURLToPath(new URL(`../fixtures/${set}/`, import.meta.url)));
      expect(ev.pages.length).toBeGreaterThanOrEqual(14);
      const claims = total(ev.categories);
      const disclosures = total(ev.disclosures);
      expect({
        claimPrecision: precision(claims) >= floors.claimPrecision,
        claimRecall: recall(claims) >= floors.claimRecall,
        disclosurePrecision: precision(disclosures) >= floors.disclosurePrecision,
        disclosureRecall: recall(disclosures) >= floors.disclosureRecall,
        siteTypes: ev.siteTypeCorrect / ev.pages.length >= floors.siteTypes,
      }).toEqual({ claimPrecision: true, claimRecall: true, disclosurePrecision: true, disclosureRecall: true, siteTypes: true });
    });
  });
}
