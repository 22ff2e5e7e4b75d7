// npm run bench:sweep — the sweep's speed on the farm in scale mode (issue 3,
// "Speed"): 200 sites x 25 pages, delays off, static path. Prints figures;
// asserts nothing. Compares against a bare fetch loop over the same URLs at
// the same concurrency, and estimates a real sweep with a per-host delay.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultWorkers } from '../src/analyze/analysis-pool.ts';
import { mergeConfig } from '../src/config.ts';
import { openStore } from '../src/store/store.ts';
import { createProgress } from '../src/sweep/progress.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import { startFarm } from '../test/farm/farm.ts';

const SITES = Number(process.env.BENCH_SITES ?? 200);
const PAGES = Number(process.env.BENCH_PAGES ?? 25);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const WORKERS = process.env.BENCH_WORKERS === undefined ? defaultWorkers() : Number(process.env.BENCH_WORKERS);
// The real-sweep estimate: 1,000 sites x 40 pages, 1 s per host between requests.
const REAL = { sites: 1000, pages: 40, delayS: 1, latencyS: Number(process.env.BENCH_REAL_LATENCY_MS ?? 300) / 1000 };

const fmt = (n: number, d = 1) => n.toFixed(d);

/** Plain GETs, `concurrency` at a time, bodies read and dropped: the floor the sweep is compared to. */
async function bareLoop(urls: string[], concurrency: number): Promise<{ seconds: number; bytes: number; meanLatencyS: number }> {
  let next = 0;
  let bytes = 0;
  let latency = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const start = performance.now();
        const res = await fetch(url);
        bytes += (await res.arrayBuffer()).byteLength;
        latency += performance.now() - start;
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, bytes, meanLatencyS: latency / urls.length / 1000 };
}

interface Run {
  sweepRate: number;
  bareRate: number;
  cpuMsPerPage: number;
}

/** One sweep of the farm and one bare loop over the same URLs, at the given added latency. */
async function measure(latencyMs: number): Promise<Run> {
  const farm = await startFarm({ scale: { sites: SITES, pagesPerSite: PAGES }, delays: false, latencyMs });
  const dir = await mkdtemp(path.join(tmpdir(), 'exoscan-bench-sweep-'));
  try {
    const seeds = path.join(dir, 'seeds.txt');
    await writeFile(seeds, farm.seeds().join('\n'));
    const config = mergeConfig({
      data: path.join(dir, 'data'),
      seeds,
      allowPrivate: true,
      delayMs: 0,
      render: 'never',
      concurrency: CONCURRENCY,
      workers: WORKERS,
      maxPagesPerSite: PAGES,
    });
    console.log(
      `\nfarm: ${SITES} sites x ${PAGES} pages, concurrency ${CONCURRENCY}, ${WORKERS} analysis worker(s) on ${availableParallelism()} cores, render never, delays off, ${latencyMs} ms added latency`,
    );

    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await runSweep({ config, progress: createProgress(process.stderr, true) });
    const sweepS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    const store = await openStore(config.data, { readOnly: true });
    const urls = store.data.pages.map((p) => p.requestedUrl);
    await store.close();
    const requests = farm.requestLog.length;

    const bare = await bareLoop(urls, CONCURRENCY);
    const sweepRate = summary.totals.pages / sweepS;
    const bareRate = urls.length / bare.seconds;
    const mb = bare.bytes / 1e6;
    const cpuMsPerPage = (cpu.user + cpu.system) / 1e3 / summary.totals.pages;

    console.log(`sweep: ${summary.totals.pages} pages (${requests} requests incl. robots/sitemaps), ${summary.totals.findings} findings, ${fmt(sweepS)} s`);
    console.log(`  ${fmt(sweepRate)} pages/s, ${fmt(mb / sweepS, 2)} MB/s, CPU ${fmt((cpu.user + cpu.system) / 1e6)} s (${fmt(cpuMsPerPage)} ms/page), peak RSS ${fmt(peakRssMb, 0)} MB`);
    console.log(`bare fetch loop: ${urls.length} pages, ${fmt(bare.seconds)} s, ${fmt(bareRate)} pages/s, ${fmt(mb / bare.seconds, 2)} MB/s, mean latency ${fmt(bare.meanLatencyS * 1000)} ms`);
    console.log(`ratio sweep/bare: ${fmt(sweepRate / bareRate, 2)}x (target >= 0.8x)`);
    return { sweepRate, bareRate, cpuMsPerPage };
  } finally {
    await farm.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// Loopback answers in well under a millisecond, so the bare loop there measures
// little but Node's HTTP client; a second run adds a modest latency that any
// real site exceeds, which is where the sweep's own cost shows in proportion.
const loopback = await measure(0);
const networked = await measure(LATENCY_MS);
console.log(`\nsummary: ratio ${fmt(loopback.sweepRate / loopback.bareRate, 2)}x on bare loopback, ${fmt(networked.sweepRate / networked.bareRate, 2)}x with ${LATENCY_MS} ms latency`);
// Per host one request at a time: a site takes pages x (delay + latency); `concurrency` sites run side by side.
const perSiteS = REAL.pages * (REAL.delayS + REAL.latencyS);
const wallS = Math.ceil(REAL.sites / CONCURRENCY) * perSiteS;
const cpuS = (loopback.cpuMsPerPage / 1000) * REAL.sites * REAL.pages;
console.log(
  `estimate, real sweep of ${REAL.sites} sites x ${REAL.pages} pages, ${REAL.delayS} s per-host delay, ${fmt(REAL.latencyS * 1000, 0)} ms latency, concurrency ${CONCURRENCY}: ` +
    `${fmt(perSiteS, 0)} s per site → ${fmt(wallS / 3600, 2)} h (CPU needed at this rate: ${fmt(cpuS / 3600, 2)} h, so the delay bounds it)`,
);
