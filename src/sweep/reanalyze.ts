// Re-run today's dictionaries on a stored sweep: snapshots only, no network.
// Staff use it after a dictionary change to see what the new rules find in
// pages already collected.
import { createAnalyzer } from '../analyze/analyzer.ts';
import { analyzeSitePages } from '../analyze/site-pages.ts';
import type { SitePage } from '../analyze/site-pages.ts';
import { extractPage } from '../extract/blocks.ts';
import { decodeBody } from '../extract/decode.ts';
import type { FindingRecord, SiteVisitRecord } from '../store/records.ts';
import { readSnapshot } from '../store/snapshots.ts';
import { openStore } from '../store/store.ts';
import type { Progress } from './progress.ts';
import { SweepError } from './run-sweep.ts';
import { findingRecords } from './site-records.ts';
import { sweepSummary } from './summary.ts';
import type { SweepSummary } from './summary.ts';

export interface ReanalyzeRun {
  data: string;
  /** A sweep id, or `latest`. */
  sweep: string;
  progress: Progress;
  dictionariesDir?: string;
}

export async function reanalyzeSweep(run: ReanalyzeRun): Promise<SweepSummary & { before: number; after: number }> {
  const started = Date.now();
  const store = await openStore(run.data);
  try {
    const sweeps = store.data.sweeps;
    const sweep = run.sweep === 'latest' ? sweeps.at(-1) : sweeps.find((s) => s.id === run.sweep);
    if (!sweep) {
      const known = sweeps.map((s) => s.id).slice(-5).join(', ') || 'none';
      throw new SweepError(`no sweep ${run.sweep} in ${store.dir} (latest: ${known})`);
    }
    const analyzer = await createAnalyzer(run.dictionariesDir ? { dictionariesDir: run.dictionariesDir } : {});
    const visits = store.data.visits.filter((v) => v.sweep === sweep.id);
    const before = store.data.findings.filter((f) => f.sweep === sweep.id).length;
    const findings: FindingRecord[] = [];
    const newVisits: SiteVisitRecord[] = [];
    run.progress.start(visits.length);
    let done = 0;
    for (const visit of visits) {
      const records = store.data.pages.filter((p) => p.sweep === sweep.id && p.site === visit.site);
      const pages: SitePage[] = [];
      for (const rec of records) {
        try {
          const snap = await readSnapshot(store.dir, rec.snapshot);
          const contentType = snap.charset ? `text/html; charset=${snap.charset}` : snap.headers['content-type'];
          pages.push({ page: extractPage(decodeBody(snap.body, contentType).text, rec.url), source: rec.url, url: rec.url });
        } catch (err) {
          run.progress.log(`reanalyze: ${rec.url}: snapshot unreadable, page left out: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const analysis = await analyzeSitePages(analyzer, visit.site, pages);
      const fetched = new Map(records.map((p) => [p.url, p.fetchedAt]));
      const siteFindings = findingRecords(sweep.id, analysis, (url) => fetched.get(url) ?? sweep.started);
      findings.push(...siteFindings);
      newVisits.push({ ...visit, type: analysis.siteType, offersEv: analysis.offersEv, disclosuresMissing: analysis.disclosuresMissing });
      done += 1;
      run.progress.update(
        { sitesDone: done, sitesTotal: visits.length, pages: pages.length, findings: findings.length, errors: 0 },
        `${visit.site}: ${siteFindings.length} findings`,
      );
    }
    run.progress.stop();
    await store.replaceFindings(sweep.id, findings, newVisits);
    const summary = sweepSummary(store.data, sweep.id, { durationMs: Date.now() - started, browser: undefined });
    return { ...summary, before, after: findings.length };
  } finally {
    await store.close();
  }
}
