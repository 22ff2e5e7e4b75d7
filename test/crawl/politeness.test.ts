import { afterEach, describe, expect, it } from 'vitest';
import { fetchPage } from '../../src/crawl/fetcher.ts';
import { Politeness } from '../../src/crawl/politeness.ts';
import { html, startServer } from './local-server.ts';
import type { LocalServer, LoggedRequest } from './local-server.ts';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function slowServer(): Promise<LocalServer> {
  const s = await startServer((_req, res) => setTimeout(() => html(res, 'ok'), 30));
  servers.push(s);
  return s;
}
const get = (url: string) => fetchPage(url, { userAgent: 'exoscan-test', allowPrivate: true });

/** Smallest pause between one request finishing and the next arriving; negative means they overlapped. */
function minGap(log: LoggedRequest[]): number {
  const sorted = [...log].sort((a, b) => a.start - b.start);
  return Math.min(...sorted.slice(1).map((r, i) => r.start - sorted[i]!.end));
}

describe('Politeness', () => {
  it('sends one request at a time per host, with the delay between them', async () => {
    const s = await slowServer();
    const polite = new Politeness({ concurrency: 4, delayMs: 120 });
    await Promise.all(Array.from({ length: 5 }, (_, i) => polite.run(s.origin, () => get(`${s.origin}/${i}`))));
    expect(s.log.map((r) => r.path)).toEqual(['/0', '/1', '/2', '/3', '/4']);
    expect(minGap(s.log)).toBeGreaterThanOrEqual(110);
  });

  it('uses a robots Crawl-delay longer than the configured delay, up to the cap', async () => {
    const s = await slowServer();
    const polite = new Politeness({ delayMs: 0, maxCrawlDelayMs: 200 });
    polite.setCrawlDelay(s.origin, 10_000);
    expect(polite.delayFor(`${s.origin}/x`)).toBe(200);
    await Promise.all([0, 1, 2].map((i) => polite.run(s.origin, () => get(`${s.origin}/${i}`))));
    expect(minGap(s.log)).toBeGreaterThanOrEqual(190);
  });

  it('caps requests in flight across hosts', async () => {
    const a = await slowServer();
    const b = await slowServer();
    const polite = new Politeness({ concurrency: 1, delayMs: 0 });
    await Promise.all(
      [0, 1, 2].flatMap((i) => [a, b].map((s) => polite.run(s.origin, () => get(`${s.origin}/${i}`)))),
    );
    expect(minGap([...a.log, ...b.log])).toBeGreaterThanOrEqual(0);
    expect(a.log).toHaveLength(3);
    expect(b.log).toHaveLength(3);
  });

  it('a failed request does not block the host queue', async () => {
    const s = await slowServer();
    const polite = new Politeness({ delayMs: 0 });
    await expect(polite.run(s.origin, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await polite.run(s.origin, () => get(`${s.origin}/after`))).status).toBe(200);
  });
});
