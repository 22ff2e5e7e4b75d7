import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv, neutralizeCell } from '../../src/report/csv.ts';
import { buildExport, toJson } from '../../src/report/json.ts';
import { findingsTable, sitesTable } from '../../src/report/tables.ts';
import { SHEET_NAMES, writeXlsx } from '../../src/report/xlsx.ts';
import { buildDatabase, finding, S2 } from '../history/fixture.ts';

function injectedDatabase() {
  const db = buildDatabase();
  db.sites.push({ key: 'clinic-x.example', names: ['+1+cmd|calc', '@SUM(A1)'], type: 'clinic', firstSeen: '2026-04-10T00:00:00.000Z', lastSeen: '2026-04-10T00:00:00.000Z' });
  db.findings.push(
    finding(S2, 'clinic-x.example', 'fp-x', 'efficacy-claim', 'high', '=HYPERLINK("https://evil.example","必ず治ります")', '必ず治ります'),
    finding(S2, 'clinic-x.example', 'fp-x2', 'safety-claim', 'high', '-2+3 副作用はありません', '副作用はありません', '\thttps://clinic-x.example/'),
  );
  return db;
}

describe('CSV export', () => {
  const data = buildExport(injectedDatabase());

  it('starts with a UTF-8 BOM and has Japanese headers with the category id', () => {
    const csv = toCsv(sitesTable(data.sites));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [headers] = parse(csv.slice(1)) as string[][];
    expect(headers).toContain('効果の断定・保証 (efficacy-claim)');
    expect(headers).toContain('限定解除要件の記載漏れ (missing-disclosure)');
    expect(headers![0]).toBe('サイト (site)');
  });

  it('neutralises cells that would start a formula, and only those', () => {
    const sites = parse(toCsv(sitesTable(data.sites)).slice(1)) as string[][];
    const x = sites.find((r) => r[0] === 'clinic-x.example')!;
    expect(x[1]).toBe("'+1+cmd|calc / @SUM(A1)");
    expect(x).toContain('\'=HYPERLINK("https://evil.example","必ず治ります")');
    const findings = parse(toCsv(findingsTable(data.findings)).slice(1)) as string[][];
    const cells = findings.flat();
    expect(cells).toContain("'-2+3 副作用はありません");
    expect(cells).toContain("'\thttps://clinic-x.example/");
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain('エクソソーム点滴で肌が確実に若返ると院長が話します。');
    expect(neutralizeCell('＝1+1')).toBe("'＝1+1");
    expect(neutralizeCell(-1)).toBe(-1);
  });
});

describe('XLSX export', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('writes the sites, findings and trends sheets, readable back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'exoscan-xlsx-'));
    dirs.push(dir);
    const file = join(dir, 'export.xlsx');
    await writeXlsx(buildExport(injectedDatabase()), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_NAMES.sites, SHEET_NAMES.findings, SHEET_NAMES.trends, SHEET_NAMES.trials]);
    expect(SHEET_NAMES).toMatchObject({ sites: 'サイト一覧', findings: '指摘一覧', trends: '推移' });

    const sites = wb.getWorksheet('サイト一覧')!;
    const header = sites.getRow(1).values as unknown[];
    expect(header).toContain('効果の断定・保証 (efficacy-claim)');
    const siteKeys = sites.getColumn(1).values.slice(2);
    expect(siteKeys).toEqual(['clinic-a.example', 'clinic-x.example', 'clinic-f.example', 'seller-c.example']);
    // text from the web stays text, never a formula
    const xRow = sites.getRow(3);
    xRow.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));

    const findings = wb.getWorksheet('指摘一覧')!;
    // A 4, C 2, F 2 (one ruled out, still listed with its status), X 2
    expect(findings.rowCount).toBe(1 + 10);
    const trends = wb.getWorksheet('推移')!;
    expect(trends.getRow(1).values).toEqual([undefined, '指標 (metric)', '2026-01-10 (2026-01-10T00-00-00Z-aaaa)', '2026-04-10 (2026-04-10T00-00-00Z-bbbb)', '2026-07-10 (2026-07-10T00-00-00Z-cccc)']);
    const missing = trends.getColumn(1).values.indexOf('指摘件数: 限定解除要件の記載漏れ (missing-disclosure)');
    expect(trends.getRow(missing).values).toEqual([undefined, '指摘件数: 限定解除要件の記載漏れ (missing-disclosure)', 0, 2, 0]);
    const trials = wb.getWorksheet('臨床試験数')!;
    expect(trials.getRow(3).getCell(3).value).toBe(151);
  });
});

describe('JSON export', () => {
  it('holds the sweep, the site rows, the findings and the trends', () => {
    const parsed = JSON.parse(toJson(buildExport(buildDatabase(), { type: 'seller' })));
    expect(parsed.sweep).toBe(S2);
    expect(parsed.sites.map((s: { site: string }) => s.site)).toEqual(['seller-c.example']);
    expect(parsed.findings).toHaveLength(2);
    expect(parsed.trends.sweeps).toHaveLength(3);
  });
});
