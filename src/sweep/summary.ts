// The end-of-sweep summary, built from what the store holds for the sweep, so
// a resumed sweep reports all its sites, not only those of the last run.
import { CATEGORIES } from '../model.ts';
import type { Category, DisclosureItem, Severity, SiteType } from '../model.ts';
import type { Database } from '../store/records.ts';

export interface SweepSummary {
  sweep: string;
  status: string;
  sites: {
    site: string;
    type: SiteType;
    pages: number;
    rendered: number;
    errors: { url: string; kind: string; message: string }[];
    needsRendering: string[];
    disclosuresMissing: DisclosureItem[];
    findings: { category: Category; rule: string; severity: Severity; url: string; sentence: string; match: string; fingerprint: string }[];
  }[];
  totals: {
    sites: number;
    pages: number;
    rendered: number;
    findings: number;
    errorsByKind: Record<string, number>;
    findingsByCategory: Record<Category, number>;
    needsRendering: number;
  };
  searches: { provider: string; query: string; totalHits?: number; results: number; error?: string }[];
  browser: string | null;
  durationMs: number;
}

export function sweepSummary(db: Readonly<Database>, sweepId: string, run: { durationMs: number; browser: string | undefined }): SweepSummary {
  const sweep = db.sweeps.find((s) => s.id === sweepId);
  const visits = db.visits.filter((v) => v.sweep === sweepId);
  const findings = db.findings.filter((f) => f.sweep === sweepId);
  const errorsByKind: Record<string, number> = {};
  for (const v of visits) for (const e of v.errors) errorsByKind[e.kind] = (errorsByKind[e.kind] ?? 0) + 1;
  const findingsByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, findings.filter((f) => f.category === c).length])) as Record<Category, number>;
  return {
    sweep: sweepId,
    status: sweep?.status ?? 'unknown',
    sites: visits.map((v) => ({
      site: v.site,
      type: v.type,
      pages: v.pages,
      rendered: v.rendered,
      errors: v.errors,
      needsRendering: v.needsRendering,
      disclosuresMissing: v.disclosuresMissing,
      findings: findings
        .filter((f) => f.site === v.site)
        .map((f) => ({ category: f.category, rule: f.rule, severity: f.severity, url: f.url, sentence: f.sentence, match: f.match, fingerprint: f.fingerprint })),
    })),
    totals: {
      sites: visits.length,
      pages: visits.reduce((n, v) => n + v.pages, 0),
      rendered: visits.reduce((n, v) => n + v.rendered, 0),
      findings: findings.length,
      errorsByKind,
      findingsByCategory,
      needsRendering: visits.reduce((n, v) => n + v.needsRendering.length, 0),
    },
    searches: db.searchHits
      .filter((h) => h.sweep === sweepId)
      .map((h) => ({ provider: h.provider, query: h.query, results: h.results.length, ...(h.totalHits !== undefined ? { totalHits: h.totalHits } : {}), ...(h.error ? { error: h.error } : {}) })),
    browser: run.browser ?? null,
    durationMs: run.durationMs,
  };
}
