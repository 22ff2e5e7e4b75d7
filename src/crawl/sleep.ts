import { CrawlError } from './errors.ts';

/** Waits `ms`, or rejects with an 'aborted' CrawlError for `url` as soon as `signal` fires. */
export function sleep(ms: number, url: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CrawlError('aborted', url, 'crawl aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CrawlError('aborted', url, 'crawl aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
