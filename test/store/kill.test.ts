// A kill -9 at any moment must leave a database that opens, validates and
// holds every write the dead process saw acknowledged.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.ts';

const script = fileURLToPath(new URL('./fixtures/write-loop.ts', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'exoscan-kill-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Big batches make each write (stringify, then several MB to disk) long enough for kills to land inside.
const PAGES = 200;

/**
 * Runs the writer until it has acknowledged `writes` batches, then SIGKILLs it
 * after `phase` (0..1) of the time its last write took, so that over the rounds
 * the kills fall at different points of a write cycle; returns the sites it acknowledged.
 */
function runAndKill(writes: number, phase: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(PAGES)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let stderr = '';
    let buffered = '';
    let lastAck = performance.now();
    let interval = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('wrote ')) continue;
        acked.push(line.slice('wrote '.length));
        const now = performance.now();
        interval = now - lastAck;
        lastAck = now;
        if (acked.length === writes) setTimeout(() => child.kill('SIGKILL'), interval * phase);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited on its own (acknowledged ${acked.length}): ${stderr}`));
    });
  });
}

it('survives repeated kill -9 during writes', async () => {
  const acknowledged: string[] = [];
  const rounds = 8;
  for (let round = 0; round < rounds; round++) {
    acknowledged.push(...(await runAndKill(2 + (round % 3), (round + 0.5) / rounds)));
    // Reopening as a writer validates every record and takes over the dead writer's lock.
    const store = await openStore(dir);
    expect(store.notes.join('\n')).toMatch(/stale lock/);
    const [sweep, ...others] = store.data.sweeps;
    expect(others).toEqual([]);
    expect(sweep?.status).toBe('running');
    for (const site of acknowledged) expect(sweep?.doneSites).toContain(site);
    // Each site is all or nothing: its visit and its pages went in with one write.
    const pagesPerSite = new Map<string, number>();
    for (const p of store.data.pages) pagesPerSite.set(p.site, (pagesPerSite.get(p.site) ?? 0) + 1);
    for (const site of sweep?.doneSites ?? []) {
      expect(pagesPerSite.get(site)).toBe(PAGES);
      expect(store.data.visits.filter((v) => v.site === site)).toHaveLength(1);
    }
    expect(store.data.pages).toHaveLength(PAGES * (sweep?.doneSites.length ?? 0));
    await store.close();
  }
  expect(acknowledged.length).toBeGreaterThanOrEqual(8 * 2);
}, 180_000); // eight child processes, each starting tsx: slow on a busy machine
