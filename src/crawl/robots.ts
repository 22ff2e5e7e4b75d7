// robots.txt, read once per origin (RFC 9309): missing (4xx) allows all;
// unreachable (5xx, timeout) disallows all for this sweep, and says so.
import robotsParserModule from 'robots-parser';
import { CrawlError } from './errors.ts';
import type { FetchResult } from './fetcher.ts';

// robots-parser is CommonJS while its types declare an ES default export: at
// run time the default import is already the function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export interface RobotsPolicy {
  /** fetched: rules apply; missing: allow all; unavailable: disallow all for this sweep. */
  status: 'fetched' | 'missing' | 'unavailable';
  isAllowed(url: string): boolean;
  /** Crawl-delay for our token (or `*`), in ms. */
  crawlDelayMs?: number;
  /** Absolute sitemap URLs listed in robots.txt. */
  sitemaps: string[];
  /** Why robots.txt could not be read, when status is 'unavailable'. */
  error?: CrawlError;
}

/** Robots rules must never end the crawl, except these: the origin itself is unusable. */
const FATAL: ReadonlySet<string> = new Set(['dns', 'refused', 'blocked-private', 'bad-url', 'aborted']);

/**
 * Loads the policy for one origin. `fetch` gets the robots.txt URL and must
 * accept any content type. Throws only for errors that make the origin
 * unusable (dns, refused, blocked-private, bad-url, aborted).
 */
export async function loadRobots(
  origin: string,
  fetch: (url: string) => Promise<FetchResult>,
  token = 'exoscan',
): Promise<RobotsPolicy> {
  const robotsUrl = new URL('/robots.txt', origin).href;
  let text: string;
  try {
    text = (await fetch(robotsUrl)).body.toString('utf8');
  } catch (err) {
    if (!(err instanceof CrawlError) || FATAL.has(err.kind)) throw err;
    if (err.kind === 'http' && err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 429) {
      return { status: 'missing', isAllowed: () => true, sitemaps: [] };
    }
    const error = new CrawlError('robots', robotsUrl, `robots.txt unavailable (${err.message}); nothing crawled on ${origin} this sweep`, { cause: err });
    return { status: 'unavailable', isAllowed: () => false, sitemaps: [], error };
  }
  const robots = robotsParser(robotsUrl, text);
  const delay = robots.getCrawlDelay(token);
  return {
    status: 'fetched',
    // undefined means the URL is not on this origin: not ours to judge.
    isAllowed: (url) => robots.isAllowed(url, token) ?? true,
    ...(delay === undefined ? {} : { crawlDelayMs: delay * 1000 }),
    sitemaps: robots.getSitemaps().flatMap((u) => (URL.canParse(u, robotsUrl) ? [new URL(u, robotsUrl).href] : [])),
  };
}
