// The analysis of one site from its pages: the site type over all pages, and
// the disclosures required when the site offers EV / supernatant treatment.
import { DISCLOSURE_ITEMS, FLAGGABLE_SITE_TYPES } from '../model.ts';
import type { DisclosureItem, DocumentAnalysis, Finding, SiteAnalysis, SiteType } from '../model.ts';
import { addScores, pickSiteType } from '../rules/site-type.ts';
import type { SiteTypeScores } from '../rules/site-type.ts';

function majorityType(docs: readonly DocumentAnalysis[]): SiteType {
  const count = new Map<SiteType, number>();
  for (const d of docs) count.set(d.siteType, (count.get(d.siteType) ?? 0) + 1);
  let best: SiteType = 'clinic';
  let n = 0;
  for (const [t, c] of count) {
    if (c > n) {
      best = t;
      n = c;
    }
  }
  return best;
}

function siteTypeOf(docs: readonly DocumentAnalysis[]): SiteType {
  // a caller's hint on the pages wins over signals
  const hinted = docs.filter((d) => d.siteTypeSignals.some((s) => s.startsWith('hint: ')));
  if (hinted.length > 0) return majorityType(hinted);
  const total = docs.reduce<SiteTypeScores>((acc, d) => addScores(acc, d.siteTypeScores ?? {}), {});
  return pickSiteType(total) ?? majorityType(docs);
}

export function analyzeSite(site: string, docs: DocumentAnalysis[]): SiteAnalysis {
  const siteType = siteTypeOf(docs);
  // authority pages quote bad claims to warn against them: never flagged
  const documents = siteType === 'authority' ? docs.map((d) => ({ ...d, findings: [] })) : docs;
  const offering = FLAGGABLE_SITE_TYPES.includes(siteType) ? docs.find((d) => d.offersEv) : undefined;
  const present = new Set<DisclosureItem>(docs.flatMap((d) => d.disclosures));
  const disclosuresPresent = DISCLOSURE_ITEMS.filter((i) => present.has(i));
  const disclosuresMissing = offering ? DISCLOSURE_ITEMS.filter((i) => !present.has(i)) : [];
  const siteFindings: Finding[] = disclosuresMissing.map((item) => ({
    category: 'missing-disclosure',
    rule: `missing-disclosure/${item}`,
    severity: 'high',
    // no sentence holds an absence: the evidence is the sentence that offers the treatment
    sentence: offering?.offerSentence ?? '',
    match: '',
    start: 0,
    end: 0,
    url: offering?.findings[0]?.url ?? offering?.source ?? site,
    disclosure: item,
  }));
  return { site, siteType, documents, offersEv: offering !== undefined, disclosuresPresent, disclosuresMissing, siteFindings };
}
