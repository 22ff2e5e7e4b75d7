import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError, StoreError } from '../../src/store/store.ts';
import { listSnapshots, readSnapshot, screenshotPath, writeSnapshot } from '../../src/store/snapshots.ts';
import type { Snapshot } from '../../src/store/snapshots.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'exoscan-snap-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SWEEP = '2026-01-10T00-00-00Z-ab12';
const html = '<html><head><meta charset="Shift_JIS"><title>エクソソーム点滴</title></head><body>副作用はありません。～①</body></html>';

function sjisSnapshot(url = 'https://old-clinic.example/exosome.html'): Snapshot {
  return {
    url,
    requestedUrl: 'http://old-clinic.example/exosome.html',
    status: 200,
    headers: { 'content-type': 'text/html; charset=Shift_JIS', 'last-modified': 'Tue, 06 Jan 2026 00:00:00 GMT' },
    fetchedAt: '2026-01-10T00:00:05.000Z',
    rendered: false,
    charset: 'Shift_JIS',
    body: iconv.encode(html, 'cp932'),
  };
}

describe('snapshots', () => {
  it('round-trips Shift_JIS bytes untouched, with metadata, gzip on disk and a stable sha256', async () => {
    const snap = sjisSnapshot();
    const written = await writeSnapshot(dir, SWEEP, snap);
    expect(written.path).toMatch(new RegExp(`^${SWEEP}/pages/[0-9a-f]{32}\\.html\\.gz$`));
    expect(written.sha256).toBe(createHash('sha256').update(snap.body).digest('hex'));

    const back = await readSnapshot(dir, written.path);
    expect(back).toEqual(snap);
    expect(Buffer.compare(back.body, snap.body)).toBe(0);
    expect(iconv.decode(back.body, 'cp932')).toBe(html);
    // Raw bytes, not UTF-8: the SJIS encoding of エ is 0x83 0x47.
    expect(back.body.includes(Buffer.from([0x83, 0x47]))).toBe(true);
    expect(gunzipSync(await readFile(path.join(dir, written.path)))).toEqual(snap.body);

    const again = await writeSnapshot(dir, SWEEP, snap);
    expect(again).toEqual(written);
    expect(await listSnapshots(dir, SWEEP)).toEqual([written.path]);
  });

  it('lists only complete snapshots of a sweep', async () => {
    const a = await writeSnapshot(dir, SWEEP, sjisSnapshot('https://a.example/'));
    const b = await writeSnapshot(dir, SWEEP, { ...sjisSnapshot('https://a.example/price'), charset: undefined, rendered: true });
    await writeSnapshot(dir, 'other-sweep', sjisSnapshot('https://b.example/'));
    // A body whose metadata was never written (killed in between) is not listed.
    await writeFile(path.join(dir, SWEEP, 'pages', 'f'.repeat(32) + '.html.gz'), 'x');
    expect(await listSnapshots(dir, SWEEP)).toEqual([a.path, b.path].sort());
    expect((await readSnapshot(dir, b.path)).charset).toBeUndefined();
    expect(await listSnapshots(dir, 'no-such-sweep')).toEqual([]);
  });

  it('detects damaged bodies and refuses paths outside the data dir', async () => {
    const { path: rel } = await writeSnapshot(dir, SWEEP, sjisSnapshot());
    const gz = await readFile(path.join(dir, rel));
    await writeFile(path.join(dir, rel), gz.subarray(0, gz.length - 12));
    await expect(readSnapshot(dir, rel)).rejects.toThrow(StoreCorruptError);

    await expect(readSnapshot(dir, '../etc/passwd.html.gz')).rejects.toThrow(StoreError);
    await expect(readSnapshot(dir, `${SWEEP}/pages/missing.html.gz`)).rejects.toThrow(/missing/);
    await expect(writeSnapshot(dir, '../escape', sjisSnapshot())).rejects.toThrow(/invalid sweep id/);
  });

  it('gives a screenshot path per page under the sweep', () => {
    const p = screenshotPath(dir, SWEEP, 'https://a.example/exosome');
    expect(path.isAbsolute(p)).toBe(true);
    expect(path.relative(dir, p)).toMatch(new RegExp(`^${SWEEP}/screenshots/[0-9a-f]{32}\\.png$`));
    expect(screenshotPath(dir, SWEEP, 'https://a.example/exosome')).toBe(p);
    expect(screenshotPath(dir, SWEEP, 'https://a.example/price')).not.toBe(p);
  });
});
