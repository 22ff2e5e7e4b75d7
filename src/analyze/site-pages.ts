// A site's pages analyzed together. claims.md: claims count on pages about EV
// treatment *and on the other pages of a site that offers it*, and the site type
// is the site's, not each page's. So pages are read once on their own, then the
// ones whose verdict depends on the site are read again with the site's context.
import type { ExtractedPage } from '../extract/blocks.ts';
import type { DocumentAnalysis, SiteAnalysis } from '../model.ts';
import type { AnalyzeOptions, Analyzer } from './analyzer.ts';
import { analyzeSite } from './site.ts';

/** What a site's analysis needs of an analyzer (the worker pool gives this too). */
export type PageAnalyzer = Pick<Analyzer, 'analyzeBlocks'>;

export interface SitePage {
  /** The page as extracted once (the crawler has it already: no second HTML parse). */
  page: Pick<ExtractedPage, 'blocks' | 'title' | 'needsRendering'>;
  source: string;
  url?: string;
}

async function analyzePage(analyzer: PageAnalyzer, p: SitePage, opts: AnalyzeOptions): Promise<DocumentAnalysis> {
  const doc = await analyzer.analyzeBlocks(p.page.blocks, p.source, {
    ...opts,
    ...(p.url ? { url: p.url } : {}),
    ...(p.page.title !== undefined ? { title: p.page.title } : {}),
  });
  doc.needsRendering = p.page.needsRendering;
  return doc;
}

export async function analyzeSitePages(analyzer: PageAnalyzer, site: string, pages: readonly SitePage[]): Promise<SiteAnalysis> {
  const first: DocumentAnalysis[] = [];
  for (const p of pages) first.push(await analyzePage(analyzer, p, {}));
  const draft = analyzeSite(site, first);
  const docs: DocumentAnalysis[] = [];
  for (const [i, p] of pages.entries()) {
    const doc = first[i]!;
    const needsContext = doc.siteType !== draft.siteType || (draft.offersEv && !doc.mentionsEv);
    docs.push(needsContext ? await analyzePage(analyzer, p, { siteTypeHint: draft.siteType, assumeInScope: draft.offersEv }) : doc);
  }
  return analyzeSite(site, docs);
}
