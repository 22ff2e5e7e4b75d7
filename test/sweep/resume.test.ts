// A sweep killed with SIGKILL after it stored a few sites, then `--resume`:
// the sweep finishes, keeps what it stored, and stores nothing twice.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/records.ts';
import { readSnapshot } from '../../src/store/snapshots.ts';
import { openStore } from '../../src/store/store.ts';
import type { SweepSummary } from '../../src/sweep/summary.ts';
import type { Farm } from '../farm/farm.ts';
import { startFarm } from '../farm/farm.ts';
import { CLI, describeClaims, missedClaims, ROOT, runCli, tempDir, writeSeeds } from './helpers.ts';

const SITES_BEFORE_KILL = 3;

let farm: Farm;
let dir: string;
let data: string;
let args: string[];
let beforeKill: Database;
let resumed: { code: number; stderr: string; summary: SweepSummary };
let after: Database;

async function readDb(): Promise<Database> {
  const store = await openStore(data, { readOnly: true });
  try {
    return structuredClone(store.data) as Database;
  } finally {
    await store.close();
  }
}

/** Starts the CLI sweep and SIGKILLs it once its progress says `sites` sites are stored. */
function sweepAndKill(sites: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      // non-TTY progress prints `[done/total] site: …` after the site's batch is committed
      const done = [...stderr.matchAll(/^\[(\d+)\/\d+\]/gm)].length;
      if (!killed && done >= sites) {
        killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the sweep ended by itself (code ${code}) before it could be killed:\n${stderr}`));
    });
  });
}

beforeAll(async () => {
  // delays on: the slow site and Crawl-delay keep the sweep running long enough to be killed mid-way
  farm = await startFarm({ delays: true });
  dir = await tempDir('resume');
  data = path.join(dir, 'data');
  const seeds = await writeSeeds(dir, farm.seeds());
  args = ['sweep', '--seeds', seeds, '--data', data, '--allow-private', '--delay-ms', '100', '--concurrency', '2', '--render', 'never', '--max-pages-per-site', '15'];
  await sweepAndKill(SITES_BEFORE_KILL);
  beforeKill = await readDb();
  const out = await runCli([...args, '--resume', '--json']);
  resumed = { code: out.code, stderr: out.stderr, summary: JSON.parse(out.stdout || 'null') as SweepSummary };
  after = await readDb();
});

afterAll(async () => {
  await farm?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kill -9, then --resume', () => {
  it('was killed mid-sweep with some sites stored and the sweep still marked running', () => {
    expect(beforeKill.sweeps).toHaveLength(1);
    const sweep = beforeKill.sweeps[0]!;
    expect(sweep.status).toBe('running');
    expect(sweep.doneSites.length).toBeGreaterThanOrEqual(SITES_BEFORE_KILL);
    expect(sweep.doneSites.length).toBeLessThan(sweep.plannedSites.length);
  });

  it('finishes the same sweep, skipping the sites already done', () => {
    expect(resumed.code, resumed.stderr).toBe(0);
    const done = beforeKill.sweeps[0]!.doneSites.length;
    expect(resumed.stderr).toContain(`resuming sweep ${beforeKill.sweeps[0]!.id}: ${done} of ${beforeKill.sweeps[0]!.plannedSites.length} sites already done`);
    expect(resumed.summary.sweep).toBe(beforeKill.sweeps[0]!.id);
    expect(resumed.summary.status).toBe('finished');
    expect(after.sweeps).toHaveLength(1);
    expect([...after.sweeps[0]!.doneSites].sort()).toEqual([...after.sweeps[0]!.plannedSites].sort());
    // the resumed run logs one line per site it crawled: only the ones left
    expect([...resumed.stderr.matchAll(/^\[\d+\/\d+\]/gm)].length).toBe(after.sweeps[0]!.plannedSites.length - done);
  });

  it('loses nothing stored before the kill', () => {
    const key = (r: { site: string; url: string; sha256: string; snapshot: string }) => `${r.site} ${r.url} ${r.sha256} ${r.snapshot}`;
    const pagesAfter = new Set(after.pages.map(key));
    expect(beforeKill.pages.length).toBeGreaterThan(0);
    for (const p of beforeKill.pages) expect(pagesAfter.has(key(p)), p.url).toBe(true);
    const findingsAfter = new Set(after.findings.map((f) => `${f.site} ${f.fingerprint}`));
    expect(beforeKill.findings.length).toBeGreaterThan(0);
    for (const f of beforeKill.findings) expect(findingsAfter.has(`${f.site} ${f.fingerprint}`), f.sentence).toBe(true);
    for (const v of beforeKill.visits) expect(after.visits).toContainEqual(v);
  });

  it('stores every site, page and finding once', () => {
    const dupes = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes(after.visits.map((v) => v.site))).toEqual([]);
    expect(dupes(after.sites.map((s) => s.key))).toEqual([]);
    expect(dupes(after.pages.map((p) => `${p.site} ${p.url}`))).toEqual([]);
    expect(dupes(after.findings.map((f) => `${f.site} ${f.fingerprint}`))).toEqual([]);
    expect(after.visits.length).toBe(after.sweeps[0]!.plannedSites.length);
  });

  it('leaves a valid database whose snapshots all read back', async () => {
    expect(after.pages.length).toBe(resumed.summary.totals.pages);
    for (const p of after.pages) {
      const snap = await readSnapshot(data, p.snapshot); // checks the sha256
      expect(snap.url).toBe(p.url);
    }
  });

  it('finds every reachable static planted claim after the resume', () => {
    const planted = farm.planted.filter((p) => p.reachable && !p.needsBrowser);
    // A miss here is usually a dictionary gap: the message names the sentence.
    expect(describeClaims(missedClaims(planted, after.findings))).toEqual([]);
  });

  it('refuses --resume when nothing is interrupted, with a clear message and a non-zero exit', async () => {
    const out = await runCli([...args, '--resume']);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/nothing to resume in .*: no interrupted sweep \(start a new one without --resume\)/);
    expect((await readDb()).sweeps).toHaveLength(1);
  });
});
