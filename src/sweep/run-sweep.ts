// A sweep: discovery → sites → crawl → analyze → store, one site batch at a
// time, so a sweep killed at any moment loses at most the sites in flight and
// `--resume` continues from the stored plan.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';
import { createAnalyzer } from '../analyze/analyzer.ts';
import { createAnalysisPool, defaultWorkers } from '../analyze/analysis-pool.ts';
import type { AnalysisPool } from '../analyze/analysis-pool.ts';
import type { SitePage } from '../analyze/site-pages.ts';
import type { SweepConfig } from '../config.ts';
import { crawlSite } from '../crawl/crawl-site.ts';
import type { SiteCrawlResult } from '../crawl/crawl-site.ts';
import { Politeness } from '../crawl/politeness.ts';
import { findChromium, Renderer } from '../crawl/render.ts';
import { discover } from '../discover/discover.ts';
import type { DiscoveredSite } from '../discover/discover.ts';
import { createProvider } from '../discover/providers.ts';
import { readSeedFile } from '../discover/seeds.ts';
import { readSkipList, siteFilter } from '../discover/site-filter.ts';
import type { PageRecord, SiteVisitRecord, SweepRecord } from '../store/records.ts';
import { screenshotPath, writeSnapshot } from '../store/snapshots.ts';
import { openStore } from '../store/store.ts';
import type { Store } from '../store/store.ts';
import { userAgent } from '../version.ts';
import { readPlan, writePlan } from './plan.ts';
import type { Progress } from './progress.ts';
import { findingRecords, visitRecord } from './site-records.ts';
import { sweepSummary } from './summary.ts';
import type { SweepSummary } from './summary.ts';

export class SweepError extends Error {
  override name = 'SweepError';
}

export interface SweepRun {
  config: SweepConfig;
  resume?: boolean;
  progress: Progress;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** For tests and the demo; defaults to the project's dictionaries/. */
  dictionariesDir?: string;
}

/** The configured User-Agent, else ours with the contact URL; robots.txt is always matched as `exoscan`. */
const agentOf = (cfg: SweepConfig): string => cfg.userAgent ?? userAgent(cfg.contact);

const SKIP_LIST = new URL('../../dictionaries/skip-sites.yaml', import.meta.url);

/** sha256 of the settings that change what a sweep finds (paths and volatile fields left out). */
function configDigest(cfg: SweepConfig): string {
  const { data: _data, seeds: _seeds, ...rest } = cfg;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

async function discoverSites(cfg: SweepConfig, run: SweepRun): Promise<Awaited<ReturnType<typeof discover>>> {
  const seeds: string[] = [];
  if (cfg.seeds) {
    const parsed = await readSeedFile(cfg.seeds);
    for (const r of parsed.rejected) run.progress.log(`seeds: ${cfg.seeds}:${r.line}: not a URL or domain, skipped: ${r.text}`);
    seeds.push(...parsed.urls);
  }
  const providers = cfg.providers.map((p) => ({ provider: createProvider(p, run.env), maxResults: p.maxResults ?? cfg.maxResultsPerQuery }));
  if (seeds.length === 0 && providers.length === 0) {
    throw new SweepError('nothing to sweep: give a seed list (--seeds FILE) or search providers in the config file');
  }
  const skip = [...(await readSkipList(SKIP_LIST.pathname)), ...cfg.skip];
  const result = await discover({
    seeds,
    queries: providers.length ? cfg.queries : [],
    providers,
    filter: siteFilter(skip, cfg.allow),
    ...(run.signal ? { signal: run.signal } : {}),
    onSearch: (r) =>
      run.progress.log(
        `search: ${r.provider} "${r.query}": ${r.error ? `error: ${r.error}` : `${r.results.length} results${r.totalHits !== undefined ? `, about ${r.totalHits} hits` : ''}`}`,
      ),
  });
  if (cfg.maxSites && result.sites.length > cfg.maxSites) result.sites = result.sites.slice(0, cfg.maxSites);
  return result;
}

interface SiteContext {
  cfg: SweepConfig;
  store: Store;
  sweep: SweepRecord;
  pool: AnalysisPool;
  politeness: Politeness;
  renderer: Renderer | undefined;
  signal: AbortSignal | undefined;
}

interface CrawledSite {
  crawl: SiteCrawlResult;
  pages: SitePage[];
  pageRecords: PageRecord[];
}

/** Crawls one site and writes its snapshots; undefined when the sweep was aborted before the site finished. */
async function crawlForSite(ctx: SiteContext, site: DiscoveredSite): Promise<CrawledSite | undefined> {
  const { cfg, sweep } = ctx;
  const pages: SitePage[] = [];
  const pageRecords: PageRecord[] = [];
  const snapshots: Promise<void>[] = [];
  const crawl: SiteCrawlResult = await crawlSite(
    { key: site.key, startUrls: site.startUrls },
    {
      userAgent: agentOf(cfg),
      maxPages: cfg.maxPagesPerSite,
      maxDepth: cfg.maxDepth,
      politeness: ctx.politeness,
      render: cfg.render,
      ...(ctx.renderer ? { renderer: ctx.renderer } : {}),
      fetch: { timeoutMs: cfg.timeoutMs, maxBytes: cfg.maxBodyBytes },
      allowPrivate: cfg.allowPrivate,
      readPage: ctx.pool.readPage,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    },
    {
      onPage: async (page) => {
        const rec: PageRecord = {
          sweep: sweep.id,
          site: site.key,
          url: page.url,
          requestedUrl: page.requestedUrl,
          status: page.status,
          fetchedAt: page.fetchedAt,
          snapshot: '',
          sha256: '',
          rendered: page.rendered,
          ...(page.extracted.title ? { title: page.extracted.title } : {}),
        };
        pageRecords.push(rec);
        // The snapshot is written while the crawl goes on (disk I/O is off the
        // site's critical path); the site is stored only once all are written.
        const written = writeSnapshot(cfg.data, sweep.id, {
          url: page.url,
          requestedUrl: page.requestedUrl,
          status: page.status,
          headers: page.headers,
          fetchedAt: page.fetchedAt,
          rendered: page.rendered,
          charset: page.charset,
          body: page.body,
        }).then((snap) => {
          rec.snapshot = snap.path;
          rec.sha256 = snap.sha256;
        });
        written.catch(() => undefined); // awaited below; not unhandled meanwhile
        snapshots.push(written);
        pages.push({ page: page.extracted, source: page.url, url: page.url });
      },
    },
  );
  await Promise.all(snapshots);
  return crawl.stopped === 'aborted' ? undefined : { crawl, pages, pageRecords };
}

/** Analyzes and stores a crawled site (screenshots of pages with high-severity findings first). */
async function finishSite(ctx: SiteContext, site: DiscoveredSite, { crawl, pages, pageRecords }: CrawledSite): Promise<{ pages: number; findings: number; errors: number }> {
  const { cfg, sweep } = ctx;
  const analysis = await ctx.pool.analyzeSitePages(site.key, pages);
  // the analysis knows about JS shells too (e.g. a rendered page that is still thin)
  const needsRendering = [...new Set([...crawl.needsRendering, ...analysis.documents.filter((d) => d.needsRendering && !ctx.renderer).map((d) => d.source)])];
  const errors: SiteVisitRecord['errors'] = [...crawl.errors];
  if (ctx.renderer) {
    for (const doc of analysis.documents) {
      if (!doc.findings.some((f) => f.severity === 'high')) continue;
      const rec = pageRecords.find((p) => p.url === doc.source);
      if (!rec) continue;
      const file = screenshotPath(cfg.data, sweep.id, rec.url);
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await ctx.politeness.run(rec.url, () => ctx.renderer!.screenshot(rec.url, file), ctx.signal);
        rec.screenshot = path.relative(cfg.data, file).split(path.sep).join('/');
      } catch (err) {
        errors.push({ url: rec.url, kind: 'screenshot', message: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  const now = new Date().toISOString();
  const fetched = new Map(pageRecords.map((p) => [p.url, p.fetchedAt]));
  const findings = findingRecords(sweep.id, analysis, (url) => fetched.get(url) ?? now);
  const title = pageRecords.find((p) => p.title)?.title;
  await ctx.store.recordSite(sweep.id, {
    site: { key: site.key, names: title ? [title] : [], type: analysis.siteType, firstSeen: now, lastSeen: now },
    visit: visitRecord(sweep.id, analysis, { pages: crawl.pages, rendered: crawl.rendered, errors, needsRendering }),
    pages: pageRecords,
    findings,
  });
  return { pages: crawl.pages, findings: findings.length, errors: errors.length };
}

export async function runSweep(run: SweepRun): Promise<SweepSummary> {
  const cfg = run.config;
  const started = Date.now();
  const store = await openStore(cfg.data);
  for (const note of store.notes) run.progress.log(`store: ${note}`);
  let renderer: Renderer | undefined;
  let pool: AnalysisPool | undefined;
  let sweep: SweepRecord | undefined;
  try {
    const analyzer = await createAnalyzer(run.dictionariesDir ? { dictionariesDir: run.dictionariesDir } : {});
    let plan: DiscoveredSite[] | undefined;
    if (run.resume) {
      sweep = store.resumableSweep();
      if (!sweep) throw new SweepError(`nothing to resume in ${store.dir}: no interrupted sweep (start a new one without --resume)`);
      run.progress.log(`resuming sweep ${sweep.id}: ${sweep.doneSites.length} of ${sweep.plannedSites.length} sites already done`);
      plan = await readPlan(cfg.data, sweep.id);
    }
    if (!plan) {
      const found = await discoverSites(cfg, run);
      plan = found.sites;
      if (found.skipped.length) run.progress.log(`discovery: skipped ${found.skipped.length} sites on the skip list`);
      sweep ??= store.startSweep({ configDigest: configDigest(cfg), dictionaryVersion: analyzer.dictionaryVersion, plannedSites: plan.map((s) => s.key) });
      await writePlan(cfg.data, sweep.id, plan);
      await store.addSearchHits(
        found.searches.map((s) => ({
          sweep: sweep!.id,
          provider: s.provider,
          query: s.query,
          date: s.date,
          results: s.results,
          ...(s.totalHits !== undefined ? { totalHits: s.totalHits } : {}),
          ...(s.error ? { error: s.error } : {}),
        })),
      );
    }
    const current = sweep!;

    let browser: string | undefined;
    if (cfg.render !== 'never') {
      browser = findChromium(run.env ?? process.env);
      if (browser) renderer = new Renderer({ executablePath: browser, allowPrivate: cfg.allowPrivate, userAgent: agentOf(cfg) });
      else run.progress.log('render: no Chromium found (set EXOSCAN_CHROMIUM or install chromium): pages that need JavaScript are analyzed from their static HTML and listed as needing rendering');
    }

    const done = new Set(current.doneSites);
    const todo = plan.filter((s) => !done.has(s.key));
    const counts = { sitesDone: done.size, sitesTotal: plan.length, pages: 0, findings: 0, errors: 0 };
    run.progress.start(plan.length);
    run.progress.update(counts);
    pool = createAnalysisPool({
      workers: cfg.workers ?? defaultWorkers(),
      analyzer,
      ...(run.dictionariesDir ? { dictionariesDir: run.dictionariesDir } : {}),
      onWorkerLost: (why) => run.progress.log(`${why}: its pages are read and analyzed on the main thread`),
    });
    const ctx: SiteContext = {
      cfg,
      store,
      sweep: current,
      pool,
      politeness: new Politeness({ concurrency: cfg.concurrency, delayMs: cfg.delayMs }),
      renderer,
      signal: run.signal,
    };
    const queue = new PQueue({ concurrency: cfg.concurrency });
    let failure: unknown;
    // A site frees its crawl slot once fetched: the next site starts fetching
    // while this one is analyzed and stored. At most `concurrency` sites wait
    // for that, so memory stays bounded.
    const finishing = new Set<Promise<void>>();
    for (const site of todo) {
      queue
        .add(async () => {
          if (run.signal?.aborted || failure) return;
          const crawled = await crawlForSite(ctx, site);
          if (!crawled) return;
          const finished: Promise<void> = finishSite(ctx, site, crawled)
            .then((r) => {
              counts.sitesDone += 1;
              counts.pages += r.pages;
              counts.findings += r.findings;
              counts.errors += r.errors;
              run.progress.update(counts, `${site.key}: ${r.pages} pages, ${r.findings} findings${r.errors ? `, ${r.errors} errors` : ''}`);
            })
            .catch((err: unknown) => {
              failure ??= err;
            })
            .finally(() => finishing.delete(finished));
          finishing.add(finished);
          while (finishing.size > cfg.concurrency) await Promise.race(finishing);
        })
        .catch((err: unknown) => {
          // a failure of our own (disk full, store error) stops the sweep; site faults never reach here
          failure ??= err;
        });
    }
    await queue.onIdle();
    await Promise.all(finishing);
    run.progress.stop();
    if (failure) throw failure;
    const interrupted = run.signal?.aborted === true;
    await store.finishSweep(current.id, interrupted ? 'interrupted' : 'finished');
    return sweepSummary(store.data, current.id, { durationMs: Date.now() - started, browser });
  } catch (err) {
    run.progress.stop();
    if (sweep) await store.finishSweep(sweep.id, 'interrupted').catch(() => undefined);
    throw err;
  } finally {
    await renderer?.close();
    await pool?.close();
    await store.close();
  }
}
