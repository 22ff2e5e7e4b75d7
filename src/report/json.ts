// The export as one value: what `export --format json` prints and what the
// XLSX workbook is built from.
import { findingRows, type FindingRow } from '../history/findings.ts';
import { flaggedSites, type FlaggedSiteRow, type SiteFilter } from '../history/sites.ts';
import { resolveSweep } from '../history/sweeps.ts';
import { trends, type Trends } from '../history/trends.ts';
import type { Database } from '../store/records.ts';

export interface ExportData {
  sweep: string;
  sites: FlaggedSiteRow[];
  findings: FindingRow[];
  trends: Trends;
}

export function buildExport(db: Database, filter: SiteFilter = {}): ExportData {
  const sweep = resolveSweep(db, filter.sweep).id;
  const scoped = { ...filter, sweep };
  return { sweep, sites: flaggedSites(db, scoped), findings: findingRows(db, scoped), trends: trends(db) };
}

export function toJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
