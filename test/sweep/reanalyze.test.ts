import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/store.ts';
import { createProgress } from '../../src/sweep/progress.ts';
import { reanalyzeSweep } from '../../src/sweep/reanalyze.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';

// A tiny clinic in Shift_JIS-free UTF-8: the reanalysis must read the stored snapshots, not the web.
const PAGES: Record<string, string> = {
  '/': '<html><head><title>さくら通りクリニック</title></head><body><h1>エクソソーム点滴</h1><p>当院のエクソソーム点滴は副作用がありません。</p><p>北斗星ナインの皆さんが毎週ひそかに立ち寄る点滴ルームです。</p><a href="/price.html">料金</a><footer>院長 山田花子 診療時間 10:00-19:00</footer></body></html>',
  '/price.html': '<html><head><title>料金</title></head><body><p>エクソソーム点滴 1回 44,000円（税込）</p></body></html>',
};

describe('reanalyze', () => {
  let dir: string;
  let server: Server;
  let sweepId: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'exoscan-reanalyze-'));
    server = createServer((req, res) => {
      const body = PAGES[req.url ?? ''];
      if (!body) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await writeFile(path.join(dir, 'seeds.txt'), `http://127.0.0.1:${port}/\n`);
    const summary = await runSweep({
      config: mergeConfig({ data: path.join(dir, 'data'), seeds: path.join(dir, 'seeds.txt'), allowPrivate: true, delayMs: 0, render: 'never' }),
      progress: createProgress(process.stderr, true),
    });
    sweepId = summary.sweep;
    // from here on the web is gone: reanalysis must not need it
    await new Promise<void>((r) => server.close(() => r()));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('re-derives the same findings from snapshots alone', async () => {
    const store = await openStore(path.join(dir, 'data'), { readOnly: true });
    const before = store.data.findings.map((f) => f.fingerprint).sort();
    await store.close();
    expect(before.length).toBeGreaterThan(0);
    const result = await reanalyzeSweep({ data: path.join(dir, 'data'), sweep: sweepId, progress: createProgress(process.stderr, true) });
    expect(result.after).toBe(before.length);
    const again = await openStore(path.join(dir, 'data'), { readOnly: true });
    expect(again.data.findings.map((f) => f.fingerprint).sort()).toEqual(before);
    await again.close();
  });

  it("applies today's dictionaries: a rule added after the sweep finds its phrase in the old pages", async () => {
    const dicts = path.join(dir, 'dictionaries');
    await cp(new URL('../../dictionaries/', import.meta.url).pathname, dicts, { recursive: true });
    const file = path.join(dicts, 'celebrity.yaml');
    const extra = [
      '  - id: celebrity/test-added-team',
      '    severity: low',
      '    description: { ja: 架空の球団名, en: an invented team name added after the sweep }',
      '    reference: test',
      "    patterns: ['北斗星ナイン']",
      '    specs: { match: [北斗星ナインの選手も通います。], notMatch: [北斗七星が見えます。] }',
      '',
    ].join('\n');
    await writeFile(file, `${await readFile(file, 'utf8')}\n${extra}`);
    const result = await reanalyzeSweep({ data: path.join(dir, 'data'), sweep: 'latest', progress: createProgress(process.stderr, true), dictionariesDir: dicts });
    const added = result.sites.flatMap((s) => s.findings).filter((f) => f.rule === 'celebrity/test-added-team');
    expect(added).toHaveLength(1);
    expect(added[0]?.match).toBe('北斗星ナイン');
    expect(result.after).toBe(result.before + 1);
  });

  it('names the sweep it cannot find', async () => {
    await expect(reanalyzeSweep({ data: path.join(dir, 'data'), sweep: 'nope', progress: createProgress(process.stderr, true) })).rejects.toThrow(/no sweep nope/);
  });
});
