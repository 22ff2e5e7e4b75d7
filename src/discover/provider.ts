/** One search result, in the provider's order (rank 1 = first). */
export interface SearchResult {
  rank: number;
  url: string;
  title?: string;
}

/** What one provider call for one query gave; errors are data, so a failing query never stops a sweep. */
export interface SearchResponse {
  provider: string;
  query: string;
  date: string;
  /** The provider's estimate of all hits, where it gives one: staff track it over time. */
  totalHits?: number;
  results: SearchResult[];
  error?: string;
}

export interface SearchOptions {
  /** Results wanted for the query, paging as needed. */
  maxResults: number;
  signal?: AbortSignal;
}

/** A search provider: a new one is one small file implementing this. */
export interface SearchProvider {
  readonly name: string;
  search(query: string, opts: SearchOptions): Promise<SearchResponse>;
}

/** Runs a paged search, turning thrown errors into an `error` field and keeping what earlier pages gave. */
export async function pagedSearch(
  provider: string,
  query: string,
  maxResults: number,
  fetchPage: (page: number, got: number) => Promise<{ urls: { url: string; title?: string }[]; totalHits?: number; more: boolean }>,
): Promise<SearchResponse> {
  const response: SearchResponse = { provider, query, date: new Date().toISOString(), results: [] };
  const seen = new Set<string>();
  try {
    for (let page = 0; response.results.length < maxResults; page++) {
      const { urls, totalHits, more } = await fetchPage(page, response.results.length);
      if (totalHits !== undefined && response.totalHits === undefined) response.totalHits = totalHits;
      for (const r of urls) {
        if (seen.has(r.url) || response.results.length >= maxResults) continue;
        seen.add(r.url);
        response.results.push({ rank: response.results.length + 1, url: r.url, ...(r.title ? { title: r.title } : {}) });
      }
      if (!more || urls.length === 0) break;
    }
  } catch (err) {
    response.error = err instanceof Error ? err.message : String(err);
  }
  return response;
}

/** GET a JSON document, with an error message that names the provider and the HTTP status. */
export async function getJson(provider: string, url: URL, init: RequestInit, explain?: (status: number) => string | undefined): Promise<unknown> {
  const res = await fetch(url, init);
  if (!res.ok) {
    const hint = explain?.(res.status);
    throw new Error(`${provider} answered HTTP ${res.status}${hint ? `: ${hint}` : ''}`);
  }
  try {
    return await res.json();
  } catch {
    throw new Error(`${provider} answered with something that is not JSON`);
  }
}
