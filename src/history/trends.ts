// How claim counts move over sweeps (issue 4, `exoscan trends`), plus the two outside
// figures staff track: search-hit totals and registered clinical trials.
import { FLAGGABLE_SITE_TYPES, SITE_TYPES, type Category, type SiteType } from '../model.ts';
import type { Database, SweepRecord, TrialCountRecord } from '../store/records.ts';
import { emptyCounts } from './sites.ts';
import { countedFindings } from './sweep-findings.ts';
import { sweepsInOrder } from './sweeps.ts';

export interface SearchHitTotal {
  provider: string;
  query: string;
  /** The provider's own total-hit count (the largest reported across pages), when it gives one. */
  totalHits?: number;
  /** Result URLs received. */
  results: number;
  errors: string[];
}

/** Per sweep; findings triaged as false positives do not count. */
export interface SweepTrend {
  sweep: string;
  started: string;
  status: SweepRecord['status'];
  findingsByCategory: Record<Category, number>;
  /** Flagged (clinic and seller) sites with at least one finding of the category. */
  sitesByCategory: Record<Category, number>;
  /** Sites with at least one finding, per site type (authority should stay at 0). */
  sitesByType: Record<SiteType, number>;
  searchHits: SearchHitTotal[];
}

export interface Trends {
  sweeps: SweepTrend[];
  /** Trial counts, oldest first. */
  trials: TrialCountRecord[];
}

function searchHitTotals(db: Database, sweepId: string): SearchHitTotal[] {
  const totals = new Map<string, SearchHitTotal>();
  for (const hit of db.searchHits) {
    if (hit.sweep !== sweepId) continue;
    const key = JSON.stringify([hit.provider, hit.query]);
    const t = totals.get(key) ?? { provider: hit.provider, query: hit.query, results: 0, errors: [] };
    if (hit.totalHits !== undefined) t.totalHits = Math.max(t.totalHits ?? 0, hit.totalHits);
    t.results += hit.results.length;
    if (hit.error) t.errors.push(hit.error);
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => a.provider.localeCompare(b.provider) || a.query.localeCompare(b.query));
}

export function trends(db: Database): Trends {
  const sweeps = sweepsInOrder(db).map((sweep): SweepTrend => {
    const findingsByCategory = emptyCounts();
    const sitesByCategory = emptyCounts();
    const sitesByType = Object.fromEntries(SITE_TYPES.map((t) => [t, 0])) as Record<SiteType, number>;
    const siteCategories = new Map<string, { type: SiteType; categories: Set<Category> }>();
    for (const f of countedFindings(db, sweep.id)) {
      findingsByCategory[f.category]++;
      const entry = siteCategories.get(f.site) ?? { type: f.siteType, categories: new Set<Category>() };
      entry.categories.add(f.category);
      siteCategories.set(f.site, entry);
    }
    for (const { type, categories } of siteCategories.values()) {
      sitesByType[type]++;
      if (FLAGGABLE_SITE_TYPES.includes(type)) for (const c of categories) sitesByCategory[c]++;
    }
    return {
      sweep: sweep.id,
      started: sweep.started,
      status: sweep.status,
      findingsByCategory,
      sitesByCategory,
      sitesByType,
      searchHits: searchHitTotals(db, sweep.id),
    };
  });
  const trials = [...db.trials].sort((a, b) => a.date.localeCompare(b.date));
  return { sweeps, trials };
}
