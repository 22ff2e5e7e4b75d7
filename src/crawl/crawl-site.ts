// Crawl of one site: robots first, then sitemaps, then the frontier, page by
// page through the politeness gate; decode, extract links, render when the
// static HTML is a JavaScript shell. A dead or hostile site ends as errors in
// the result, never as a throw; only the onPage hook's own errors propagate.
import { extractPage } from '../extract/blocks.ts';
import type { ExtractedPage } from '../extract/blocks.ts';
import { UndecodableError } from '../extract/decode.ts';
import { readPageHere } from '../extract/read-page.ts';
import type { PageReader } from '../extract/read-page.ts';
import { CrawlError, FailureStreak } from './errors.ts';
import type { CrawlErrorKind } from './errors.ts';
import { fetchPage } from './fetcher.ts';
import type { FetchOptions, FetchResult } from './fetcher.ts';
import { Frontier } from './frontier.ts';
import type { AddOutcome, FrontierEntry, FrontierOptions } from './frontier.ts';
import { Politeness } from './politeness.ts';
import type { Renderer } from './render.ts';
import { loadRobots } from './robots.ts';
import type { RobotsPolicy } from './robots.ts';
import type { Resolver } from './safety.ts';
import { inScope } from './scope.ts';
import type { LinkScope } from './scope.ts';
import { readSitemaps } from './sitemap.ts';
import { normalizeUrl } from './url-normalize.ts';

export type RenderPolicy = 'auto' | 'never' | 'always';

export interface SiteCrawlInput {
  /** Site key (registrable domain, or host:port for IPs and localhost). */
  key: string;
  /** Where to start; the first one anchors the link scope. */
  startUrls: string[];
}

export interface CrawlOptions {
  /** Sent as User-Agent, e.g. `exoscan/0.1.0 (+https://example.org/contact)`. */
  userAgent: string;
  /** Token matched against robots.txt groups. @default 'exoscan' */
  robotsToken?: string;
  /** Fetch attempts per site. @default 40 */
  maxPages?: number;
  /** Link hops from a start URL (sitemap pages count as depth 1). @default 3 */
  maxDepth?: number;
  /** @default 'same-site' */
  scope?: LinkScope;
  /** Per-host delay when no shared `politeness` is given. @default 1000 */
  delayMs?: number;
  /** Shared between the sites of a sweep for a global cap on requests in flight. */
  politeness?: Politeness;
  /** auto: render JavaScript shells when a renderer is given. @default 'auto' */
  render?: RenderPolicy;
  renderer?: Renderer;
  /** Read robots.txt sitemaps and /sitemap.xml. @default true */
  useSitemaps?: boolean;
  /** @default 500 */
  maxSitemapEntries?: number;
  /** Trap guards and priority terms. */
  frontier?: Omit<FrontierOptions, 'maxPages' | 'maxDepth'>;
  /** Decodes and extracts a fetched page (a worker pool in sweeps). @default this thread */
  readPage?: PageReader;
  /** Timeouts, retries, body cap. */
  fetch?: Pick<FetchOptions, 'connectTimeoutMs' | 'timeoutMs' | 'maxRedirects' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'maxBytes' | 'acceptLanguage'>;
  allowPrivate?: boolean;
  resolve?: Resolver;
  /** Consecutive site-level failures (dns, refused, timeout, blocked) before the site is given up. @default 3 */
  giveUpAfter?: number;
  /** Stops the crawl between requests; the result then says `stopped: 'aborted'`. */
  signal?: AbortSignal;
}

export interface CrawledPage {
  requestedUrl: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Raw bytes as fetched, or the rendered HTML as UTF-8. */
  body: Buffer;
  /** Decoded HTML (the rendered DOM when rendered). */
  html: string;
  charset: string;
  fetchedAt: string;
  /** The body was cut at the size cap; the kept part is analyzed. */
  truncated: boolean;
  rendered: boolean;
  /** The page looks like a JavaScript shell and was not rendered. */
  needsRendering: boolean;
  depth: number;
  extracted: ExtractedPage;
}

export interface CrawlHooks {
  onPage(page: CrawledPage): Promise<void>;
  onError?(err: CrawlError): void;
}

export interface SiteCrawlResult {
  pages: number;
  rendered: number;
  errors: { url: string; kind: CrawlErrorKind; message: string }[];
  /** URLs not fetched because robots.txt disallows them. */
  robotsDisallowed: string[];
  /** Pages that needed a browser but were not rendered. */
  needsRendering: string[];
  /** URLs the frontier turned away, by reason (traps, depth, budget). */
  skipped: Partial<Record<Exclude<AddOutcome, 'added' | 'seen'>, number>>;
  /** Why the crawl ended before the frontier ran dry, if it did. */
  stopped?: 'aborted' | 'unreachable';
}

const ROBOTS_MAX_BYTES = 512 * 1024;

/** A redirect leads to a page crawled already: not an error, just nothing new. */
class AlreadyCrawled extends Error {}

export async function crawlSite(site: SiteCrawlInput, opts: CrawlOptions, hooks: CrawlHooks): Promise<SiteCrawlResult> {
  const result: SiteCrawlResult = { pages: 0, rendered: 0, errors: [], robotsDisallowed: [], needsRendering: [], skipped: {} };
  const { signal } = opts;
  const scope = opts.scope ?? 'same-site';
  const maxDepth = opts.maxDepth ?? 3;
  const renderPolicy = opts.render ?? 'auto';
  const politeness = opts.politeness ?? new Politeness({ concurrency: 1, delayMs: opts.delayMs ?? 1000 });
  const frontier = new Frontier({ ...opts.frontier, maxPages: opts.maxPages ?? 40, maxDepth });
  const streak = new FailureStreak(opts.giveUpAfter ?? 3);
  const baseFetch: FetchOptions = {
    ...opts.fetch,
    userAgent: opts.userAgent,
    ...(opts.allowPrivate === undefined ? {} : { allowPrivate: opts.allowPrivate }),
    ...(opts.resolve ? { resolve: opts.resolve } : {}),
    ...(signal ? { signal } : {}),
  };
  const resourceFetch: FetchOptions = { ...baseFetch, htmlOnly: false, maxBytes: Math.min(ROBOTS_MAX_BYTES, opts.fetch?.maxBytes ?? ROBOTS_MAX_BYTES) };
  const disallowed = new Set<string>();
  const crawledFinal = new Set<string>();
  const robotsByOrigin = new Map<string, Promise<RobotsPolicy | undefined>>();

  const record = (err: CrawlError) => {
    result.errors.push(err.toRecord());
    hooks.onError?.(err);
  };

  const starts = site.startUrls.map((u) => normalizeUrl(u));
  let anchor = starts.find((u) => u !== undefined);
  for (const [i, u] of starts.entries()) {
    if (!u) record(new CrawlError('bad-url', site.startUrls[i]!, `not an http(s) URL: ${site.startUrls[i]}`));
  }
  if (!anchor) return result;

  /** Robots policy of an origin, loaded once; undefined when the origin is unreachable (recorded once). */
  const robotsFor = (url: string, direct = false): Promise<RobotsPolicy | undefined> => {
    const origin = new URL(url).origin;
    let policy = robotsByOrigin.get(origin);
    if (!policy) {
      // During a redirect the host's politeness slot is already held: fetch directly.
      const get = (u: string) => (direct ? fetchPage(u, resourceFetch) : politeness.run(u, () => fetchPage(u, resourceFetch), signal));
      policy = loadRobots(origin, get, opts.robotsToken ?? 'exoscan').then(
        (p) => {
          if (p.crawlDelayMs !== undefined) politeness.setCrawlDelay(origin, p.crawlDelayMs);
          if (p.error) record(p.error);
          return p;
        },
        (err: unknown) => {
          if (!(err instanceof CrawlError)) throw err;
          if (err.kind !== 'aborted') record(err);
          return undefined;
        },
      );
      robotsByOrigin.set(origin, policy);
    }
    return policy;
  };

  const disallow = (url: string) => {
    if (!disallowed.has(url)) {
      disallowed.add(url);
      result.robotsDisallowed.push(url);
    }
  };

  const enqueue = async (raw: string, depth: number, text = ''): Promise<void> => {
    const url = normalizeUrl(raw);
    if (!url || frontier.has(url) || (depth > 0 && !inScope(url, anchor!, scope))) return;
    const policy = await robotsFor(url);
    if (!policy) return;
    if (!policy.isAllowed(url)) return disallow(url);
    frontier.add(url, depth, text);
  };

  const anchorRobots = await robotsFor(anchor);
  if (!anchorRobots) {
    result.stopped = signal?.aborted ? 'aborted' : 'unreachable';
    return finish(result, frontier);
  }
  for (const u of starts) if (u) await enqueue(u, 0);
  if (opts.useSitemaps ?? true) {
    const fallback = new URL('/sitemap.xml', anchor).href;
    const roots = [...new Set([...anchorRobots.sitemaps, ...(anchorRobots.isAllowed(fallback) ? [fallback] : [])])];
    const sitemaps = await readSitemaps(roots, (u) => politeness.run(u, () => fetchPage(u, resourceFetch), signal), {
      maxEntries: opts.maxSitemapEntries ?? 500,
    });
    for (const err of sitemaps.errors) if (err.kind !== 'aborted') record(err);
    for (const u of sitemaps.urls) await enqueue(u, 1);
  }

  const fetchEntry = (entry: FrontierEntry): Promise<FetchResult> => {
    // The first start URL may move the whole site (a new domain); later pages may not leave it.
    const mayMoveSite = entry.depth === 0 && result.pages === 0;
    const beforeRedirect = async (next: string) => {
      if (crawledFinal.has(normalizeUrl(next) ?? next)) throw new AlreadyCrawled();
      if (!mayMoveSite && !inScope(next, anchor!, scope)) {
        throw new CrawlError('off-site', entry.url, `redirected off the site to ${next}`);
      }
      const policy = await robotsFor(next, true);
      if (!policy) throw new CrawlError('robots', entry.url, `robots.txt of ${new URL(next).origin} is unreachable`);
      if (!policy.isAllowed(next)) {
        disallow(next);
        throw new CrawlError('robots', entry.url, `redirect target ${next} is disallowed by robots.txt`);
      }
    };
    return politeness.run(entry.url, () => fetchPage(entry.url, { ...baseFetch, beforeRedirect }), signal);
  };

  const crawlOne = async (entry: FrontierEntry): Promise<void> => {
    let res: FetchResult;
    try {
      res = await fetchEntry(entry);
    } catch (err) {
      if (err instanceof AlreadyCrawled) return;
      throw err;
    }
    const finalUrl = normalizeUrl(res.url) ?? res.url;
    frontier.markSeen(finalUrl);
    if (crawledFinal.has(finalUrl)) return; // a redirect to a page already crawled
    crawledFinal.add(finalUrl);
    if (entry.depth === 0 && !inScope(finalUrl, anchor!, scope)) anchor = finalUrl;
    if (res.truncated) {
      record(new CrawlError('too-large', res.url, `body over ${res.body.length} bytes; only the first ${res.body.length} bytes are analyzed`));
    }

    let html: string;
    let charset: string;
    let extracted: ExtractedPage;
    try {
      ({ html, charset, extracted } = await (opts.readPage ?? readPageHere)(res.body, res.contentType, res.url));
    } catch (err) {
      const why = err instanceof UndecodableError ? err.message : `cannot parse: ${err instanceof Error ? err.message : String(err)}`;
      throw new CrawlError('undecodable', res.url, why, { cause: err });
    }

    let body = res.body;
    let url = res.url;
    let rendered = false;
    const staticShell = extracted.needsRendering;
    if (opts.renderer && (renderPolicy === 'always' || (renderPolicy === 'auto' && staticShell))) {
      try {
        const out = await politeness.run(res.url, () => opts.renderer!.render(res.url), signal);
        html = out.html;
        url = out.url;
        body = Buffer.from(html, 'utf8');
        charset = 'utf-8';
        extracted = extractPage(html, out.url);
        rendered = true;
        result.rendered += 1;
      } catch (err) {
        if (!(err instanceof CrawlError)) throw err;
        if (err.kind === 'aborted') throw err;
        record(err); // the static page is still analyzed below
      }
    }
    const needsRendering = staticShell && !rendered;
    if (needsRendering) result.needsRendering.push(res.url);

    await hooks.onPage({
      requestedUrl: res.requestedUrl,
      url,
      status: res.status,
      headers: res.headers,
      body,
      html,
      charset,
      fetchedAt: res.fetchedAt,
      truncated: res.truncated,
      rendered,
      needsRendering,
      depth: entry.depth,
      extracted,
    });
    result.pages += 1;
    if (entry.depth < maxDepth) {
      for (const link of extracted.links) await enqueue(link.url, entry.depth + 1, link.text);
    }
  };

  for (let entry = frontier.next(); entry; entry = frontier.next()) {
    if (signal?.aborted) {
      result.stopped = 'aborted';
      break;
    }
    try {
      await crawlOne(entry);
      streak.succeed();
    } catch (err) {
      if (!(err instanceof CrawlError)) throw err;
      if (err.kind === 'aborted') {
        result.stopped = 'aborted';
        break;
      }
      record(err);
      if (streak.fail(err)) {
        result.stopped = 'unreachable';
        break;
      }
    }
  }
  if (signal?.aborted) result.stopped = 'aborted';
  return finish(result, frontier);
}

function finish(result: SiteCrawlResult, frontier: Frontier): SiteCrawlResult {
  for (const [outcome, n] of Object.entries(frontier.outcomes) as [AddOutcome, number][]) {
    if (outcome !== 'added' && outcome !== 'seen') result.skipped[outcome] = n;
  }
  return result;
}
