import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_SUFFIX,
  DB_FILE,
  StoreCorruptError,
  StoreError,
  StoreLockedError,
  fingerprint,
  openStore,
} from '../../src/store/store.ts';
import type { Store } from '../../src/store/store.ts';
import { LOCK_FILE } from '../../src/store/lock.ts';
import { siteBatch } from './fixtures/records.ts';

let dir: string;
const open: Store[] = [];
async function openTracked(...args: Parameters<typeof openStore>): Promise<Store> {
  const s = await openStore(...args);
  open.push(s);
  return s;
}
const sweepInit = { configDigest: 'c'.repeat(64), dictionaryVersion: 'd'.repeat(64), plannedSites: ['a.example', 'b.example'] };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'exoscan-store-'));
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('openStore and records', () => {
  it('starts empty, persists a sweep with its sites and reads it back', async () => {
    const store = await openTracked(dir);
    expect(store.data.schemaVersion).toBe(1);
    expect(store.data.sweeps).toEqual([]);
    const sweep = store.startSweep(sweepInit);
    expect(sweep.id).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-[0-9a-f]{4}$/);
    await store.recordSite(sweep.id, siteBatch(sweep.id, 'a.example', 3));
    expect(store.resumableSweep()?.id).toBe(sweep.id);
    await store.finishSweep(sweep.id);
    expect(store.resumableSweep()).toBeUndefined();
    await store.close();

    const again = await openTracked(dir, { readOnly: true });
    const [stored] = again.data.sweeps;
    expect(stored).toMatchObject({ id: sweep.id, status: 'finished', doneSites: ['a.example'] });
    expect(stored?.finished).toBeDefined();
    expect(again.data.pages).toHaveLength(3);
    expect(again.data.findings).toHaveLength(3);
    expect(again.data.visits).toHaveLength(1);
    expect(again.data.sites.map((s) => s.key)).toEqual(['a.example']);
  });

  it('a sweep started and never written to survives a close', async () => {
    const store = await openTracked(dir);
    const sweep = store.startSweep(sweepInit);
    await store.close();
    const again = await openTracked(dir, { readOnly: true });
    expect(again.data.sweeps[0]).toMatchObject({ id: sweep.id, status: 'running', plannedSites: sweepInit.plannedSites });
    expect(again.resumableSweep()?.id).toBe(sweep.id);
  });

  it('recording a site again replaces its batch and merges the site record', async () => {
    const store = await openTracked(dir);
    const s1 = store.startSweep(sweepInit);
    await store.recordSite(s1.id, siteBatch(s1.id, 'a.example', 3, '2026-01-10T00:00:00.000Z'));
    await store.recordSite(s1.id, siteBatch(s1.id, 'a.example', 2, '2026-01-10T00:00:00.000Z'));
    expect(store.data.pages).toHaveLength(2);
    expect(store.data.visits).toHaveLength(1);
    expect(store.data.sweeps[0]?.doneSites).toEqual(['a.example']);

    const s2 = store.startSweep(sweepInit);
    const later = siteBatch(s2.id, 'a.example', 2, '2026-04-10T00:00:00.000Z');
    later.site.names = ['Aクリニック 表参道院'];
    await store.recordSite(s2.id, later);
    expect(store.data.sites).toEqual([
      {
        key: 'a.example',
        names: ['a.example クリニック', 'Aクリニック 表参道院'],
        type: 'clinic',
        firstSeen: '2026-01-10T00:00:00.000Z',
        lastSeen: '2026-04-10T00:00:00.000Z',
      },
    ]);
    expect(store.data.pages).toHaveLength(4);
  });

  it('refuses an invalid or misaddressed record and writes nothing', async () => {
    const store = await openTracked(dir);
    const sweep = store.startSweep(sweepInit);
    const bad = siteBatch(sweep.id, 'a.example');
    bad.findings[1]!.category = 'nonsense' as never;
    await expect(store.recordSite(sweep.id, bad)).rejects.toThrow(/findings\[1\]\.category/);
    const foreign = siteBatch('other-sweep', 'a.example');
    await expect(store.recordSite(sweep.id, foreign)).rejects.toThrow(StoreError);
    await expect(store.recordSite('no-such-sweep', siteBatch('no-such-sweep', 'a.example'))).rejects.toThrow(/no sweep no-such-sweep/);
    expect(store.data.pages).toEqual([]);
  });

  it('replaces a sweep’s findings and visits (reanalyze)', async () => {
    const store = await openTracked(dir);
    const s1 = store.startSweep(sweepInit);
    await store.recordSite(s1.id, siteBatch(s1.id, 'a.example', 3));
    await store.recordSite(s1.id, siteBatch(s1.id, 'b.example', 3));
    const s2 = store.startSweep(sweepInit);
    await store.recordSite(s2.id, siteBatch(s2.id, 'a.example', 3));

    const redone = siteBatch(s1.id, 'b.example', 1);
    redone.visit.disclosuresMissing = [];
    await store.replaceFindings(s1.id, redone.findings, [redone.visit]);
    expect(store.data.findings.filter((f) => f.sweep === s1.id)).toEqual(redone.findings);
    expect(store.data.findings.filter((f) => f.sweep === s2.id)).toHaveLength(3);
    expect(store.data.visits.find((v) => v.sweep === s1.id && v.site === 'b.example')?.disclosuresMissing).toEqual([]);
    expect(store.data.visits).toHaveLength(3);
    await expect(store.replaceFindings(s1.id, siteBatch(s2.id, 'a.example').findings)).rejects.toThrow(StoreError);
  });

  it('keeps triage history and answers the latest status', async () => {
    const store = await openTracked(dir);
    const fp = fingerprint('a.example', 'safety-claim/no-side-effects', '副作用はありません。');
    await store.setTriage(fp, 'confirmed');
    const rec = await store.setTriage(fp, 'notified', '2026-02-01 書面送付');
    await store.setTriage('site:b.example', 'false-positive');
    expect(store.triageOf(fp)).toEqual(rec);
    expect(store.triageOf('site:b.example')?.status).toBe('false-positive');
    expect(store.triageOf('site:c.example')).toBeUndefined();
    await expect(store.setTriage('not-a-target', 'confirmed')).rejects.toThrow(/fingerprint/);
    await expect(store.setTriage(fp, 'done' as never)).rejects.toThrow(/new, confirmed/);
    await store.close();
    const again = await openTracked(dir, { readOnly: true });
    expect(again.triageOf(fp)?.note).toBe('2026-02-01 書面送付');
    expect(again.data.triage).toHaveLength(3);
  });

  it('stores search hits and trial counts', async () => {
    const store = await openTracked(dir);
    const sweep = store.startSweep(sweepInit);
    await store.addSearchHits([
      {
        sweep: sweep.id,
        provider: 'brave',
        query: 'エクソソーム クリニック 再生医療',
        date: '2026-01-10T00:00:00.000Z',
        totalHits: 91900,
        results: [{ rank: 1, url: 'https://a.example/', title: 'Aクリニック' }],
      },
    ]);
    await store.addTrialCount({ date: '2026-01-10', query: 'exosome', total: 151, byPhase: { PHASE3: 11, PHASE4: 8 } });
    await store.close();
    const again = await openTracked(dir, { readOnly: true });
    expect(again.data.searchHits[0]?.totalHits).toBe(91900);
    expect(again.data.trials[0]?.byPhase).toEqual({ PHASE3: 11, PHASE4: 8 });
  });
});

describe('lock', () => {
  it('refuses a second writer, lets readers in, and frees the dir on close', async () => {
    const first = await openTracked(dir);
    const err = await openStore(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreLockedError);
    expect((err as Error).message).toContain(`pid ${process.pid}`);
    expect((err as Error).message).toContain(path.join(dir, LOCK_FILE));

    const reader = await openTracked(dir, { readOnly: true });
    await expect(reader.setTriage('site:a.example', 'new')).rejects.toThrow(/read-only/);
    expect(() => reader.startSweep(sweepInit)).toThrow(/read-only/);

    await first.close();
    await expect(readFile(path.join(dir, LOCK_FILE))).rejects.toThrow();
    const second = await openTracked(dir);
    expect(second.notes).toEqual([]);
  });

  it('takes over the lock of a dead process, with a note', async () => {
    const pid = deadPid();
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid, started: '2026-01-01T00:00:00.000Z' }));
    const store = await openTracked(dir);
    expect(store.notes.join('\n')).toContain(`stale lock (pid ${pid}`);
    const lock = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
  });

  it('treats an empty lock file as in progress while fresh and as stale when old', async () => {
    const lockPath = path.join(dir, LOCK_FILE);
    await writeFile(lockPath, '');
    await expect(openStore(dir)).rejects.toThrow(StoreLockedError);
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath, old, old);
    const store = await openTracked(dir);
    expect(store.notes.join('\n')).toContain('unreadable');
  });

  it('a read-only open of a missing dir says so', async () => {
    await expect(openStore(path.join(dir, 'nope'), { readOnly: true })).rejects.toThrow(/no exoscan data/);
  });
});

describe('damage and backups', () => {
  async function seed(): Promise<void> {
    const store = await openStore(dir);
    const sweep = store.startSweep(sweepInit);
    await store.recordSite(sweep.id, siteBatch(sweep.id, 'a.example'));
    await store.close();
  }
  const dbPath = () => path.join(dir, DB_FILE);

  it('keeps the last good copy as a backup after a successful open', async () => {
    await seed();
    const good = await readFile(dbPath());
    const store = await openTracked(dir);
    expect(await readFile(dbPath() + BACKUP_SUFFIX)).toEqual(good);
    await store.close();
  });

  it('stops on a truncated file, names it and the backup, and never overwrites it', async () => {
    await seed();
    await (await openStore(dir)).close(); // makes the backup
    const good = await readFile(dbPath());
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    await writeFile(dbPath(), truncated);
    const err = await openStore(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreCorruptError);
    expect((err as Error).message).toContain(dbPath());
    expect((err as Error).message).toContain(dbPath() + BACKUP_SUFFIX);
    expect(await readFile(dbPath())).toEqual(truncated);
    expect(await readFile(dbPath() + BACKUP_SUFFIX)).toEqual(good);
    // The failed open released its lock.
    await expect(readFile(path.join(dir, LOCK_FILE))).rejects.toThrow();
    await expect(openStore(dir, { readOnly: true })).rejects.toThrow(StoreCorruptError);
  });

  it('names the JSON path of an invalid record', async () => {
    await seed();
    const db = JSON.parse(await readFile(dbPath(), 'utf8')) as CompactFile;
    db.findings.rows[2]![db.findings.columns.indexOf('start')] = 'zero';
    await writeFile(dbPath(), JSON.stringify(db));
    await expect(openStore(dir)).rejects.toThrow(/findings\[2\]\.start/);
  });

  it('names the place of a broken reference into the string table', async () => {
    await seed();
    const db = JSON.parse(await readFile(dbPath(), 'utf8')) as CompactFile;
    db.pages.rows[1]![2] = 99_999;
    await writeFile(dbPath(), JSON.stringify(db));
    await expect(openStore(dir)).rejects.toThrow(/pages\.rows\[1\]\[2\] is invalid: url: no string #99999/);
  });

  it('refuses empty, null and non-object files', async () => {
    for (const text of ['', 'null', '[]', '{"schemaVersion":1,"sweeps":{}']) {
      await writeFile(dbPath(), text);
      await expect(openStore(dir), text).rejects.toThrow(StoreCorruptError);
      expect(await readFile(dbPath(), 'utf8')).toBe(text);
    }
  });

  it('refuses a file from a newer exoscan', async () => {
    await writeFile(dbPath(), JSON.stringify({ schemaVersion: 99, pages: { format: 'future' } }));
    await expect(openStore(dir)).rejects.toThrow(/upgrade exoscan/);
  });
});

interface CompactFile {
  strings: string[];
  pages: { columns: string[]; rows: unknown[][] };
  findings: { columns: string[]; rows: unknown[][] };
}

describe('file format', () => {
  it('writes pages and findings as rows over a shared string table and reads them back equal', async () => {
    const store = await openTracked(dir);
    const s1 = store.startSweep(sweepInit);
    await store.recordSite(s1.id, siteBatch(s1.id, 'a.example', 4));
    const s2 = store.startSweep(sweepInit);
    await store.recordSite(s2.id, siteBatch(s2.id, 'a.example', 4));
    const before = structuredClone(store.data);
    await store.close();

    const file = JSON.parse(await readFile(path.join(dir, DB_FILE), 'utf8')) as CompactFile;
    expect(file.pages.rows).toHaveLength(8);
    expect(file.findings.columns).toContain('sentence');
    // Each distinct string once: the sentences repeat across the two sweeps.
    expect(new Set(file.strings).size).toBe(file.strings.length);
    expect(file.strings.filter((x) => x.includes('副作用はありません'))).toHaveLength(1);

    const again = await openTracked(dir, { readOnly: true });
    expect(again.data).toEqual(before);
  });

  it('keeps stored records apart from the caller’s objects', async () => {
    const store = await openTracked(dir);
    const sweep = store.startSweep(sweepInit);
    const batch = siteBatch(sweep.id, 'a.example');
    await store.recordSite(sweep.id, batch);
    batch.pages[0]!.url = 'https://changed.example/';
    batch.findings[0]!.sentence = 'changed';
    expect(store.data.pages[0]?.url).toBe('https://a.example/page-0.html');
    await store.setTriage('site:a.example', 'new'); // another write
    await store.close();
    const again = await openTracked(dir, { readOnly: true });
    expect(again.data.findings[0]?.sentence).not.toBe('changed');
  });
});

describe('migrations', () => {
  const v0 = {
    sweeps: [
      {
        id: '2025-12-01T00-00-00Z-0001',
        started: '2025-12-01T00:00:00.000Z',
        status: 'finished',
        finished: '2025-12-01T01:00:00.000Z',
        configDigest: 'x',
        dictionaryVersion: 'y',
        plannedSites: ['a.example'],
        doneSites: ['a.example'],
      },
    ],
    sites: [{ key: 'a.example', names: [], type: 'clinic', firstSeen: '2025-12-01', lastSeen: '2025-12-01' }],
    // The prototype wrote tables as plain arrays of records.
    pages: siteBatch('2025-12-01T00-00-00Z-0001', 'a.example', 2).pages,
    findings: [],
  };

  it('migrates a v0 file (no schemaVersion) to v1 and saves it, keeping the original as backup', async () => {
    const file = path.join(dir, DB_FILE);
    await writeFile(file, JSON.stringify(v0));
    const store = await openTracked(dir);
    expect(store.data.schemaVersion).toBe(1);
    expect(store.data.sweeps[0]?.id).toBe('2025-12-01T00-00-00Z-0001');
    expect(store.data.triage).toEqual([]);
    expect(store.notes.join('\n')).toMatch(/schema version 0 → 1/);
    expect(store.data.pages).toEqual(v0.pages);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as CompactFile & { schemaVersion: number; trials: unknown[] };
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.trials).toEqual([]);
    expect(onDisk.pages.rows).toHaveLength(2);
    expect(JSON.parse(await readFile(file + BACKUP_SUFFIX, 'utf8'))).toEqual(v0);
  });

  it('a read-only open migrates in memory only', async () => {
    const file = path.join(dir, DB_FILE);
    await writeFile(file, JSON.stringify(v0));
    const store = await openTracked(dir, { readOnly: true });
    expect(store.data.schemaVersion).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(v0);
  });
});

describe('fingerprint', () => {
  it('is 16 hex digits, stable over width and whitespace, and keyed by site and rule', () => {
    const fp = fingerprint('a.example', 'safety-claim/no-side-effects', '副作用は ありません。ＥＶ点滴');
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('a.example', 'safety-claim/no-side-effects', '副作用は\nありません。EV点滴')).toBe(fp);
    expect(fingerprint('b.example', 'safety-claim/no-side-effects', '副作用はありません。EV点滴')).not.toBe(fp);
    expect(fingerprint('a.example', 'safety-claim/risk-zero', '副作用はありません。EV点滴')).not.toBe(fp);
  });
});
