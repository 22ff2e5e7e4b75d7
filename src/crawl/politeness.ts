// Politeness: one request at a time per host, a pause between them of
// max(configured delay, robots Crawl-delay), and a global cap on requests in flight.
import { performance } from 'node:perf_hooks';
import PQueue from 'p-queue';
import { CrawlError } from './errors.ts';
import { sleep } from './sleep.ts';

export interface PolitenessOptions {
  /** Requests in flight across all hosts. @default 8 */
  concurrency?: number;
  /** Pause between the end of one request to a host and the start of the next. @default 1000 */
  delayMs?: number;
  /** Longest robots Crawl-delay honoured; a longer one is cut to this. @default 60_000 */
  maxCrawlDelayMs?: number;
}

interface HostState {
  tail: Promise<void>;
  lastEnd: number;
  crawlDelayMs: number;
}

/** Share one instance between the sites of a sweep so the global cap means something. */
export class Politeness {
  private readonly queue: PQueue;
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly opts: PolitenessOptions = {}) {
    this.queue = new PQueue({ concurrency: opts.concurrency ?? 8 });
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { tail: Promise.resolve(), lastEnd: Number.NEGATIVE_INFINITY, crawlDelayMs: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Records a robots.txt Crawl-delay for the host of `url`. */
  setCrawlDelay(url: string, ms: number): void {
    this.state(new URL(url).host).crawlDelayMs = Math.min(ms, this.opts.maxCrawlDelayMs ?? 60_000);
  }

  delayFor(url: string): number {
    return Math.max(this.opts.delayMs ?? 1000, this.state(new URL(url).host).crawlDelayMs);
  }

  /** Runs `task` (a request to the host of `url`) when the host is free and its delay has passed. */
  run<T>(url: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const s = this.state(new URL(url).host);
    const result = s.tail.then(async () => {
      const wait = s.lastEnd + this.delayFor(url) - performance.now();
      if (wait > 0) await sleep(wait, url, signal);
      if (signal?.aborted) throw new CrawlError('aborted', url, 'crawl aborted');
      try {
        return await this.queue.add(task);
      } finally {
        s.lastEnd = performance.now();
      }
    });
    s.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
