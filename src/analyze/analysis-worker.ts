// The worker side of analysis-pool.ts: reads pages and analyzes them off the
// sweep's main thread, with its own analyzer on the same dictionaries.
import { parentPort, workerData } from 'node:worker_threads';
import { readPage } from '../extract/read-page.ts';
import { createAnalyzer } from './analyzer.ts';
import type { WorkerReply, WorkerRequest } from './analysis-pool.ts';

const { dictionariesDir } = workerData as { dictionariesDir?: string };
const analyzer = createAnalyzer(dictionariesDir ? { dictionariesDir } : {});
// a failed load is answered per request; keep it from surfacing as unhandled
analyzer.catch(() => undefined);

async function answer(req: WorkerRequest): Promise<unknown> {
  if (req.kind === 'read') return readPage(req.body, req.contentType, req.url);
  return (await analyzer).analyzeBlocks(req.blocks, req.source, req.opts);
}

// A read holds up a site's crawl (its links pick the next page); an analysis
// holds up nothing but the site's record. So reads go first: requests queue
// here and are taken one at a time, letting new messages arrive in between.
const reads: WorkerRequest[] = [];
const analyses: WorkerRequest[] = [];
let scheduled = false;

function schedule(): void {
  if (scheduled || (reads.length === 0 && analyses.length === 0)) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    const req = reads.shift() ?? analyses.shift()!;
    answer(req)
      .then(
        (value) => parentPort!.postMessage({ id: req.id, value } satisfies WorkerReply),
        (err: unknown) => {
          const e = err instanceof Error ? err : new Error(String(err));
          parentPort!.postMessage({ id: req.id, error: { name: e.name, message: e.message } } satisfies WorkerReply);
        },
      )
      .finally(schedule);
  });
}

parentPort!.on('message', (req: WorkerRequest) => {
  (req.kind === 'read' ? reads : analyses).push(req);
  schedule();
});
