// Page bodies, kept out of the database: one gzip file of the raw bytes (never
// decoded, so a Shift_JIS page can be re-decoded by a better decoder later) and
// one JSON file of metadata per page, under <dataDir>/<sweepId>/pages/.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { StoreCorruptError, StoreError } from './errors.ts';
import { jsonPath } from './schema.ts';

export interface Snapshot {
  url: string;
  requestedUrl: string;
  status: number;
  headers: Record<string, string>;
  fetchedAt: string;
  rendered: boolean;
  charset?: string;
  body: Buffer;
}

const BODY_SUFFIX = '.html.gz';
const META_SUFFIX = '.json';

const metaSchema = z.object({
  url: z.string(),
  requestedUrl: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  fetchedAt: z.string(),
  rendered: z.boolean(),
  charset: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
type SnapshotMeta = z.infer<typeof metaSchema>;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Writes body then metadata, each atomically; the metadata file marks the snapshot complete. */
export async function writeSnapshot(
  dataDir: string,
  sweepId: string,
  snap: Snapshot,
): Promise<{ path: string; sha256: string }> {
  const rel = path.posix.join(sweepDir(sweepId), 'pages', urlKey(snap.url) + BODY_SUFFIX);
  const abs = path.join(dataDir, rel);
  const sha256 = createHash('sha256').update(snap.body).digest('hex');
  const meta: SnapshotMeta = {
    url: snap.url,
    requestedUrl: snap.requestedUrl,
    status: snap.status,
    headers: snap.headers,
    fetchedAt: snap.fetchedAt,
    rendered: snap.rendered,
    ...(snap.charset !== undefined ? { charset: snap.charset } : {}),
    sha256,
    bytes: snap.body.length,
  };
  const dir = path.dirname(abs);
  await madeDir(dir);
  const gz = await gzipAsync(snap.body);
  try {
    await writeAtomic(abs, gz);
  } catch (e) {
    // the folder was removed since it was made: make it again, once
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    made.delete(dir);
    await madeDir(dir);
    await writeAtomic(abs, gz);
  }
  await writeAtomic(metaPath(abs), JSON.stringify(meta, null, 1));
  return { path: rel, sha256 };
}

/** `relPath` as returned by writeSnapshot (PageRecord.snapshot). Checks the body against its sha256. */
export async function readSnapshot(dataDir: string, relPath: string): Promise<Snapshot> {
  const abs = resolveInside(dataDir, relPath);
  const metaFile = metaPath(abs);
  let metaText: string;
  let gz: Buffer;
  try {
    [metaText, gz] = await Promise.all([readFile(metaFile, 'utf8'), readFile(abs)]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StoreError(`snapshot ${relPath} is missing from ${dataDir} (was the sweep directory moved or deleted?)`);
    }
    throw e;
  }
  let meta: SnapshotMeta;
  try {
    const parsed = metaSchema.safeParse(JSON.parse(metaText));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${jsonPath(issue?.path ?? [])}: ${issue?.message ?? 'bad shape'}`);
    }
    meta = parsed.data;
  } catch (e) {
    throw new StoreCorruptError(`snapshot metadata ${metaFile} is damaged (${(e as Error).message}); re-fetch the page with a new sweep`);
  }
  let body: Buffer;
  try {
    body = await gunzipAsync(gz);
  } catch (e) {
    throw new StoreCorruptError(`snapshot ${abs} is damaged (${(e as Error).message}); re-fetch the page with a new sweep`);
  }
  if (createHash('sha256').update(body).digest('hex') !== meta.sha256) {
    throw new StoreCorruptError(`snapshot ${abs} does not match the sha256 in ${metaFile}; re-fetch the page with a new sweep`);
  }
  return {
    url: meta.url,
    requestedUrl: meta.requestedUrl,
    status: meta.status,
    headers: meta.headers,
    fetchedAt: meta.fetchedAt,
    rendered: meta.rendered,
    ...(meta.charset !== undefined ? { charset: meta.charset } : {}),
    body,
  };
}

/** Complete snapshots of a sweep (paths relative to dataDir, sorted); none if the sweep has no directory. */
export async function listSnapshots(dataDir: string, sweepId: string): Promise<string[]> {
  const rel = path.posix.join(sweepDir(sweepId), 'pages');
  let names: string[];
  try {
    names = await readdir(path.join(dataDir, rel));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const metas = new Set(names.filter((n) => n.endsWith(META_SUFFIX)));
  return names
    .filter((n) => n.endsWith(BODY_SUFFIX) && metas.has(n.slice(0, -BODY_SUFFIX.length) + META_SUFFIX))
    .sort()
    .map((n) => path.posix.join(rel, n));
}

/** Absolute path for a page's screenshot (Playwright creates the directory when it saves). */
export function screenshotPath(dataDir: string, sweepId: string, url: string): string {
  return path.resolve(dataDir, sweepDir(sweepId), 'screenshots', `${urlKey(url)}.png`);
}

function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

function sweepDir(sweepId: string): string {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(sweepId) || sweepId.includes('..')) {
    throw new StoreError(`invalid sweep id ${JSON.stringify(sweepId)}`);
  }
  return sweepId;
}

function metaPath(bodyPath: string): string {
  return bodyPath.slice(0, -BODY_SUFFIX.length) + META_SUFFIX;
}

function resolveInside(dataDir: string, relPath: string): string {
  const root = path.resolve(dataDir);
  const abs = path.resolve(root, relPath);
  if (path.isAbsolute(relPath) || !abs.startsWith(root + path.sep) || !abs.endsWith(BODY_SUFFIX)) {
    throw new StoreError(`not a snapshot path inside ${root}: ${relPath}`);
  }
  return abs;
}

// All pages of a sweep share one folder: create it once, not once per page.
const made = new Set<string>();
async function madeDir(dir: string): Promise<void> {
  if (made.has(dir)) return;
  await mkdir(dir, { recursive: true });
  made.add(dir);
}

async function writeAtomic(file: string, data: Buffer | string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
