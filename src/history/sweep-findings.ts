// The findings of one sweep, each with the site's type in that sweep: the common
// input of the site list, the findings export and the diff.
import type { SiteType } from '../model.ts';
import type { Database, FindingRecord } from '../store/records.ts';
import { latestTriage, statusOf } from './triage.ts';

export interface TypedFinding extends FindingRecord {
  siteType: SiteType;
}

/** Site type per site key as judged in the sweep (visit), else as last stored. */
export function siteTypesIn(db: Database, sweepId: string): Map<string, SiteType> {
  const types = new Map<string, SiteType>(db.sites.map((s) => [s.key, s.type]));
  for (const v of db.visits) if (v.sweep === sweepId) types.set(v.site, v.type);
  return types;
}

export function findingsOfSweep(db: Database, sweepId: string): TypedFinding[] {
  const types = siteTypesIn(db, sweepId);
  return db.findings
    .filter((f) => f.sweep === sweepId)
    .map((f) => ({ ...f, siteType: types.get(f.site) ?? 'media' }));
}

/** The findings that count in lists, diffs and trends: those staff have not ruled out as false positives. */
export function countedFindings(db: Database, sweepId: string): TypedFinding[] {
  const triage = latestTriage(db);
  return findingsOfSweep(db, sweepId).filter((f) => statusOf(triage, f.fingerprint) !== 'false-positive');
}
