import type { SearchProvider, SearchResponse } from './provider.ts';
import type { SiteFilter } from './site-filter.ts';
import { siteKeyOf } from './site-key.ts';

export interface DiscoveredSite {
  key: string;
  /** Start URLs: seeds first, then search results in rank order. */
  startUrls: string[];
  fromSeeds: boolean;
  fromSearch: boolean;
}

export interface Discovery {
  sites: DiscoveredSite[];
  /** One response per provider and query, errors included, for the search-hit history. */
  searches: SearchResponse[];
  /** Site keys that search found but the skip list excluded. */
  skipped: string[];
}

export interface DiscoverInput {
  seeds: string[];
  queries: string[];
  providers: { provider: SearchProvider; maxResults: number }[];
  filter: SiteFilter;
  onSearch?: (response: SearchResponse) => void;
  signal?: AbortSignal;
}

/** Seeds and search results grouped into sites. Seeds are the user's explicit choice and skip no filter. */
export async function discover(input: DiscoverInput): Promise<Discovery> {
  const sites = new Map<string, DiscoveredSite>();
  const skipped = new Set<string>();
  const add = (url: string, fromSeed: boolean): void => {
    let key: string;
    try {
      key = siteKeyOf(url);
    } catch {
      return;
    }
    if (!fromSeed && !input.filter.allows(key)) {
      skipped.add(key);
      return;
    }
    let site = sites.get(key);
    if (!site) {
      site = { key, startUrls: [], fromSeeds: false, fromSearch: false };
      sites.set(key, site);
    }
    if (fromSeed) site.fromSeeds = true;
    else site.fromSearch = true;
    if (!site.startUrls.includes(url)) site.startUrls.push(url);
  };

  for (const url of input.seeds) add(url, true);

  const searches: SearchResponse[] = [];
  for (const query of input.queries) {
    for (const { provider, maxResults } of input.providers) {
      if (input.signal?.aborted) break;
      const response = await provider.search(query, { maxResults, signal: input.signal });
      searches.push(response);
      input.onSearch?.(response);
      for (const r of response.results) {
        if (/^https?:\/\//i.test(r.url)) add(r.url, false);
      }
    }
  }
  return { sites: [...sites.values()], searches, skipped: [...skipped] };
}
