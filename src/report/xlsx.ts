// The XLSX export: one sheet per table, Japanese sheet names, header row frozen
// and filterable so staff can sort in Excel straight away.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// Loaded on first use: exceljs is slow to import and only `export --format xlsx` needs it.
const require = createRequire(import.meta.url);
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;
import type { ExportData } from './json.ts';
import { findingsTable, sitesTable, trendsTable, trialsTable, type Table } from './tables.ts';

export const SHEET_NAMES = { sites: 'サイト一覧', findings: '指摘一覧', trends: '推移', trials: '臨床試験数' } as const;

function addSheet(wb: ExcelJS.Workbook, name: string, table: Table): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.headers).font = { bold: true };
  // Cells are written as plain values: exceljs only makes a formula from a { formula } object,
  // so text from the web cannot become one here.
  for (const row of table.rows) ws.addRow(row);
  if (table.headers.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  table.headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...table.rows.map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest * 1.6));
  });
}

export function buildWorkbook(data: ExportData): ExcelJS.Workbook {
  const wb = new (excel().Workbook)();
  wb.creator = 'exoscan';
  addSheet(wb, SHEET_NAMES.sites, sitesTable(data.sites));
  addSheet(wb, SHEET_NAMES.findings, findingsTable(data.findings));
  addSheet(wb, SHEET_NAMES.trends, trendsTable(data.trends));
  addSheet(wb, SHEET_NAMES.trials, trialsTable(data.trends));
  return wb;
}

export async function writeXlsx(data: ExportData, file: string): Promise<void> {
  await buildWorkbook(data).xlsx.writeFile(file);
}
