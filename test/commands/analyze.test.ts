import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = new URL('../../bin/exoscan.js', import.meta.url).pathname;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

interface JsonOut {
  documents: { source: string; siteType: string; findings: { category: string; rule: string; severity: string; sentence: string; match: string; start: number; end: number }[] }[];
  errors: { source: string; message: string }[];
  site?: { findings: { category: string; disclosure?: string }[]; disclosuresMissing: string[] };
}

const CLINIC = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>みどり坂クリニック｜エクソソーム点滴</title></head>
<body><nav><ul><li><a href="/">トップ</a></li><li><a href="/price">料金</a></li></ul></nav>
<main><h1>エクソソーム点滴療法</h1>
<p>当院のエクソソーム点滴は副作用がありません。</p>
<p>副作用がないわけではありません。まれに発熱や倦怠感が出ることがあります。</p>
<p>エクソソーム（幹細胞培養上清液）を点滴で投与します。</p>
<table><tr><th>エクソソーム点滴</th><td>1回 33,000円（税込）</td></tr></table>
</main><footer>医療法人社団みどり会 みどり坂クリニック　院長 緑川一郎　診療時間 10:00〜18:00</footer></body></html>`;

describe('exoscan analyze (CLI)', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'exoscan-analyze-'));
    await writeFile(path.join(dir, 'clinic.html'), CLINIC);
    await writeFile(path.join(dir, 'sjis.html'), iconv.encode(CLINIC.replace('utf-8', 'Shift_JIS'), 'cp932'));
    await writeFile(path.join(dir, 'empty.html'), '');
    await mkdir(path.join(dir, 'empty'));
    await mkdir(path.join(dir, 'site'));
    await writeFile(path.join(dir, 'site', 'b.html'), CLINIC);
    await writeFile(path.join(dir, 'site', 'a.htm'), '<p>当院のエクソソーム点滴で必ず若返ります。</p>');
    await writeFile(path.join(dir, 'site', 'notes.csv'), 'not a page');
    await writeFile(path.join(dir, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await writeFile(path.join(dir, 'broken.html'), '<html><body><div><p>当院のエクソソーム点滴で<b>必ず若返ります<p><table><td>未閉じ');
    await writeFile(path.join(dir, 'odd-charset.html'), '<meta charset="x-klingon"><p>エクソソーム点滴は副作用ゼロです。</p>');
    server = createServer((req, res) => {
      if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html; charset=shift_jis' }).end(iconv.encode(CLINIC.replace('utf-8', 'Shift_JIS'), 'cp932'));
      else res.writeHead(404).end('not here');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the fixed JSON shape with offsets into the original sentence', async () => {
    const r = await run(['analyze', '--json', path.join(dir, 'clinic.html')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    const doc = out.documents[0]!;
    expect(doc.siteType).toBe('clinic');
    const cats = doc.findings.map((f) => f.category);
    expect(cats).toContain('safety-claim');
    expect(cats).toContain('supernatant-as-ev');
    for (const f of doc.findings) {
      expect(f.sentence.slice(f.start, f.end)).toBe(f.match);
      expect(f.rule.startsWith(`${f.category}/`)).toBe(true);
    }
    // the negated sentence is not a claim
    expect(doc.findings.some((f) => f.sentence.startsWith('副作用がないわけでは'))).toBe(false);
  });

  it('reads Shift_JIS files and URLs the same as UTF-8', async () => {
    const utf8 = JSON.parse((await run(['analyze', '--json', path.join(dir, 'clinic.html')])).stdout) as JsonOut;
    const sjis = JSON.parse((await run(['analyze', '--json', path.join(dir, 'sjis.html')])).stdout) as JsonOut;
    const url = JSON.parse((await run(['analyze', '--json', '--allow-private', `${base}/page`])).stdout) as JsonOut;
    const key = (o: JsonOut) => o.documents[0]!.findings.map((f) => `${f.rule}|${f.sentence}`).sort();
    expect(key(sjis)).toEqual(key(utf8));
    expect(key(url)).toEqual(key(utf8));
  });

  it('refuses private addresses unless --allow-private, with a clear message', async () => {
    const r = await run(['analyze', `${base}/page`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/127\.0\.0\.1.*(private|loopback)/i);
  });

  it('gives one clear message per bad input and still analyzes the others', async () => {
    const r = await run([
      'analyze',
      '--json',
      '--allow-private',
      path.join(dir, 'empty.html'),
      path.join(dir, 'missing.html'),
      path.join(dir, 'image.html'),
      path.join(dir, 'empty'),
      `${base}/gone`,
      path.join(dir, 'broken.html'),
      path.join(dir, 'odd-charset.html'),
    ]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as JsonOut;
    const msg = Object.fromEntries(out.errors.map((e) => [path.basename(e.source), e.message]));
    expect(msg['empty.html']).toMatch(/empty/);
    expect(msg['missing.html']).toMatch(/no such file/);
    expect(msg['image.html']).toMatch(/binary|PNG/i);
    expect(msg.empty).toMatch(/directory with no \.html/);
    expect(msg.gone).toMatch(/404/);
    expect(out.documents.map((d) => path.basename(d.source))).toEqual(['broken.html', 'odd-charset.html']);
    expect(out.documents[0]!.findings.some((f) => f.category === 'efficacy-claim')).toBe(true);
    expect(out.documents[1]!.findings.some((f) => f.category === 'safety-claim')).toBe(true);
    for (const e of out.errors) expect(r.stderr).toContain(e.message);
  });

  it('reads a directory as the page files in it, in name order', async () => {
    const out = JSON.parse((await run(['analyze', '--json', path.join(dir, 'site')])).stdout) as JsonOut;
    expect(out.documents.map((d) => path.basename(d.source))).toEqual(['a.htm', 'b.html']);
    expect(out.errors).toEqual([]);
  });

  it('--site adds one missing-disclosure finding per missing item', async () => {
    const r = await run(['analyze', '--json', '--site', path.join(dir, 'clinic.html')]);
    const out = JSON.parse(r.stdout) as JsonOut;
    const missing = out.site!.findings.filter((f) => f.category === 'missing-disclosure').map((f) => f.disclosure);
    expect(missing).toEqual(out.site!.disclosuresMissing);
    expect(missing).toContain('unapproved');
    expect(missing).toContain('relief-system-not-applicable');
    expect(missing).not.toContain('cost'); // the price table gives the cost
  });

  it('prints a readable terminal view grouped by category, and exits non-zero on a wrong flag', async () => {
    const r = await run(['analyze', path.join(dir, 'clinic.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('安全性の断定 (safety-claim)');
    expect(r.stdout).toContain('種別: 医療機関 (clinic)');
    const bad = await run(['analyze', '--no-such-flag', path.join(dir, 'clinic.html')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown option/);
  });
});
