// Finding-level rows for exports: every finding of the sweep with its site and triage.
import { FLAGGABLE_SITE_TYPES, SEVERITY_RANK, CATEGORIES } from '../model.ts';
import type { Database, TriageStatus } from '../store/records.ts';
import type { SiteFilter } from './sites.ts';
import { findingsOfSweep, type TypedFinding } from './sweep-findings.ts';
import { resolveSweep } from './sweeps.ts';
import { latestTriage, siteTarget, statusOf } from './triage.ts';

export interface FindingRow extends TypedFinding {
  siteNames: string[];
  /** Triage of this finding (its fingerprint). */
  status: TriageStatus;
  note?: string;
  /** Triage of the whole site. */
  siteStatus: TriageStatus;
}

/** Findings of the sweep, filtered like `flaggedSites` (status = site status), by site then category. */
export function findingRows(db: Database, filter: SiteFilter = {}): FindingRow[] {
  const sweep = resolveSweep(db, filter.sweep);
  const triage = latestTriage(db);
  const names = new Map(db.sites.map((s) => [s.key, s.names]));
  const categoryOrder = new Map(CATEGORIES.map((c, i) => [c, i]));
  return findingsOfSweep(db, sweep.id)
    .filter(
      (f) =>
        (filter.type ? f.siteType === filter.type : FLAGGABLE_SITE_TYPES.includes(f.siteType)) &&
        (!filter.category || f.category === filter.category) &&
        (!filter.severity || SEVERITY_RANK[f.severity] >= SEVERITY_RANK[filter.severity]) &&
        (!filter.status || statusOf(triage, siteTarget(f.site)) === filter.status),
    )
    .map((f) => {
      const own = triage.get(f.fingerprint);
      return {
        ...f,
        siteNames: names.get(f.site) ?? [],
        status: own?.status ?? 'new',
        ...(own?.note ? { note: own.note } : {}),
        siteStatus: statusOf(triage, siteTarget(f.site)),
      };
    })
    .sort(
      (a, b) =>
        a.site.localeCompare(b.site) ||
        categoryOrder.get(a.category)! - categoryOrder.get(b.category)! ||
        a.url.localeCompare(b.url) ||
        a.start - b.start,
    );
}
