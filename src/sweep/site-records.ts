// A site's analysis turned into stored records: shared by sweep and reanalyze
// so both store exactly the same shape.
import type { SiteAnalysis } from '../model.ts';
import { fingerprint } from '../store/store.ts';
import type { FindingRecord, SiteVisitRecord } from '../store/records.ts';

/** `seenOf` gives the date a page was fetched: the date a claim was seen is its page's, even when reanalyzed later. */
export function findingRecords(sweep: string, analysis: SiteAnalysis, seenOf: (url: string) => string): FindingRecord[] {
  const site = analysis.site;
  const all = [...analysis.documents.flatMap((d) => d.findings), ...analysis.siteFindings];
  const records = all.map((f) => ({
    sweep,
    site,
    // missing-disclosure has no sentence of its own: the rule (one per item) identifies it on the site
    fingerprint: fingerprint(site, f.rule, f.category === 'missing-disclosure' ? '' : f.sentence),
    category: f.category,
    rule: f.rule,
    severity: f.severity,
    url: f.url ?? site,
    sentence: f.sentence,
    match: f.match,
    start: f.start,
    end: f.end,
    seen: seenOf(f.url ?? site),
    ...(f.disclosure ? { disclosure: f.disclosure } : {}),
  }));
  // a sentence repeated on every page (menu, footer) is one claim of the site: keep its first page
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(r.fingerprint) && seen.add(r.fingerprint));
}

export function visitRecord(
  sweep: string,
  analysis: SiteAnalysis,
  crawl: { pages: number; rendered: number; errors: SiteVisitRecord['errors']; needsRendering: string[] },
): SiteVisitRecord {
  return {
    sweep,
    site: analysis.site,
    type: analysis.siteType,
    pages: crawl.pages,
    rendered: crawl.rendered,
    errors: crawl.errors,
    offersEv: analysis.offersEv,
    disclosuresMissing: analysis.disclosuresMissing,
    needsRendering: crawl.needsRendering,
  };
}
