import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, mergeConfig, parseConfig, readConfigFile } from '../src/config.ts';

describe('sweep config', () => {
  it('reads the README example, resolving paths against the file', () => {
    const cfg = parseConfig(
      '/srv/exoscan/exoscan.config.yaml',
      [
        'data: crawls',
        'seeds: lists/sites.txt',
        'queries:',
        '  - エクソソーム クリニック 再生医療',
        'providers:',
        '  - { type: searxng, url: "http://127.0.0.1:8888", maxResults: 50 }',
        '  - { type: brave, maxResults: 20 }',
        'delayMs: 1500',
        'render: never',
      ].join('\n'),
    );
    expect(cfg.data).toBe('/srv/exoscan/crawls');
    expect(cfg.seeds).toBe('/srv/exoscan/lists/sites.txt');
    expect(cfg.providers?.[1]).toEqual({ type: 'brave', keyEnv: 'BRAVE_API_KEY', maxResults: 20 });
    expect(cfg.render).toBe('never');
  });

  it('names the file and line of a wrong value or an unknown key', () => {
    expect(() => parseConfig('a.yaml', 'data: crawls\ndelayMs: -5\n')).toThrow(/a\.yaml:2:.*delayMs/);
    expect(() => parseConfig('b.yaml', 'data: crawls\n\nmaxPagesPersite: 40\n')).toThrow(/b\.yaml:3:.*maxPagesPersite/);
    expect(() => parseConfig('c.yaml', 'providers:\n  - { type: google }\n')).toThrow(ConfigError);
    expect(() => parseConfig('d.yaml', 'render: sometimes\n')).toThrow(/d\.yaml:1:/);
    expect(() => parseConfig('e.yaml', 'queries: [unclosed\n')).toThrow(/e\.yaml:\d+: invalid YAML/);
  });

  it('treats an empty or comments-only file as setting nothing', () => {
    expect(parseConfig('empty.yaml', '')).toEqual({ data: undefined, seeds: undefined });
    expect(parseConfig('notes.yaml', '# 月次の設定はあとで書く\n')).toEqual({ data: undefined, seeds: undefined });
  });

  it('says which config file it cannot read', async () => {
    await expect(readConfigFile('/nonexistent/exoscan.config.yaml')).rejects.toThrow(/exoscan\.config\.yaml.*ENOENT/);
  });

  it('layers defaults < file < flags, and an absent flag never overrides', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'exoscan-config-'));
    try {
      const file = path.join(dir, 'x.yaml');
      await writeFile(file, 'delayMs: 2000\nconcurrency: 2\n');
      const merged = mergeConfig(await readConfigFile(file), { concurrency: 8, delayMs: undefined });
      expect(merged.delayMs).toBe(2000);
      expect(merged.concurrency).toBe(8);
      expect(merged.maxPagesPerSite).toBe(DEFAULTS.maxPagesPerSite);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
