// The worker side of analysis-pool.ts: reads pages and analyzes sites off the
// sweep's main thread, with its own analyzer on the same dictionaries.
import { parentPort, workerData } from 'node:worker_threads';
import { readPage } from '../extract/read-page.ts';
import { createAnalyzer } from './analyzer.ts';
import { analyzeSitePages } from './site-pages.ts';
import type { WorkerReply, WorkerRequest } from './analysis-pool.ts';

const { dictionariesDir } = workerData as { dictionariesDir?: string };
const analyzer = createAnalyzer(dictionariesDir ? { dictionariesDir } : {});
// a failed load is answered per request; keep it from surfacing as unhandled
analyzer.catch(() => undefined);

async function answer(req: WorkerRequest): Promise<unknown> {
  if (req.kind === 'read') return readPage(req.body, req.contentType, req.url);
  return analyzeSitePages(await analyzer, req.site, req.pages);
}

parentPort!.on('message', (req: WorkerRequest) => {
  answer(req).then(
    (value) => parentPort!.postMessage({ id: req.id, value } satisfies WorkerReply),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      parentPort!.postMessage({ id: req.id, error: { name: e.name, message: e.message } } satisfies WorkerReply);
    },
  );
});
