// The private-address guard: a crawler fed URLs from search results must not
// be steered into the operator's own network or a cloud metadata endpoint.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { CrawlError } from './errors.ts';

/** Resolves a host name to all its addresses (injected in tests). */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface SafetyOptions {
  /** Let loopback / private addresses through (tests and the local demo farm). */
  allowPrivate?: boolean;
  resolve?: Resolver;
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", incl. 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, incl. 169.254.169.254 metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for addresses a public crawler must not reach (IPv4-mapped IPv6 included). */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) return blocked.check(ip, 'ipv6');
  return false;
}

function bareHostname(url: URL): string {
  // URL keeps IPv6 literals in brackets.
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks one URL before any connection: scheme, then every address its host
 * resolves to. Returns the vetted addresses so the caller can connect to one
 * of them (no second lookup that DNS rebinding could answer differently).
 */
export async function checkUrl(rawUrl: string, opts: SafetyOptions = {}): Promise<{ url: URL; addresses: string[] }> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new CrawlError('bad-url', rawUrl, `not a URL: ${rawUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CrawlError('bad-url', rawUrl, `only http and https are crawled, not ${url.protocol}`);
  }
  const host = bareHostname(url);
  const isLocalName = host === 'localhost' || host.endsWith('.localhost');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else if (isLocalName && !opts.allowPrivate) addresses = ['127.0.0.1'];
  else {
    try {
      addresses = await (opts.resolve ?? systemResolver)(host);
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw new CrawlError('dns', rawUrl, `cannot resolve ${host}: ${code ?? String(err)}`, {
        retryable: code === 'EAI_AGAIN',
        cause: err,
      });
    }
    if (addresses.length === 0) throw new CrawlError('dns', rawUrl, `${host} has no addresses`);
  }
  if (!opts.allowPrivate) {
    const bad = addresses.find(isPrivateAddress);
    if (bad !== undefined) {
      throw new CrawlError('blocked-private', rawUrl, `${host} resolves to private address ${bad}; use --allow-private to crawl it`);
    }
  }
  return { url, addresses };
}
