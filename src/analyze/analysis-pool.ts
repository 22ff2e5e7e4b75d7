// Page reading (decode + extract) and site analysis on worker threads, so a
// sweep's main thread only fetches, stores and schedules: on a site's last
// page the other sites keep fetching while it is analyzed. Same code, same
// dictionaries, same answers as in this thread; with 0 workers (or when no
// worker can start) everything runs here.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UndecodableError } from '../extract/decode.ts';
import { readPageHere } from '../extract/read-page.ts';
import type { PageReader, ReadPage } from '../extract/read-page.ts';
import type { Block, DocumentAnalysis, SiteAnalysis } from '../model.ts';
import type { AnalyzeOptions, Analyzer } from './analyzer.ts';
import { analyzeSitePages } from './site-pages.ts';
import type { SitePage } from './site-pages.ts';

export type WorkerRequest =
  | { id: number; kind: 'read'; body: Uint8Array; contentType: string | null | undefined; url: string }
  | { id: number; kind: 'page'; blocks: Block[]; source: string; opts: AnalyzeOptions & { title?: string } };

export type WorkerReply = { id: number; value: unknown } | { id: number; error: { name: string; message: string } };

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export interface AnalysisPool {
  /** Worker threads in use (0: all in this thread). */
  readonly workers: number;
  readPage: PageReader;
  analyzeSitePages(site: string, pages: SitePage[]): Promise<SiteAnalysis>;
  close(): Promise<void>;
}

/** One worker fewer than the cores (the main thread fetches and stores), at most 4. */
export function defaultWorkers(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

/**
 * tsx's ESM API (the `import` side of its `./esm/api` export): a worker
 * registers it first, like bin/exoscan.js, to run the TypeScript sources.
 * (`--import tsx` in execArgv does not reach a worker's loader on Node 20.)
 */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), pkg.exports['./esm/api']!.import.default)).href;
}

function spawn(dictionariesDir: string | undefined): Worker {
  const entry = new URL('./analysis-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: { dictionariesDir } });
}

function errorOf(e: { name: string; message: string }): Error {
  if (e.name === 'UndecodableError') return new UndecodableError(e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

export function createAnalysisPool(opts: { workers: number; analyzer: Analyzer; dictionariesDir?: string; onWorkerLost?: (why: string) => void }): AnalysisPool {
  const here = {
    readPage: readPageHere,
    analyzeSitePages: (site: string, pages: SitePage[]) => analyzeSitePages(opts.analyzer, site, pages),
  };
  if (opts.workers <= 0) return { workers: 0, ...here, close: async () => undefined };

  const pending = new Map<number, Pending>();
  const load = new Map<Worker, Set<number>>();
  let nextId = 1;
  let closing = false;
  const lose = (w: Worker, why: string) => {
    const ids = load.get(w);
    if (!ids) return;
    load.delete(w);
    // what it had in hand is redone in this thread: nothing is lost
    for (const id of ids) {
      pending.get(id)?.reject(new WorkerLost(why));
      pending.delete(id);
    }
    if (!closing) opts.onWorkerLost?.(why);
  };
  for (let i = 0; i < opts.workers; i++) {
    let w: Worker;
    try {
      w = spawn(opts.dictionariesDir);
    } catch (err) {
      opts.onWorkerLost?.(`cannot start an analysis worker: ${err instanceof Error ? err.message : String(err)}`);
      break;
    }
    load.set(w, new Set());
    w.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      const ids = load.get(w);
      ids?.delete(reply.id);
      if (ids?.size === 0) w.unref();
      if ('error' in reply) p.reject(errorOf(reply.error));
      else p.resolve(reply.value);
    });
    w.on('error', (err) => lose(w, `analysis worker failed: ${err.message}`));
    w.on('exit', (code) => lose(w, `analysis worker exited (code ${code})`));
    // a worker keeps the process alive only while it has work in hand
    w.unref();
  }

  const call = <T>(make: (id: number) => WorkerRequest, fallback: () => Promise<T>): Promise<T> => {
    // the least busy worker
    let best: Worker | undefined;
    for (const [w, ids] of load) if (!best || ids.size < load.get(best)!.size) best = w;
    if (!best) return fallback();
    const id = nextId++;
    const ids = load.get(best)!;
    ids.add(id);
    if (ids.size === 1) best.ref();
    const answer = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    best.postMessage(make(id));
    return answer.catch((err: unknown) => {
      if (err instanceof WorkerLost) return fallback();
      throw err;
    });
  };

  return {
    get workers() {
      return load.size;
    },
    readPage: (body, contentType, url) =>
      call<ReadPage>(
        (id) => ({ id, kind: 'read', body, contentType, url }),
        () => here.readPage(body, contentType, url),
      ),
    // The site-level steps are cheap and run here; each page goes to a
    // worker on its own, so pages of other sites are read in between.
    analyzeSitePages: (site, pages) =>
      analyzeSitePages(
        {
          analyzeBlocks: (blocks, source, o = {}) =>
            call<DocumentAnalysis>(
              (id) => ({ id, kind: 'page', blocks, source, opts: o }),
              () => opts.analyzer.analyzeBlocks(blocks, source, o),
            ),
        },
        site,
        pages,
      ),
    async close() {
      closing = true;
      await Promise.all([...load.keys()].map((w) => w.terminate()));
    },
  };
}

class WorkerLost extends Error {}
