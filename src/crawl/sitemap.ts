// sitemap.xml: pages a site lists but may never link to. One level of
// sitemap index is followed; entries are capped.
import { gunzipSync } from 'node:zlib';
import { CrawlError, fromNodeError } from './errors.ts';
import type { FetchResult } from './fetcher.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseSitemap(xml: string): { index: boolean; locs: string[] } {
  const locs: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?loc>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*<\/(?:\w+:)?loc>/gs)) {
    locs.push(m[1]!.trim().replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!));
  }
  return { index: /<(?:\w+:)?sitemapindex[\s>]/.test(xml), locs };
}

export interface SitemapOptions {
  /** Page URLs returned at most. @default 500 */
  maxEntries?: number;
  /** Child sitemaps read from an index. @default 10 */
  maxChildSitemaps?: number;
  /** Decompressed size of a .gz sitemap. @default 10 MB */
  maxBytes?: number;
}

/** Page URLs from the given sitemaps; unreadable sitemaps become errors, never a throw. */
export async function readSitemaps(
  sitemapUrls: string[],
  fetch: (url: string) => Promise<FetchResult>,
  opts: SitemapOptions = {},
): Promise<{ urls: string[]; errors: CrawlError[] }> {
  const maxEntries = opts.maxEntries ?? 500;
  const urls = new Set<string>();
  const errors: CrawlError[] = [];
  const read = async (url: string): Promise<{ index: boolean; locs: string[] } | undefined> => {
    try {
      const res = await fetch(url);
      const gz = res.body[0] === 0x1f && res.body[1] === 0x8b;
      const body = gz ? gunzipSync(res.body, { maxOutputLength: opts.maxBytes ?? 10 * 1024 * 1024 }) : res.body;
      return parseSitemap(body.toString('utf8'));
    } catch (err) {
      const e = err instanceof CrawlError ? err : fromNodeError(err, url);
      // A missing /sitemap.xml is normal, not an error worth a row.
      if (!(e.kind === 'http' && e.status === 404)) errors.push(e);
      return undefined;
    }
  };
  for (const root of sitemapUrls) {
    if (urls.size >= maxEntries) break;
    const parsed = await read(root);
    if (!parsed) continue;
    const children = parsed.index ? parsed.locs.slice(0, opts.maxChildSitemaps ?? 10) : [];
    const pages = parsed.index ? [] : parsed.locs;
    for (const child of children) {
      if (urls.size >= maxEntries) break;
      const sub = await read(child);
      // Indexes nested deeper are ignored: one level is what the protocol allows.
      if (sub && !sub.index) pages.push(...sub.locs);
    }
    for (const page of pages) {
      if (urls.size >= maxEntries) break;
      urls.add(page);
    }
  }
  return { urls: [...urls], errors };
}
