import { getDomain, parse } from 'tldts';

/**
 * The key that groups URLs into one site: the registrable domain (public-suffix
 * aware, so a.example.co.jp and b.example.co.jp are one site), or host:port for
 * IP addresses and single-label hosts such as localhost, which is how the local
 * test farm tells its sites apart.
 */
export function siteKeyOf(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  const parsed = parse(u.href);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (parsed.isIp || !host.includes('.')) return u.port ? `${host}:${u.port}` : host;
  return getDomain(u.href) ?? host;
}

/** Turns a seed line (a URL or a bare domain) into a start URL, or undefined when it is neither. */
export function seedToUrl(line: string): string | undefined {
  const text = line.trim();
  if (!text) return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const u = new URL(candidate);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (!u.hostname) return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}
