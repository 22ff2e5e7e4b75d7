// Which sweep a query is about: listings default to the latest finished sweep,
// because a running or killed sweep holds only part of the sites.
import type { Database, SweepRecord } from '../store/records.ts';

/** Sweeps oldest first (ids are sortable; `started` breaks nothing when ids are odd). */
export function sweepsInOrder(db: Database): SweepRecord[] {
  return [...db.sweeps].sort((a, b) => a.started.localeCompare(b.started) || a.id.localeCompare(b.id));
}

/** The named sweep, or the latest finished one (the latest of any status if none finished). */
export function resolveSweep(db: Database, id?: string): SweepRecord {
  const ordered = sweepsInOrder(db);
  if (id !== undefined) {
    const found = ordered.find((s) => s.id === id);
    if (!found) throw new Error(`unknown sweep "${id}" (known: ${ordered.map((s) => s.id).join(', ') || 'none'})`);
    return found;
  }
  const latest = ordered.filter((s) => s.status === 'finished').at(-1) ?? ordered.at(-1);
  if (!latest) throw new Error('the store holds no sweep yet: run `exoscan sweep` first');
  return latest;
}

/** The two sweeps a diff compares by default: the last two finished ones, else the last two. */
export function lastTwoSweeps(db: Database): [SweepRecord, SweepRecord] {
  const ordered = sweepsInOrder(db);
  const finished = ordered.filter((s) => s.status === 'finished');
  const pool = finished.length >= 2 ? finished : ordered;
  const [a, b] = pool.slice(-2);
  if (!a || !b) throw new Error(`a diff needs two sweeps; the store holds ${ordered.length}`);
  return [a, b];
}
