import { getJson, pagedSearch, type SearchProvider } from './provider.ts';

interface SearxngAnswer {
  number_of_results?: number;
  results?: { url?: string; title?: string }[];
}

/** SearXNG's JSON API (self-hosted). Its `format=json` must be enabled in settings.yml (search.formats). */
export function searxngProvider(opts: { url: string; language?: string; timeoutMs?: number }): SearchProvider {
  const base = opts.url.endsWith('/') ? opts.url : `${opts.url}/`;
  return {
    name: 'searxng',
    search(query, { maxResults, signal }) {
      return pagedSearch('searxng', query, maxResults, async (page) => {
        const url = new URL('search', base);
        url.searchParams.set('q', query);
        url.searchParams.set('format', 'json');
        url.searchParams.set('pageno', String(page + 1));
        url.searchParams.set('language', opts.language ?? 'ja');
        const answer = (await getJson(
          'searxng',
          url,
          { signal: signal ?? AbortSignal.timeout(opts.timeoutMs ?? 20_000) },
          (status) =>
            status === 403
              ? 'the JSON format is disabled; add "json" to search.formats in SearXNG\'s settings.yml'
              : undefined,
        )) as SearxngAnswer;
        const urls = (answer.results ?? []).filter((r): r is { url: string; title?: string } => typeof r.url === 'string');
        // SearXNG reports 0 when its engines give no estimate; that is "unknown", not "no hits".
        const total = answer.number_of_results && answer.number_of_results > 0 ? answer.number_of_results : undefined;
        return { urls, totalHits: total, more: urls.length > 0 };
      });
    },
  };
}
