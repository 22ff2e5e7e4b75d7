// The history commands end to end over a real store in a temp data dir.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register as registerDiff } from '../../src/commands/diff.ts';
import { register as registerExport } from '../../src/commands/export.ts';
import { register as registerReport } from '../../src/commands/report.ts';
import { register as registerSites } from '../../src/commands/sites.ts';
import { register as registerTrends } from '../../src/commands/trends.ts';
import { register as registerTriage } from '../../src/commands/triage.ts';
import { register as registerTrials } from '../../src/commands/trials.ts';
import type { Category, SiteType } from '../../src/model.ts';
import type { FindingRecord } from '../../src/store/records.ts';
import { openStore } from '../../src/store/store.ts';

let dir: string;
let server: Server;
let apiBase: string;
const sweepIds: string[] = [];

function rec(sweep: string, site: string, fingerprint: string, category: Category, sentence: string, match: string): FindingRecord {
  const start = sentence.indexOf(match);
  return { sweep, site, fingerprint, category, rule: `${category}/t`, severity: 'high', url: `https://${site}/`, sentence, match, start, end: start + match.length, seen: new Date().toISOString() };
}

async function record(store: Awaited<ReturnType<typeof openStore>>, sweep: string, key: string, type: SiteType, findings: FindingRecord[]) {
  const now = new Date().toISOString();
  await store.recordSite(sweep, {
    site: { key, names: [`${key} 名`], type, firstSeen: now, lastSeen: now },
    visit: { sweep, site: key, type, pages: 1, rendered: 0, errors: [], offersEv: true, disclosuresMissing: [], needsRendering: [] },
    pages: [],
    findings,
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exoscan-cmd-'));
  const store = await openStore(dir);
  for (let i = 0; i < 2; i++) {
    const sweep = store.startSweep({ configDigest: 'c', dictionaryVersion: 'd', plannedSites: [] }).id;
    sweepIds.push(sweep);
    await record(store, sweep, 'clinic.example', 'clinic', [
      i === 0
        ? rec(sweep, 'clinic.example', '0000000000000001', 'safety-claim', '=副作用はありません。', '副作用はありません')
        : rec(sweep, 'clinic.example', '0000000000000002', 'efficacy-claim', '必ず若返ります。', '必ず若返ります'),
    ]);
    if (i === 1) await record(store, sweep, 'seller.example', 'seller', [rec(sweep, 'seller.example', '0000000000000003', 'celebrity', '芸能人も愛用。', '芸能人も愛用')]);
    await store.finishSweep(sweep);
    await sleep(5); // sweeps are ordered by start time
  }
  await store.close();
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ studies: [{ protocolSection: { identificationModule: { nctId: 'NCT1' }, designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE3'] } } }] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const program = new Command('exoscan').exitOverride();
  for (const register of [registerSites, registerExport, registerDiff, registerTrends, registerTriage, registerTrials, registerReport]) register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'exoscan', ...args, '--data', dir]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { stdout, stderr, code };
}

describe('history commands', () => {
  it('sites lists the flagged sites of the latest sweep, as JSON or a table', async () => {
    const json = await run('sites', '--json');
    expect(JSON.parse(json.stdout).map((r: { site: string }) => r.site)).toEqual(['clinic.example', 'seller.example']);
    const text = await run('sites');
    expect(text.stdout).toContain('必ず若返ります');
    const first = await run('sites', '--sweep', sweepIds[0]!, '--json');
    expect(JSON.parse(first.stdout)[0].counts['safety-claim']).toBe(1);
  });

  it('fails with one clear line for an unknown sweep or a missing data dir', async () => {
    const r = await run('sites', '--sweep', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^exoscan: unknown sweep "nope"/);
    const program = new Command('exoscan').exitOverride();
    registerSites(program);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await program.parseAsync(['node', 'exoscan', 'sites', '--data', join(dir, 'missing')]);
    expect(String(err.mock.calls[0]?.[0])).toMatch(/no exoscan data/);
    err.mockRestore();
    process.exitCode = undefined;
  });

  it('triage sets a site status that sites can filter on, and refuses unknown targets', async () => {
    expect((await run('triage', 'seller.example', '--site', '--status', 'notified', '--note', '電話済み')).stdout).toContain('site:seller.example: 通知済み (notified) — 電話済み');
    expect((await run('triage', '0000000000000002', '--status', 'confirmed', '--json')).stdout).toContain('"confirmed"');
    expect(JSON.parse((await run('sites', '--status', 'notified', '--json')).stdout).map((r: { site: string }) => r.site)).toEqual(['seller.example']);
    const bad = await run('triage', 'clinic.example', '--status', 'confirmed');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('use --site or site:clinic.example');
  });

  it('diff and trends compare the two sweeps', async () => {
    const d = JSON.parse((await run('diff', '--json')).stdout);
    expect(d.newSites.map((s: { site: string }) => s.site)).toEqual(['seller.example']);
    expect(d.changedSites[0].removed[0].category).toBe('safety-claim');
    expect((await run('diff')).stdout).toContain('新たに指摘されたサイト (new): 1');
    const t = JSON.parse((await run('trends', '--json')).stdout);
    expect(t.sweeps.map((s: { findingsByCategory: Record<string, number> }) => s.findingsByCategory['efficacy-claim'])).toEqual([0, 1]);
  });

  it('export writes CSV, XLSX and JSON', async () => {
    const csv = join(dir, 'f.csv');
    await run('export', '--format', 'csv', '--table', 'findings', '--sweep', sweepIds[0]!, '--out', csv);
    const text = await readFile(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("'=副作用はありません。");
    const xlsx = join(dir, 'e.xlsx');
    await run('export', '--format', 'xlsx', '--out', xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('サイト一覧')!.rowCount).toBe(3);
    expect(JSON.parse((await run('export', '--format', 'json')).stdout).findings).toHaveLength(2);
  });

  it('trials stores a count from the API and report writes the HTML', async () => {
    const r = await run('trials', '--base-url', apiBase, '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 1, byPhase: { PHASE3: 1 } });
    expect(JSON.parse((await run('trends', '--json')).stdout).trials).toHaveLength(1);
    const out = join(dir, 'report');
    const rep = await run('report', '--out', out);
    expect(rep.stdout.trim()).toBe(join(out, 'index.html'));
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });
});
