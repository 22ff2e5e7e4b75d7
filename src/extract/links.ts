// Link targets for the crawl frontier: absolute http(s) URLs only.

/**
 * Resolves an href against the page (or its `<base>`); null for same-page
 * anchors, mailto:/tel:/javascript: links and hrefs that do not resolve.
 */
export function resolveHref(href: string, base: string | undefined): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href;
}
