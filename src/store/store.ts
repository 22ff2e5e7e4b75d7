// The exoscan database: one lowdb JSON file in the data dir. Every mutation is
// one atomic file replacement (lowdb → steno: temp file + rename), so a kill at
// any moment leaves either the old or the new state, never a torn file.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { z } from 'zod';
import { CodecError, Encoder, decode } from './codec.ts';
import { StoreCorruptError, StoreError, StoreLockedError } from './errors.ts';
import { acquireLock } from './lock.ts';
import type { HeldLock } from './lock.ts';
import { migrate, versionOf } from './migrations.ts';
import { SCHEMA_VERSION, TRIAGE_STATUSES } from './records.ts';
import type {
  Database,
  FindingRecord,
  PageRecord,
  SearchHitRecord,
  SiteRecord,
  SiteVisitRecord,
  SweepRecord,
  TriageRecord,
  TriageStatus,
  TrialCountRecord,
} from './records.ts';
import {
  databaseSchema,
  findingSchema,
  jsonPath,
  pageSchema,
  searchHitSchema,
  siteSchema,
  trialCountSchema,
  visitSchema,
} from './schema.ts';

export { StoreCorruptError, StoreError, StoreLockedError };
export { fingerprint } from './fingerprint.ts';

export const DB_FILE = 'exoscan.db.json';
export const BACKUP_SUFFIX = '.bak';

export interface OpenOptions {
  /** No lock, no writes: for commands that only read (sites, diff, trends, report). */
  readOnly?: boolean;
}

export interface SiteBatch {
  site: SiteRecord;
  visit: SiteVisitRecord;
  pages: PageRecord[];
  findings: FindingRecord[];
}

export interface Store {
  readonly dir: string;
  /** Current state (after migrations). Mutate only through the methods. */
  readonly data: Readonly<Database>;
  /** Things the user should hear about (stale lock taken over, migration done). */
  readonly notes: readonly string[];
  /** Ids sort by start time. Persisted in the background; close() retries and reports a failure. */
  startSweep(init: { configDigest: string; dictionaryVersion: string; plannedSites: string[] }): SweepRecord;
  /** The last sweep that is running (i.e. was killed, since we hold the lock) or interrupted. */
  resumableSweep(): SweepRecord | undefined;
  /** One batch per site: upserts the site, adds visit, pages and findings, marks the site done in the sweep, then persists atomically. Recording a site again replaces its earlier batch. */
  recordSite(sweepId: string, batch: SiteBatch): Promise<void>;
  /** Replace a sweep's findings (reanalyze); visits given replace those of the same site. */
  replaceFindings(sweepId: string, findings: FindingRecord[], visits?: SiteVisitRecord[]): Promise<void>;
  addSearchHits(records: SearchHitRecord[]): Promise<void>;
  finishSweep(sweepId: string, status?: 'finished' | 'interrupted'): Promise<void>;
  /** `target` is a finding fingerprint or `site:<key>`. History is kept; triageOf gives the latest. */
  setTriage(target: string, status: TriageStatus, note?: string): Promise<TriageRecord>;
  triageOf(target: string): TriageRecord | undefined;
  addTrialCount(rec: TrialCountRecord): Promise<void>;
  /** Waits for pending writes and releases the lock. */
  close(): Promise<void>;
}

export function emptyDatabase(): Database {
  return {
    schemaVersion: SCHEMA_VERSION,
    sweeps: [],
    sites: [],
    visits: [],
    pages: [],
    findings: [],
    searchHits: [],
    triage: [],
    trials: [],
  };
}

export async function openStore(dataDir: string, opts: OpenOptions = {}): Promise<Store> {
  const dir = path.resolve(dataDir);
  const readOnly = opts.readOnly ?? false;
  let lock: HeldLock | undefined;
  if (readOnly) {
    const s = await stat(dir).catch(() => undefined);
    if (!s?.isDirectory()) {
      throw new StoreError(`no exoscan data in ${dir} (no such directory): run a sweep first, or point --data at the right directory`);
    }
  } else {
    await mkdir(dir, { recursive: true });
    lock = await acquireLock(dir);
  }
  try {
    const file = path.join(dir, DB_FILE);
    const encoder = new Encoder();
    const adapter = new DataFile<Database>(file, {
      parse: parseTopLevel,
      stringify: (db) => encoder.encode(db),
    });
    const { data, existed, migratedFrom } = await load(file, adapter);
    const notes: string[] = lock?.note ? [lock.note] : [];
    const db = new Low<Database>(adapter, data);
    if (!readOnly && existed) await refreshBackup(file);
    if (migratedFrom !== undefined) {
      notes.push(`${file}: schema version ${migratedFrom} → ${SCHEMA_VERSION}${readOnly ? ' (in memory only: opened read-only)' : ''}`);
      if (!readOnly) await db.write();
    }
    return new LowStore(dir, db, readOnly, notes, lock);
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

/** lowdb treats a falsy parse result as "no file", so `null` would be replaced silently: refuse it here. */
function parseTopLevel(text: string): Database {
  const v: unknown = JSON.parse(text);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new NotAnObjectError();
  return v as Database;
}
class NotAnObjectError extends Error {}

async function load(
  file: string,
  adapter: DataFile<Database>,
): Promise<{ data: Database; existed: boolean; migratedFrom?: number }> {
  let raw: Database | null;
  try {
    raw = await adapter.read();
  } catch (e) {
    if (e instanceof SyntaxError) throw await corrupt(file, `it is not complete JSON (${e.message}); it may have been truncated`);
    if (e instanceof NotAnObjectError) throw await corrupt(file, 'its top level is not a JSON object');
    throw new StoreError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (raw === null) return { data: emptyDatabase(), existed: false };
  const version = versionOf(raw as unknown as Record<string, unknown>);
  // Before decoding: a newer file may use a format this version cannot decode.
  if (version > SCHEMA_VERSION) {
    throw new StoreError(`${file} has schema version ${version}, newer than this exoscan understands (${SCHEMA_VERSION}): upgrade exoscan`);
  }
  let rawObj: Record<string, unknown>;
  try {
    rawObj = decode(raw as unknown as Record<string, unknown>);
  } catch (e) {
    if (e instanceof CodecError) throw await corrupt(file, `${e.path} is invalid: ${e.message}`);
    throw e;
  }
  const migrated = version < SCHEMA_VERSION ? migrate(rawObj) : rawObj;
  const parsed = databaseSchema.safeParse(migrated);
  if (!parsed.success) throw await corrupt(file, describe(parsed.error));
  return { data: parsed.data, existed: true, ...(version < SCHEMA_VERSION ? { migratedFrom: version } : {}) };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the schema';
  return `the record at ${jsonPath(issue.path)} is invalid: ${issue.message}`;
}

async function corrupt(file: string, why: string): Promise<StoreCorruptError> {
  const backup = file + BACKUP_SUFFIX;
  const hasBackup = await stat(backup).then(
    () => true,
    () => false,
  );
  const recovery = hasBackup
    ? `The last good copy is at ${backup}: move the bad file aside and copy the backup to ${file}.`
    : `There is no backup (${backup} does not exist).`;
  return new StoreCorruptError(`${file} is damaged: ${why}. It was left untouched. ${recovery}`);
}

/** Copy, then rename, so the backup itself is never half-written. */
async function refreshBackup(file: string): Promise<void> {
  const tmp = `${file}${BACKUP_SUFFIX}.tmp`;
  await copyFile(file, tmp);
  await rename(tmp, file + BACKUP_SUFFIX);
}

function newSweepId(now: Date): string {
  // 2026-11-21T10-00-00Z-ab12: sortable, and safe as a directory name.
  return `${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z-${randomBytes(2).toString('hex')}`;
}

const TRIAGE_TARGET = /^(?:[0-9a-f]{16}|site:.+)$/;

class LowStore implements Store {
  readonly #db: Low<Database>;
  readonly #readOnly: boolean;
  readonly #lock: HeldLock | undefined;
  readonly #pending = new Set<Promise<unknown>>();
  #backgroundError: unknown;
  #closed = false;

  constructor(
    readonly dir: string,
    db: Low<Database>,
    readOnly: boolean,
    readonly notes: readonly string[],
    lock: HeldLock | undefined,
  ) {
    this.#db = db;
    this.#readOnly = readOnly;
    this.#lock = lock;
  }

  get data(): Readonly<Database> {
    return this.#db.data;
  }

  startSweep(init: { configDigest: string; dictionaryVersion: string; plannedSites: string[] }): SweepRecord {
    this.#assertWritable();
    const now = new Date();
    let id = newSweepId(now);
    while (this.#sweep(id)) id = newSweepId(now);
    const sweep: SweepRecord = {
      id,
      started: now.toISOString(),
      status: 'running',
      configDigest: init.configDigest,
      dictionaryVersion: init.dictionaryVersion,
      plannedSites: [...init.plannedSites],
      doneSites: [],
    };
    this.#db.data.sweeps.push(sweep);
    this.#commit().catch((e: unknown) => {
      this.#backgroundError ??= e;
    });
    return sweep;
  }

  resumableSweep(): SweepRecord | undefined {
    return this.#db.data.sweeps.findLast((s) => s.status === 'running' || s.status === 'interrupted');
  }

  async recordSite(sweepId: string, batch: SiteBatch): Promise<void> {
    this.#assertWritable();
    const sweep = this.#requireSweep(sweepId);
    const key = batch.site.key;
    // Validated copies: stored records must not change behind the store's back.
    const site = check(siteSchema, batch.site, 'site');
    const visit = check(visitSchema, batch.visit, 'visit');
    const pages = batch.pages.map((p, i) => check(pageSchema, p, `pages[${i}]`));
    const findings = batch.findings.map((f, i) => check(findingSchema, f, `findings[${i}]`));
    for (const rec of [visit, ...pages, ...findings]) {
      if (rec.sweep !== sweepId || rec.site !== key) {
        throw new StoreError(`recordSite(${sweepId}, ${key}): got a record for sweep ${rec.sweep}, site ${rec.site}`);
      }
    }
    const data = this.#db.data;
    this.#upsertSite(site);
    if (sweep.doneSites.includes(key)) {
      // Recorded before (e.g. re-crawled on resume): the new batch replaces the old.
      const other = (r: { sweep: string; site: string }) => r.sweep !== sweepId || r.site !== key;
      data.visits = data.visits.filter(other);
      data.pages = data.pages.filter(other);
      data.findings = data.findings.filter(other);
    } else {
      sweep.doneSites.push(key);
    }
    data.visits.push(visit);
    for (const p of pages) data.pages.push(p);
    for (const f of findings) data.findings.push(f);
    await this.#commit();
  }

  async replaceFindings(sweepId: string, newFindings: FindingRecord[], newVisits: SiteVisitRecord[] = []): Promise<void> {
    this.#assertWritable();
    this.#requireSweep(sweepId);
    const findings = newFindings.map((f, i) => check(findingSchema, f, `findings[${i}]`));
    const visits = newVisits.map((v, i) => check(visitSchema, v, `visits[${i}]`));
    const foreign = [...findings, ...visits].find((r) => r.sweep !== sweepId);
    if (foreign) throw new StoreError(`replaceFindings(${sweepId}): got a record of sweep ${foreign.sweep}`);
    const data = this.#db.data;
    data.findings = data.findings.filter((f) => f.sweep !== sweepId);
    for (const f of findings) data.findings.push(f);
    for (const v of visits) {
      const i = data.visits.findIndex((old) => old.sweep === sweepId && old.site === v.site);
      if (i >= 0) data.visits[i] = v;
      else data.visits.push(v);
    }
    await this.#commit();
  }

  async addSearchHits(records: SearchHitRecord[]): Promise<void> {
    this.#assertWritable();
    const valid = records.map((r, i) => check(searchHitSchema, r, `searchHits[${i}]`));
    this.#db.data.searchHits.push(...valid);
    await this.#commit();
  }

  async finishSweep(sweepId: string, status: 'finished' | 'interrupted' = 'finished'): Promise<void> {
    this.#assertWritable();
    const sweep = this.#requireSweep(sweepId);
    sweep.status = status;
    if (status === 'finished') sweep.finished = new Date().toISOString();
    await this.#commit();
  }

  async setTriage(target: string, status: TriageStatus, note?: string): Promise<TriageRecord> {
    this.#assertWritable();
    if (!TRIAGE_TARGET.test(target)) {
      throw new StoreError(`triage target must be a finding fingerprint (16 hex digits) or site:<key>, got ${JSON.stringify(target)}`);
    }
    if (!(TRIAGE_STATUSES as readonly string[]).includes(status)) {
      throw new StoreError(`triage status must be one of ${TRIAGE_STATUSES.join(', ')}, got ${JSON.stringify(status)}`);
    }
    const rec: TriageRecord = { target, status, ...(note !== undefined ? { note } : {}), date: new Date().toISOString() };
    this.#db.data.triage.push(rec);
    await this.#commit();
    return rec;
  }

  triageOf(target: string): TriageRecord | undefined {
    return this.#db.data.triage.findLast((t) => t.target === target);
  }

  async addTrialCount(rec: TrialCountRecord): Promise<void> {
    this.#assertWritable();
    this.#db.data.trials.push(check(trialCountSchema, rec, 'trials'));
    await this.#commit();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await Promise.allSettled([...this.#pending]);
      // A background write failed and nothing wrote since: one more try, which throws if it fails too.
      if (this.#backgroundError !== undefined) await this.#db.write();
    } finally {
      await this.#lock?.release();
    }
  }

  #upsertSite(site: SiteRecord): void {
    const sites = this.#db.data.sites;
    const old = sites.find((s) => s.key === site.key);
    if (!old) {
      sites.push({ ...site, names: [...site.names] });
      return;
    }
    for (const n of site.names) if (!old.names.includes(n)) old.names.push(n);
    old.type = site.type;
    if (site.firstSeen < old.firstSeen) old.firstSeen = site.firstSeen;
    if (site.lastSeen > old.lastSeen) old.lastSeen = site.lastSeen;
  }

  #sweep(id: string): SweepRecord | undefined {
    return this.#db.data.sweeps.find((s) => s.id === id);
  }

  #requireSweep(id: string): SweepRecord {
    const sweep = this.#sweep(id);
    if (!sweep) throw new StoreError(`no sweep ${id} in ${this.dir}; \`exoscan trends\` lists the sweeps`);
    return sweep;
  }

  #assertWritable(): void {
    if (this.#closed) throw new StoreError(`the store in ${this.dir} is closed`);
    if (this.#readOnly) throw new StoreError(`the store in ${this.dir} was opened read-only`);
  }

  /** Persists the whole state; steno coalesces overlapping writes into the latest state. */
  async #commit(): Promise<void> {
    const write = this.#db.write();
    this.#pending.add(write);
    try {
      await write;
      // This write carried everything a failed background write had.
      this.#backgroundError = undefined;
    } finally {
      this.#pending.delete(write);
    }
  }
}

/** Refuse bad records before they reach the file, where they would make the next open fail. */
function check<T>(schema: z.ZodType<T>, value: T, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new StoreError(`refusing to store an invalid record: ${jsonPath(issue?.path ?? [], what)}: ${issue?.message ?? 'bad shape'}`);
}
