// What changed between two sweeps (issue 4, `exoscan diff`): claims are matched by
// fingerprint, so a reworded sentence shows as one removed and one added claim.
import { CATEGORIES, FLAGGABLE_SITE_TYPES, type Category, type SiteType } from '../model.ts';
import type { Database } from '../store/records.ts';
import { countedFindings, type TypedFinding } from './sweep-findings.ts';
import { lastTwoSweeps, resolveSweep } from './sweeps.ts';

export type DiffFinding = Pick<TypedFinding, 'category' | 'rule' | 'severity' | 'url' | 'sentence' | 'match' | 'start' | 'end' | 'fingerprint' | 'disclosure'>;

export interface DiffSite {
  site: string;
  type: SiteType;
  /** For new sites: whether the site was visited at all in the older sweep. For gone sites: in the newer one. */
  visitedInOther: boolean;
  findings: DiffFinding[];
}

export interface ChangedSite {
  site: string;
  type: SiteType;
  added: DiffFinding[];
  removed: DiffFinding[];
}

export interface SweepDiff {
  from: string;
  to: string;
  /** Flagged in `to`, not in `from`. */
  newSites: DiffSite[];
  /** Flagged in `from`, not in `to`. */
  goneSites: DiffSite[];
  /** Flagged in both, with claims added and/or removed. */
  changedSites: ChangedSite[];
  /** Claims added / removed per category, over all three groups. */
  byCategory: Record<Category, { added: number; removed: number }>;
}

function toDiffFinding(f: TypedFinding): DiffFinding {
  const { category, rule, severity, url, sentence, match, start, end, fingerprint, disclosure } = f;
  return { category, rule, severity, url, sentence, match, start, end, fingerprint, ...(disclosure ? { disclosure } : {}) };
}

const categoryIndex = new Map(CATEGORIES.map((c, i) => [c, i]));
function byCategory(a: DiffFinding, b: DiffFinding): number {
  return categoryIndex.get(a.category)! - categoryIndex.get(b.category)! || a.sentence.localeCompare(b.sentence);
}

/** Flagged sites of a sweep (clinic and seller) → their findings, one per fingerprint; ruled-out findings left out. */
function flaggedFindings(db: Database, sweepId: string): Map<string, Map<string, TypedFinding>> {
  const sites = new Map<string, Map<string, TypedFinding>>();
  for (const f of countedFindings(db, sweepId)) {
    if (!FLAGGABLE_SITE_TYPES.includes(f.siteType)) continue;
    const byPrint = sites.get(f.site) ?? new Map<string, TypedFinding>();
    if (!byPrint.has(f.fingerprint)) byPrint.set(f.fingerprint, f);
    sites.set(f.site, byPrint);
  }
  return sites;
}

/** Compare sweep `a` (older) with `b` (newer); both default to the last two sweeps. */
export function diffSweeps(db: Database, a?: string, b?: string): SweepDiff {
  const [from, to] =
    a === undefined && b === undefined
      ? lastTwoSweeps(db).map((s) => s.id)
      : [resolveSweep(db, a).id, resolveSweep(db, b).id];
  if (from === to) throw new Error(`diff needs two different sweeps (got "${from}" twice)`);
  const before = flaggedFindings(db, from!);
  const after = flaggedFindings(db, to!);
  const visited = (sweep: string) => new Set(db.visits.filter((v) => v.sweep === sweep).map((v) => v.site));
  const visitedBefore = visited(from!);
  const visitedAfter = visited(to!);
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { added: 0, removed: 0 }])) as SweepDiff['byCategory'];
  const list = (m: Map<string, TypedFinding>) => [...m.values()].map(toDiffFinding).sort(byCategory);

  const result: SweepDiff = { from: from!, to: to!, newSites: [], goneSites: [], changedSites: [], byCategory: counts };
  for (const [site, findings] of after) {
    const old = before.get(site);
    const type = [...findings.values()][0]!.siteType;
    if (!old) {
      const all = list(findings);
      for (const f of all) counts[f.category].added++;
      result.newSites.push({ site, type, visitedInOther: visitedBefore.has(site), findings: all });
      continue;
    }
    const added = list(new Map([...findings].filter(([fp]) => !old.has(fp))));
    const removed = list(new Map([...old].filter(([fp]) => !findings.has(fp))));
    for (const f of added) counts[f.category].added++;
    for (const f of removed) counts[f.category].removed++;
    if (added.length || removed.length) result.changedSites.push({ site, type, added, removed });
  }
  for (const [site, findings] of before) {
    if (after.has(site)) continue;
    const all = list(findings);
    for (const f of all) counts[f.category].removed++;
    const type = [...findings.values()][0]!.siteType;
    result.goneSites.push({ site, type, visitedInOther: visitedAfter.has(site), findings: all });
  }
  const bySite = (x: { site: string }, y: { site: string }) => x.site.localeCompare(y.site);
  result.newSites.sort(bySite);
  result.goneSites.sort(bySite);
  result.changedSites.sort(bySite);
  return result;
}
