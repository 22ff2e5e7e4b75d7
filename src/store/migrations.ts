// Schema migrations, keyed by the version they upgrade from. Each one takes the
// raw parsed file of version N and returns version N + 1; they run before
// validation, so they see untyped JSON.
import { SCHEMA_VERSION } from './records.ts';

type Raw = Record<string, unknown>;

const TABLES = ['sweeps', 'sites', 'visits', 'pages', 'findings', 'searchHits', 'triage', 'trials'] as const;

export const MIGRATIONS: Record<number, (db: Raw) => Raw> = {
  // v0: the prototype's file had no schemaVersion and only the tables it used.
  0: (db) => {
    const out: Raw = { ...db, schemaVersion: 1 };
    for (const table of TABLES) out[table] ??= [];
    return out;
  },
};

/** Version of a raw file; files from before versioning count as 0. */
export function versionOf(db: Raw): number {
  return typeof db.schemaVersion === 'number' ? db.schemaVersion : 0;
}

/** Brings a raw file up to SCHEMA_VERSION, one step per version. */
export function migrate(db: Raw): Raw {
  let current = db;
  for (let v = versionOf(db); v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from schema version ${v}`);
    current = step(current);
  }
  return current;
}
