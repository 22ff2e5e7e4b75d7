// Link scope as one named option (Crawlee's lesson), not checks scattered in the crawler.
import { isIP } from 'node:net';
import { getDomain } from 'tldts';

export type LinkScope = 'same-host' | 'same-site';

/** Registrable domain; for IP addresses, localhost and unknown suffixes the host:port, as the test farm tells sites apart by port. */
function siteOf(url: URL): string {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) || host === 'localhost') return url.host;
  return getDomain(host) ?? url.host;
}

export function sameSite(a: string, b: string): boolean {
  return siteOf(new URL(a)) === siteOf(new URL(b));
}

export function inScope(url: string, start: string, scope: LinkScope): boolean {
  return scope === 'same-host' ? new URL(url).host === new URL(start).host : sameSite(url, start);
}
