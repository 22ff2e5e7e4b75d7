// A site's pages analyzed together. claims.md: claims count on pages about EV
// treatment *and on the other pages of a site that offers it*, and the site type
// is the site's, not each page's. So pages are read once on their own, then the
// ones whose verdict depends on the site are read again with the site's context.
import type { DocumentAnalysis, SiteAnalysis } from '../model.ts';
import type { Analyzer } from './analyzer.ts';
import { analyzeSite } from './site.ts';

export interface SitePage {
  html: string;
  source: string;
  url?: string;
}

export async function analyzeSitePages(analyzer: Analyzer, site: string, pages: readonly SitePage[]): Promise<SiteAnalysis> {
  const first: DocumentAnalysis[] = [];
  for (const p of pages) first.push(await analyzer.analyzeHtml(p.html, p.source, p.url ? { url: p.url } : {}));
  const draft = analyzeSite(site, first);
  const docs: DocumentAnalysis[] = [];
  for (const [i, p] of pages.entries()) {
    const doc = first[i]!;
    const needsContext = doc.siteType !== draft.siteType || (draft.offersEv && !doc.mentionsEv);
    docs.push(
      needsContext
        ? await analyzer.analyzeHtml(p.html, p.source, {
            ...(p.url ? { url: p.url } : {}),
            siteTypeHint: draft.siteType,
            assumeInScope: draft.offersEv,
          })
        : doc,
    );
  }
  return analyzeSite(site, docs);
}
