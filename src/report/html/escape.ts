// Everything in the report that comes from the web (sentences, titles, site names,
// URLs) passes through here: the report must never run or load what a site wrote.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** The URL normalised, if it is http(s); anything else (javascript:, data:, file:) is never a link. */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link for http(s) URLs, the escaped text otherwise. */
export function linkOrText(url: string, text = url): string {
  const href = safeHttpUrl(url);
  return href
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}
