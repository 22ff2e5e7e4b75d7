// Triage is an append-only log in the store; the status in force is the latest entry per target.
import type { Database, TriageRecord, TriageStatus } from '../store/records.ts';

/** The triage target of a whole site. */
export function siteTarget(siteKey: string): string {
  return `site:${siteKey}`;
}

/** Latest triage record per target (by date; on equal dates the later entry wins). */
export function latestTriage(db: Database): Map<string, TriageRecord> {
  const latest = new Map<string, TriageRecord>();
  for (const rec of db.triage) {
    const prev = latest.get(rec.target);
    if (!prev || rec.date >= prev.date) latest.set(rec.target, rec);
  }
  return latest;
}

export function statusOf(triage: Map<string, TriageRecord>, target: string): TriageStatus {
  return triage.get(target)?.status ?? 'new';
}
