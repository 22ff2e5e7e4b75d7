// One page over HTTP: manual redirects (each hop safety-checked), retries with
// backoff honouring Retry-After, timeouts, a body cap, and decompression.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { CrawlError, fromNodeError } from './errors.ts';
import { checkUrl } from './safety.ts';
import { sleep } from './sleep.ts';
import type { SafetyOptions } from './safety.ts';

export interface FetchOptions extends SafetyOptions {
  /** Sent as User-Agent, e.g. `exoscan/0.1.0 (+https://example.org/contact)`. */
  userAgent: string;
  /** @default 'ja,en;q=0.5' */
  acceptLanguage?: string;
  /** Time to open the connection, per attempt. @default 10_000 */
  connectTimeoutMs?: number;
  /** Time for one whole attempt (headers and body). @default 30_000 */
  timeoutMs?: number;
  /** @default 5 */
  maxRedirects?: number;
  /** Extra attempts for 429, 5xx and network errors. @default 2 */
  retries?: number;
  /** First backoff; doubles per attempt. @default 500 */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for: the URL fails instead. @default 60_000 */
  maxRetryAfterMs?: number;
  /**
   * Decoded bytes kept; the rest is not read and `truncated` is set. The kept
   * part is still analyzed: claims in the first 5 MB are claims all the same.
   * @default 5 * 1024 * 1024
   */
  maxBytes?: number;
  /** Refuse non-HTML bodies before reading them (off for robots.txt and sitemaps). @default true */
  htmlOnly?: boolean;
  /** Called before following each redirect; throw a CrawlError to refuse the hop (robots, scope). */
  beforeRedirect?: (url: string) => Promise<void> | void;
  signal?: AbortSignal;
}

export interface FetchResult {
  requestedUrl: string;
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Decompressed body, at most maxBytes. */
  body: Buffer;
  contentType: string;
  truncated: boolean;
  fetchedAt: string;
  /** The URLs redirected from, in order (requestedUrl first). */
  redirects: string[];
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

type Attempt =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'response'; status: number; headers: Record<string, string>; body: Buffer; truncated: boolean };

export async function fetchPage(requestedUrl: string, opts: FetchOptions): Promise<FetchResult> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const redirects: string[] = [];
  let current = requestedUrl;
  for (;;) {
    const attempt = await withRetries(current, opts);
    if (attempt.kind === 'response') {
      const headers = attempt.headers;
      return {
        requestedUrl,
        url: current,
        status: attempt.status,
        headers,
        body: attempt.body,
        contentType: headers['content-type'] ?? '',
        truncated: attempt.truncated,
        fetchedAt: new Date().toISOString(),
        redirects,
      };
    }
    let next: string;
    try {
      next = new URL(attempt.location, current).href;
    } catch {
      throw new CrawlError('bad-url', current, `redirect to an invalid location: ${attempt.location}`);
    }
    redirects.push(current);
    if (next === current || redirects.includes(next)) {
      throw new CrawlError('redirect-loop', requestedUrl, `redirect loop: ${[...redirects, next].join(' -> ')}`);
    }
    if (redirects.length > maxRedirects) {
      throw new CrawlError('too-many-redirects', requestedUrl, `more than ${maxRedirects} redirects`);
    }
    await opts.beforeRedirect?.(next);
    current = next;
  }
}

async function withRetries(url: string, opts: FetchOptions): Promise<Attempt> {
  const retries = opts.retries ?? 2;
  const backoffMs = opts.backoffMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    if (opts.signal?.aborted) throw new CrawlError('aborted', url, 'crawl aborted');
    try {
      const { url: parsed, addresses } = await checkUrl(url, opts);
      return await requestOnce(parsed, addresses[0]!, opts);
    } catch (raw) {
      const err = fromNodeError(raw, url);
      if (!err.retryable || attempt >= retries) throw err;
      const waitMs = err.retryAfterMs ?? backoffMs * 2 ** attempt;
      await sleep(waitMs, url, opts.signal);
    }
  }
}

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Connect to the address the safety check vetted, never a fresh lookup. */
function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (options.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as LookupFunction;
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

function requestOnce(url: URL, address: string, opts: FetchOptions): Promise<Attempt> {
  const href = url.href;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
  return new Promise<Attempt>((resolve, reject) => {
    let settled = false;
    const cleanups: (() => void)[] = [];
    const finish = (err: unknown, value?: Attempt) => {
      if (settled) return;
      settled = true;
      for (const c of cleanups) c();
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };

    const isHttps = url.protocol === 'https:';
    const req = (isHttps ? https : http).request(url, {
      method: 'GET',
      agent: isHttps ? agents['https:'] : agents['http:'],
      lookup: pinnedLookup(address),
      headers: {
        'user-agent': opts.userAgent,
        'accept-language': opts.acceptLanguage ?? 'ja,en;q=0.5',
        accept: opts.htmlOnly === false ? '*/*' : 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
    });

    const total = setTimeout(
      () => finish(new CrawlError('timeout', href, `no complete answer within ${opts.timeoutMs ?? 30_000} ms`, { retryable: true })),
      opts.timeoutMs ?? 30_000,
    );
    cleanups.push(() => clearTimeout(total));
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connect = setTimeout(
        () => finish(new CrawlError('timeout', href, `no connection within ${opts.connectTimeoutMs ?? 10_000} ms`, { retryable: true })),
        opts.connectTimeoutMs ?? 10_000,
      );
      cleanups.push(() => clearTimeout(connect));
      socket.once('connect', () => clearTimeout(connect));
    });
    if (opts.signal) {
      const onAbort = () => finish(new CrawlError('aborted', href, 'crawl aborted'));
      if (opts.signal.aborted) onAbort();
      opts.signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => opts.signal?.removeEventListener('abort', onAbort));
    }
    req.on('error', (err) => finish(fromNodeError(err, href)));

    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const headers = flattenHeaders(res.headers);
      cleanups.push(() => res.destroy());
      if (status >= 300 && status < 400 && headers.location) {
        res.resume();
        return finish(null, { kind: 'redirect', status, location: headers.location });
      }
      if (status >= 400) {
        const retryAfterMs = parseRetryAfter(headers['retry-after']);
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
          return finish(new CrawlError('http', href, `HTTP ${status}; asked to wait ${Math.round(retryAfterMs / 1000)} s, over the cap`, { status }));
        }
        return finish(
          new CrawlError('http', href, `HTTP ${status}`, {
            status,
            retryable: RETRY_STATUSES.has(status),
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          }),
        );
      }
      const mediaType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (opts.htmlOnly !== false && mediaType !== '' && !HTML_TYPES.has(mediaType)) {
        return finish(new CrawlError('not-html', href, `not HTML: ${mediaType}`));
      }

      const decoder = decoderFor(headers['content-encoding']);
      const stream: Readable = decoder ? res.pipe(decoder) : res;
      if (decoder) {
        cleanups.push(() => decoder.destroy());
        res.on('error', (err) => finish(fromNodeError(err, href)));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (truncated: boolean) =>
        finish(null, { kind: 'response', status, headers, body: Buffer.concat(chunks, size), truncated });
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = maxBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size += room;
          // Stop reading here; finish() destroys the response.
          return done(true);
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('end', () => done(false));
      stream.on('error', (err) =>
        finish(decoder ? new CrawlError('network', href, `cannot decode ${headers['content-encoding']} body: ${err.message}`) : fromNodeError(err, href)),
      );
    });
    req.end();
  });
}
