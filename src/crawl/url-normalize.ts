// One spelling per page, so the frontier's de-duplication sees through
// fragments, tracking parameters, parameter order and trailing index pages.

const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'yclid', 'msclkid', 'dclid', 'gbraid', 'wbraid', 'mc_cid', 'mc_eid', '_ga', '_gl', 'igshid']);
const INDEX_PAGE = /\/index\.(?:html?|php|asp|aspx|jsp|cgi)$/i;

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/** The canonical form of an http(s) URL, or undefined for anything else (mailto:, tel:, javascript:, junk). */
export function normalizeUrl(input: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  // URL already lower-cases the host and drops default ports.
  url.hostname = url.hostname.replace(/\.$/, '');
  url.pathname = url.pathname.replace(INDEX_PAGE, '/');
  const params = [...url.searchParams].filter(([name]) => !isTracking(name));
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  url.search = params.length === 0 ? '' : new URLSearchParams(params).toString();
  return url.href;
}
