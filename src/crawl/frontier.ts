// The crawl frontier: de-duplicated by normalized URL, ordered so that pages
// about the treatment and its disclosures come first, and guarded against
// traps (endless calendars, query permutations, very long URLs).
import { normalizeUrl } from './url-normalize.ts';

/** URL or link-text terms that move a page up the queue. */
export const DEFAULT_PRIORITY_TERMS: readonly string[] = [
  'エクソソーム', 'エキソソーム', 'exosome', '上清', '幹細胞', '再生医療', '料金', '費用', '価格',
  'リスク', '副作用', '自由診療', '未承認', 'よくある質問', 'faq', 'price', 'menu',
];

export interface FrontierOptions {
  /** URLs handed out by next(), i.e. fetch attempts for the site. @default 40 */
  maxPages?: number;
  /** Link hops from a start URL. @default 3 */
  maxDepth?: number;
  /** Matched case-insensitively after NFKC, in the decoded URL and the link text. @default DEFAULT_PRIORITY_TERMS */
  priorityTerms?: readonly string[];
  /** @default 2000 */
  maxUrlLength?: number;
  /** Distinct query strings accepted per path (faceted search, sort orders). @default 10 */
  maxQueryVariantsPerPath?: number;
  /** URLs accepted under one first path segment, e.g. `/blog/`. @default 50 */
  maxPagesPerPrefix?: number;
  /** URLs accepted that look like calendar pages (/2024/05/, ?date=, ?month=, /calendar/). @default 5 */
  maxCalendarPages?: number;
  /** Pending URLs kept; more are dropped. @default 5000 */
  maxQueued?: number;
}

export type AddOutcome =
  | 'added'
  | 'seen'
  | 'invalid'
  | 'too-deep'
  | 'too-long'
  | 'query-variants'
  | 'prefix-full'
  | 'calendar'
  | 'queue-full';

export interface FrontierEntry {
  url: string;
  depth: number;
  priority: number;
}

const CALENDAR = [
  /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])(?:\/|$)/,
  /\/(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-\d{2})?(?:\/|$)/,
  /[?&](?:date|month|year|day|ym|ymd)=/i,
  /\/calendar(?:\/|$|\.)/i,
];

export class Frontier {
  private readonly seen = new Set<string>();
  private readonly queue: (FrontierEntry & { seq: number })[] = [];
  private readonly queryVariants = new Map<string, Set<string>>();
  private readonly prefixCounts = new Map<string, number>();
  private calendarCount = 0;
  private seq = 0;
  private handedOut = 0;
  private readonly terms: string[];
  /** How many add() calls ended each way, for the crawl report. */
  readonly outcomes: Partial<Record<AddOutcome, number>> = {};

  constructor(private readonly opts: FrontierOptions = {}) {
    this.terms = (opts.priorityTerms ?? DEFAULT_PRIORITY_TERMS).map((t) => t.normalize('NFKC').toLowerCase());
  }

  get taken(): number {
    return this.handedOut;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Counts terms found in the URL and the link text. */
  priorityOf(url: string, linkText = ''): number {
    let decoded = url;
    try {
      decoded = decodeURIComponent(url);
    } catch {
      // Keep the raw form: a broken escape is no reason to drop the link.
    }
    const hay = `${decoded} ${linkText}`.normalize('NFKC').toLowerCase();
    return this.terms.filter((t) => hay.includes(t)).length;
  }

  /** Marks a URL as visited without queueing it (e.g. the final URL of a redirect). */
  markSeen(rawUrl: string): void {
    const url = normalizeUrl(rawUrl);
    if (url) this.seen.add(url);
  }

  has(rawUrl: string): boolean {
    const url = normalizeUrl(rawUrl);
    return url !== undefined && this.seen.has(url);
  }

  add(rawUrl: string, depth: number, linkText = ''): AddOutcome {
    const outcome = this.tryAdd(rawUrl, depth, linkText);
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
    return outcome;
  }

  private tryAdd(rawUrl: string, depth: number, linkText: string): AddOutcome {
    const url = normalizeUrl(rawUrl);
    if (!url) return 'invalid';
    if (this.seen.has(url)) return 'seen';
    if (depth > (this.opts.maxDepth ?? 3)) return 'too-deep';
    if (url.length > (this.opts.maxUrlLength ?? 2000)) return 'too-long';
    if (this.queue.length >= (this.opts.maxQueued ?? 5000)) return 'queue-full';
    const parsed = new URL(url);
    const isCalendar = CALENDAR.some((re) => re.test(parsed.pathname + parsed.search));
    if (isCalendar && this.calendarCount >= (this.opts.maxCalendarPages ?? 5)) return 'calendar';
    const pathKey = parsed.origin + parsed.pathname;
    const variants = this.queryVariants.get(pathKey) ?? new Set<string>();
    if (parsed.search && !variants.has(parsed.search) && variants.size >= (this.opts.maxQueryVariantsPerPath ?? 10)) {
      return 'query-variants';
    }
    // Root-level pages share no prefix: only directories can grow without end.
    const segments = parsed.pathname.split('/');
    const prefix = segments.length > 2 ? `${parsed.origin}/${segments[1]}/` : undefined;
    const prefixCount = prefix ? (this.prefixCounts.get(prefix) ?? 0) : 0;
    if (prefix && prefixCount >= (this.opts.maxPagesPerPrefix ?? 50)) return 'prefix-full';

    this.seen.add(url);
    if (isCalendar) this.calendarCount += 1;
    if (parsed.search) this.queryVariants.set(pathKey, variants.add(parsed.search));
    if (prefix) this.prefixCounts.set(prefix, prefixCount + 1);
    this.queue.push({ url, depth, priority: this.priorityOf(url, linkText), seq: this.seq++ });
    return 'added';
  }

  /** The most promising pending URL, or undefined when empty or out of budget. Start URLs (depth 0) always go first. */
  next(): FrontierEntry | undefined {
    if (this.queue.length === 0 || this.handedOut >= (this.opts.maxPages ?? 40)) return undefined;
    let best = 0;
    for (let i = 1; i < this.queue.length; i++) {
      if (before(this.queue[i]!, this.queue[best]!)) best = i;
    }
    const [entry] = this.queue.splice(best, 1);
    this.handedOut += 1;
    return { url: entry!.url, depth: entry!.depth, priority: entry!.priority };
  }
}

function before(a: FrontierEntry & { seq: number }, b: FrontierEntry & { seq: number }): boolean {
  const aStart = a.depth === 0 ? 0 : 1;
  const bStart = b.depth === 0 ? 0 : 1;
  if (aStart !== bStart) return aStart < bStart;
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.depth !== b.depth) return a.depth < b.depth;
  return a.seq < b.seq;
}
