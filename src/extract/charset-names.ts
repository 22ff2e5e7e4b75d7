// Charset labels as servers and pages write them → one canonical name each.
import iconv from 'iconv-lite';

const ALIASES: Record<string, readonly string[]> = {
  'utf-8': ['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8'],
  shift_jis: ['shift_jis', 'shift-jis', 'sjis', 'x-sjis', 's-jis', 'ms_kanji', 'csshiftjis', 'windows-31j', 'cp932', 'ms932', 'x-ms-cp932'],
  'euc-jp': ['euc-jp', 'eucjp', 'euc_jp', 'x-euc-jp', 'x-euc', 'cseucpkdfmtjapanese'],
  'iso-2022-jp': ['iso-2022-jp', 'iso2022jp', 'csiso2022jp', 'jis'],
  'utf-16le': ['utf-16le', 'utf-16', 'ucs-2', 'unicode', 'csunicode', 'iso-10646-ucs-2'],
  'utf-16be': ['utf-16be', 'unicodefffe'],
  // As browsers do (WHATWG Encoding): latin1 and ASCII labels mean windows-1252.
  'windows-1252': ['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'ansi_x3.4-1968', 'cp819', 'ibm819'],
};
const CANONICAL = new Map(Object.entries(ALIASES).flatMap(([name, labels]) => labels.map((l) => [l, name] as const)));

/** iconv-lite codecs that are not charsets a page could be written in. */
const NOT_CHARSETS = new Set(['base64', 'base64url', 'hex', 'binary']);

/** The canonical name for a charset label, or null when it is unknown (callers then detect). */
export function canonicalCharset(label: string): string | null {
  const key = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!key) return null;
  const known = CANONICAL.get(key);
  if (known) return known;
  return !NOT_CHARSETS.has(key) && iconv.encodingExists(key) ? key : null;
}

/** `text/html; charset="Shift_JIS"` → `shift_jis`. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const label = contentType?.match(/charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i)?.[1];
  return label ? canonicalCharset(label) : null;
}

/**
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
 * in the page head, read as ASCII (every charset we accept here is ASCII-compatible).
 */
export function charsetFromMeta(head: Uint8Array): string | null {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  for (const [tag] of text.matchAll(/<meta\b[^>]*>/gi)) {
    const label = tag.match(/charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
    const charset = label ? canonicalCharset(label) : null;
    // A page readable as ASCII is not UTF-16, whatever it claims (WHATWG does the same).
    if (charset) return charset.startsWith('utf-16') ? 'utf-8' : charset;
  }
  return null;
}
