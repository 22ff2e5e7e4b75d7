import { getJson, pagedSearch, type SearchProvider } from './provider.ts';

interface BraveAnswer {
  web?: { results?: { url?: string; title?: string }[] };
  query?: { more_results_available?: boolean };
}

const PAGE_SIZE = 20; // Brave's maximum `count`
const MAX_OFFSET = 9; // Brave's maximum `offset` (in pages)

/** Brave Search API, web search, Japanese results. The key comes from the environment, never from files. */
export function braveProvider(opts: { apiKey: string; baseUrl?: string; timeoutMs?: number }): SearchProvider {
  const base = opts.baseUrl ?? 'https://api.search.brave.com/res/v1/web/search';
  return {
    name: 'brave',
    search(query, { maxResults, signal }) {
      return pagedSearch('brave', query, maxResults, async (page) => {
        if (page > MAX_OFFSET) return { urls: [], more: false };
        const url = new URL(base);
        url.searchParams.set('q', query);
        url.searchParams.set('country', 'JP');
        url.searchParams.set('search_lang', 'ja');
        url.searchParams.set('count', String(PAGE_SIZE));
        url.searchParams.set('offset', String(page));
        const answer = (await getJson(
          'brave',
          url,
          {
            headers: { Accept: 'application/json', 'X-Subscription-Token': opts.apiKey },
            signal: signal ?? AbortSignal.timeout(opts.timeoutMs ?? 20_000),
          },
          (status) =>
            status === 401 || status === 403
              ? 'the API key was refused'
              : status === 429
                ? 'quota or rate limit reached'
                : undefined,
        )) as BraveAnswer;
        const urls = (answer.web?.results ?? []).filter((r): r is { url: string; title?: string } => typeof r.url === 'string');
        return { urls, more: answer.query?.more_results_available ?? urls.length === PAGE_SIZE };
      });
    },
  };
}
