// Signs that a page is an empty shell filled in by JavaScript, so the crawler
// should render it in a browser before judging its text.

/** Below this many characters of visible text a page is thin enough to suspect. */
export const THIN_TEXT_CHARS = 200;

const APP_ROOT_IDS = new Set(['app', 'root', '__next', '__nuxt', '___gatsby']);

/** The mount point of a client-side app (React, Vue, Next, Nuxt, Gatsby). */
export function isAppRoot(attribs: Record<string, string>): boolean {
  return APP_ROOT_IDS.has(attribs.id ?? '') || 'data-reactroot' in attribs;
}

/** Scripts that run; JSON-LD and template scripts are data. */
export function isExecutableScript(attribs: Record<string, string>): boolean {
  const type = (attribs.type ?? '').trim();
  return type === '' || /(java|ecma)script|^module$|babel|jsx/i.test(type);
}

/** `<noscript>` text such as 「JavaScriptを有効にしてください」. */
export function saysJavaScriptRequired(noscriptText: string): boolean {
  return /javascript|ｊａｖａｓｃｒｉｐｔ|ジャバスクリプト/i.test(noscriptText);
}
