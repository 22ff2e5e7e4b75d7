// The flagged-site list: what staff act on after a sweep (issue 4, `exoscan sites`).
import {
  CATEGORIES,
  FLAGGABLE_SITE_TYPES,
  SEVERITY_RANK,
  type Category,
  type Severity,
  type SiteType,
} from '../model.ts';
import type { Database, FindingRecord, TriageStatus } from '../store/records.ts';
import { countedFindings, type TypedFinding } from './sweep-findings.ts';
import { resolveSweep } from './sweeps.ts';
import { latestTriage, siteTarget } from './triage.ts';

export interface SiteFilter {
  /** Only sites with at least one finding of this category. */
  category?: Category;
  /** Only sites with a finding of at least this severity (in `category`, when given). */
  severity?: Severity;
  /** Site type; without it the list holds clinic and seller sites only (claims.md). */
  type?: SiteType;
  /** Site-level triage status. */
  status?: TriageStatus;
  /** Sweep id; default the latest finished sweep. */
  sweep?: string;
}

export type Evidence = Pick<FindingRecord, 'category' | 'rule' | 'severity' | 'url' | 'sentence' | 'match' | 'start' | 'end' | 'seen' | 'fingerprint'>;

export interface FlaggedSiteRow {
  site: string;
  names: string[];
  type: SiteType;
  counts: Record<Category, number>;
  highestSeverity: Severity;
  firstSeen: string;
  lastSeen: string;
  status: TriageStatus;
  note?: string;
  topEvidence: Evidence;
  findingCount: number;
}

export function emptyCounts(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

/** Highest severity first; then a sentence claim over a missing-disclosure item; then most recent. */
export function compareEvidence(a: TypedFinding | Evidence, b: TypedFinding | Evidence): number {
  const bySeverity = SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
  if (bySeverity) return bySeverity;
  const bySentence = Number(a.category === 'missing-disclosure') - Number(b.category === 'missing-disclosure');
  return bySentence || b.seen.localeCompare(a.seen);
}

function toEvidence(f: TypedFinding): Evidence {
  const { category, rule, severity, url, sentence, match, start, end, seen, fingerprint } = f;
  return { category, rule, severity, url, sentence, match, start, end, seen, fingerprint };
}

/**
 * One row per site with findings in the sweep. Findings triaged as false positives
 * do not count: staff have ruled them out.
 */
export function flaggedSites(db: Database, filter: SiteFilter = {}): FlaggedSiteRow[] {
  const sweep = resolveSweep(db, filter.sweep);
  const triage = latestTriage(db);
  const bySite = new Map<string, TypedFinding[]>();
  for (const f of countedFindings(db, sweep.id)) {
    const list = bySite.get(f.site) ?? [];
    list.push(f);
    bySite.set(f.site, list);
  }
  const siteRecords = new Map(db.sites.map((s) => [s.key, s]));
  const rows: FlaggedSiteRow[] = [];
  for (const [site, findings] of bySite) {
    const type = findings[0]!.siteType;
    if (filter.type ? type !== filter.type : !FLAGGABLE_SITE_TYPES.includes(type)) continue;
    const matching = findings.filter(
      (f) =>
        (!filter.category || f.category === filter.category) &&
        (!filter.severity || SEVERITY_RANK[f.severity] >= SEVERITY_RANK[filter.severity]),
    );
    if (matching.length === 0) continue;
    const siteTriage = triage.get(siteTarget(site));
    const status = siteTriage?.status ?? 'new';
    if (filter.status && status !== filter.status) continue;
    const counts = emptyCounts();
    for (const f of findings) counts[f.category]++;
    const top = [...findings].sort(compareEvidence)[0]!;
    const seenDates = findings.map((f) => f.seen).sort();
    const record = siteRecords.get(site);
    rows.push({
      site,
      names: record?.names ?? [],
      type,
      counts,
      highestSeverity: top.severity,
      firstSeen: record?.firstSeen ?? seenDates[0]!,
      lastSeen: record?.lastSeen ?? seenDates.at(-1)!,
      status,
      ...(siteTriage?.note ? { note: siteTriage.note } : {}),
      topEvidence: toEvidence(top),
      findingCount: findings.length,
    });
  }
  return rows.sort(
    (a, b) =>
      SEVERITY_RANK[b.highestSeverity] - SEVERITY_RANK[a.highestSeverity] ||
      b.findingCount - a.findingCount ||
      a.site.localeCompare(b.site),
  );
}
