// Typed crawl errors: the kind decides what happens next (retry the request,
// skip the URL, or give up on the whole site), as in Crawlee and Scrapy.

export const CRAWL_ERROR_KINDS = [
  'dns',
  'refused',
  'timeout',
  'network',
  'http',
  'too-many-redirects',
  'redirect-loop',
  'not-html',
  'too-large',
  'blocked-private',
  'bad-url',
  'off-site',
  'robots',
  'undecodable',
  'render',
  'aborted',
] as const;
export type CrawlErrorKind = (typeof CRAWL_ERROR_KINDS)[number];

/** Kinds that say the site itself is unreachable, not just one URL. */
const SITE_LEVEL_KINDS: ReadonlySet<CrawlErrorKind> = new Set(['dns', 'refused', 'blocked-private', 'timeout']);

export class CrawlError extends Error {
  readonly kind: CrawlErrorKind;
  readonly retryable: boolean;
  readonly url: string;
  /** HTTP status, for kind 'http'. */
  readonly status?: number;
  /** Server-requested wait before retrying (Retry-After), in ms. */
  readonly retryAfterMs?: number;

  constructor(
    kind: CrawlErrorKind,
    url: string,
    message: string,
    extra: { retryable?: boolean; status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'CrawlError';
    this.kind = kind;
    this.url = url;
    this.retryable = extra.retryable ?? false;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }

  /** True when the error says the site as a whole is unreachable. */
  get siteLevel(): boolean {
    return SITE_LEVEL_KINDS.has(this.kind);
  }

  toRecord(): { url: string; kind: CrawlErrorKind; message: string } {
    return { url: this.url, kind: this.kind, message: this.message };
  }
}

/** Maps a Node socket / DNS error to a CrawlError. */
export function fromNodeError(err: unknown, url: string): CrawlError {
  if (err instanceof CrawlError) return err;
  const code = (err as { code?: string } | null)?.code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'ENOTFOUND':
      return new CrawlError('dns', url, `host not found: ${message}`, { cause: err });
    case 'EAI_AGAIN':
      return new CrawlError('dns', url, `DNS lookup failed for now: ${message}`, { retryable: true, cause: err });
    case 'ECONNREFUSED':
      // A closed port stays closed within a sweep: retrying only costs time.
      return new CrawlError('refused', url, `connection refused: ${message}`, { cause: err });
    case 'ETIMEDOUT':
      return new CrawlError('timeout', url, message, { retryable: true, cause: err });
    case 'ERR_INVALID_URL':
      return new CrawlError('bad-url', url, message, { cause: err });
    default:
      return new CrawlError('network', url, code ? `${code}: ${message}` : message, { retryable: true, cause: err });
  }
}

/**
 * Counts consecutive site-level failures; a site that fails this way `limit`
 * times in a row is given up for the sweep instead of burning its page budget.
 */
export class FailureStreak {
  private count = 0;
  constructor(private readonly limit = 3) {}

  /** Records an error; returns true when the site should be given up. */
  fail(err: CrawlError): boolean {
    if (!err.siteLevel) return false;
    this.count += 1;
    return this.count >= this.limit;
  }

  succeed(): void {
    this.count = 0;
  }
}
