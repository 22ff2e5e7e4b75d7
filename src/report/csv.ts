// CSV for Excel users: a BOM so Excel reads UTF-8 Japanese, and no cell may start
// a formula (CSV injection: claims and URLs come from the web).
import { stringify } from 'csv-stringify/sync';
import type { Cell, Table } from './tables.ts';

// Full-width forms too: Japanese Excel input converts them to their ASCII twins.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function neutralizeCell(cell: Cell): Cell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toCsv(table: Table): string {
  const body = stringify([table.headers, ...table.rows].map((row) => row.map(neutralizeCell)), { record_delimiter: 'windows' });
  return `\uFEFF${body}`;
}
