// How a farm site is described before it gets a port: pages made of pieces,
// where planted claims and disclaimers are marked, so the ground truth is read
// off the very pieces that are served and can never drift from the pages.
import type { Category, DisclosureItem } from '../../src/model.ts';

export type Gen = 1 | 2;
export const BOTH: Gen[] = [1, 2];

export type SiteType = 'clinic' | 'media' | 'seller' | 'authority';

/** A sentence planted as a claim of one or more categories. */
export interface ClaimPiece {
  type: 'claim';
  categories: Category[];
  sentence: string;
  tag: 'p' | 'li';
  gens: Gen[];
}

/** A disclaimer, negation or warning quote that must NOT be flagged. */
export interface DecoyPiece {
  type: 'decoy';
  sentence: string;
  tag: 'p' | 'li';
  gens: Gen[];
  why: string;
}

/** Raw HTML, optionally present in some generations only. */
export interface HtmlPiece {
  type: 'html';
  html: string;
  gens: Gen[];
}

export type Piece = string | ClaimPiece | DecoyPiece | HtmlPiece;

export interface PageSpec {
  path: string;
  title: string;
  body: Piece[];
  gens?: Gen[];
  /** Listed in sitemap.xml. */
  inSitemap?: boolean;
}

/** A response a special route answers with (faults, traps, files). */
export interface SpecialResponse {
  status: number;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

export interface SiteState {
  gen: Gen;
  /** Per-site counters that fault routes keep (e.g. the first 429); reset on a generation switch. */
  hits: Map<string, number>;
}

export interface SiteSpec {
  name: string;
  type: SiteType;
  kind: string;
  gens: Gen[];
  /** Encoding of the body bytes. */
  encoding: 'utf-8' | 'Shift_JIS' | 'EUC-JP';
  /** charset in the Content-Type header; null leaves it out (meta only). */
  headerCharset: string | null;
  pages: PageSpec[];
  /** Turns a page's main HTML into the whole document (nav, footer, charset meta). */
  layout: (page: PageSpec, main: string, gen: Gen) => string;
  /** robots.txt body; `{base}` becomes the site's base URL. Absent: 404. */
  robots?: string;
  /** Path prefixes disallowed by robots.txt for every agent (ground truth for `reachable`). */
  disallow?: string[];
  /** Milliseconds every response waits when the farm runs with delays. */
  delayMs?: number;
  /** JS-only: planted text appears only after a browser runs the page script. */
  needsBrowser?: boolean;
  /** Disclosure items the site gives, for sites offering EV treatment (clinics). */
  disclosuresGiven?: DisclosureItem[];
  /** Routes outside the page list: faults, traps, files. Undefined falls through to the pages. */
  special?: (path: string, query: URLSearchParams, state: SiteState) => SpecialResponse | undefined;
}

export function claim(categories: Category | Category[], sentence: string, opts: { tag?: 'p' | 'li'; gens?: Gen[] } = {}): ClaimPiece {
  return {
    type: 'claim',
    categories: Array.isArray(categories) ? categories : [categories],
    sentence,
    tag: opts.tag ?? 'p',
    gens: opts.gens ?? BOTH,
  };
}

export function decoy(sentence: string, why: string, opts: { tag?: 'p' | 'li'; gens?: Gen[] } = {}): DecoyPiece {
  return { type: 'decoy', sentence, why, tag: opts.tag ?? 'p', gens: opts.gens ?? BOTH };
}

export function onlyIn(gens: Gen[], html: string): HtmlPiece {
  return { type: 'html', html, gens };
}

export function inGen(gens: Gen[] | undefined, gen: Gen): boolean {
  return gens === undefined || gens.includes(gen);
}
