// `exoscan report`: a static HTML report that opens from disk, with no server and no network.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SITE_TYPES } from '../../model.ts';
import { findingRows, type FindingRow } from '../../history/findings.ts';
import { flaggedSites } from '../../history/sites.ts';
import { countedFindings } from '../../history/sweep-findings.ts';
import { resolveSweep, sweepsInOrder } from '../../history/sweeps.ts';
import { trends } from '../../history/trends.ts';
import type { Database, PageRecord } from '../../store/records.ts';
import { indexBody } from './index-page.ts';
import { page } from './layout.ts';
import { dataFileHref, sitePagePath } from './paths.ts';
import { siteBody } from './site-page.ts';
import { TABLE_SCRIPT } from './table-script.ts';

export interface ReportOptions {
  /** The data dir the store lives in: screenshots and snapshots are linked relative to it. */
  dataDir: string;
  /** Sweep id; default the latest finished sweep. */
  sweep?: string;
  /** Shown on the dashboard; default now. */
  generated?: Date;
}

export async function writeReport(db: Database, outDir: string, opts: ReportOptions): Promise<{ index: string }> {
  const sweep = resolveSweep(db, opts.sweep);
  // Every site type, so the type filter can show media and authority sites too.
  const rows = SITE_TYPES.flatMap((type) => flaggedSites(db, { sweep: sweep.id, type }));
  const t = trends(db);
  const root = resolve(outDir);
  await mkdir(join(root, 'sites'), { recursive: true });

  const history = new Map<string, { sweep: string; started: string; findings: number }[]>();
  for (const s of sweepsInOrder(db)) {
    const perSite = new Map<string, number>();
    for (const f of countedFindings(db, s.id)) perSite.set(f.site, (perSite.get(f.site) ?? 0) + 1);
    for (const [site, n] of perSite) {
      const list = history.get(site) ?? [];
      list.push({ sweep: s.id, started: s.started, findings: n });
      history.set(site, list);
    }
  }

  const findingsBySite = new Map<string, FindingRow[]>();
  for (const f of SITE_TYPES.flatMap((type) => findingRows(db, { sweep: sweep.id, type }))) {
    const list = findingsBySite.get(f.site) ?? [];
    list.push(f);
    findingsBySite.set(f.site, list);
  }

  for (const row of rows) {
    const file = join(root, sitePagePath(row.site));
    const pages = new Map<string, PageRecord>();
    for (const p of db.pages) if (p.sweep === sweep.id && p.site === row.site) pages.set(p.url, p);
    const body = siteBody({
      row,
      findings: findingsBySite.get(row.site) ?? [],
      pages,
      dataHref: (stored) => dataFileHref(dirname(file), opts.dataDir, stored),
      history: history.get(row.site) ?? [],
    });
    await writeFile(file, page({ title: row.names[0] ?? row.site, body, root: '../' }));
  }

  const generated = (opts.generated ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const index = join(root, 'index.html');
  await writeFile(index, page({ title: `調査 ${sweep.id}`, body: indexBody(sweep, rows, t, generated), script: TABLE_SCRIPT, root: '' }));
  return { index };
}
