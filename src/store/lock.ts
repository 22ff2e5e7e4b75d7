// One writer per data dir: `exoscan.lock` holds the owner's pid and start time,
// created with O_EXCL so exactly one process wins.
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { StoreLockedError } from './errors.ts';

export const LOCK_FILE = 'exoscan.lock';

interface LockInfo {
  pid: number;
  started: string;
  host: string;
}

export interface HeldLock {
  path: string;
  /** Set when a stale lock from a dead process was taken over. */
  note?: string;
  release(): Promise<void>;
}

/** A lock file that is still empty may be one another process is writing right now. */
const EMPTY_LOCK_GRACE_MS = 5_000;

export async function acquireLock(dataDir: string): Promise<HeldLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, started: new Date().toISOString(), host: hostname() };
  let note: string | undefined;
  // Two rounds: the second runs after removing a stale lock.
  for (let round = 0; round < 2; round++) {
    if (await tryCreate(lockPath, mine)) {
      return { path: lockPath, ...(note ? { note } : {}), release: () => release(lockPath, mine) };
    }
    const raw = await readFile(lockPath, 'utf8').catch(() => '');
    const owner = parse(raw);
    if (owner ? isAlive(owner) : await isFresh(lockPath)) throw lockedError(dataDir, lockPath, owner);
    const what = owner ? `pid ${owner.pid}, started ${owner.started}` : 'unreadable';
    if (!(await removeStale(lockPath, raw))) throw lockedError(dataDir, lockPath, undefined);
    note = `took over a stale lock (${what}) in ${dataDir}: that process is gone`;
  }
  throw lockedError(dataDir, lockPath, undefined);
}

async function tryCreate(lockPath: string, info: LockInfo): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

function parse(raw: string): LockInfo | undefined {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.started === 'string') {
      return { pid: v.pid, started: v.started, host: typeof v.host === 'string' ? v.host : '' };
    }
  } catch {
    // falls through: unreadable
  }
  return undefined;
}

function isAlive(owner: LockInfo): boolean {
  // A pid from another machine (shared disk) cannot be checked: assume alive.
  if (owner.host && owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isFresh(lockPath: string): Promise<boolean> {
  const s = await stat(lockPath).catch(() => undefined);
  return s !== undefined && Date.now() - s.mtimeMs < EMPTY_LOCK_GRACE_MS;
}

/**
 * Moves the stale lock aside rather than unlinking it: rename is atomic, so if
 * another process replaced it with a live lock in the meantime we can see that
 * and put it back instead of deleting it.
 */
async function removeStale(lockPath: string, staleRaw: string): Promise<boolean> {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    await rename(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true; // someone else removed it
    throw e;
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  if (moved !== staleRaw) {
    await link(aside, lockPath).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return false;
  }
  await unlink(aside);
  return true;
}

async function release(lockPath: string, mine: LockInfo): Promise<void> {
  // Only remove the lock if it is still ours (it may have been taken over as stale).
  const owner = parse(await readFile(lockPath, 'utf8').catch(() => ''));
  if (owner?.pid === mine.pid && owner.started === mine.started) await unlink(lockPath);
}

function lockedError(dataDir: string, lockPath: string, owner: LockInfo | undefined): StoreLockedError {
  const who = owner
    ? `another exoscan process (pid ${owner.pid}, started ${owner.started}${owner.host && owner.host !== hostname() ? ` on ${owner.host}` : ''})`
    : 'another exoscan process';
  return new StoreLockedError(`${who} is using ${dataDir}; wait for it or remove ${lockPath} if it is gone`);
}
