// The file format of the two big tables. Pages and findings are written as
// rows of a column list, with every string stored once in a shared `strings`
// table: the same URL, site, sweep id, date, rule and (across sweeps) the same
// sentence appear thousands of times, and key names would repeat in every
// record. In memory the database keeps its plain record shape (records.ts);
// a table written as a plain array of records (older files) is read as is.
import type { Database, FindingRecord, PageRecord } from './records.ts';

/** `s`: a string, stored as an index into `strings`; `v`: a number or boolean, stored as is. */
type Kind = 's' | 'v';

const PAGE_COLUMNS = {
  sweep: 's', site: 's', url: 's', requestedUrl: 's', status: 'v', fetchedAt: 's',
  snapshot: 's', sha256: 's', rendered: 'v', screenshot: 's', title: 's',
} as const satisfies Record<keyof PageRecord, Kind>;

const FINDING_COLUMNS = {
  sweep: 's', site: 's', fingerprint: 's', category: 's', rule: 's', severity: 's', url: 's',
  sentence: 's', match: 's', start: 'v', end: 'v', seen: 's', disclosure: 's',
} as const satisfies Record<keyof FindingRecord, Kind>;

const COMPACT_TABLES: Record<'pages' | 'findings', Record<string, Kind>> = {
  pages: PAGE_COLUMNS,
  findings: FINDING_COLUMNS,
};

type Row = (number | boolean | null)[];
interface CompactTable {
  columns: string[];
  rows: Row[];
}

/** A decoding failure at a path of the file, e.g. `pages.rows[12][3]`. */
export class CodecError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Encodes for writing, straight to JSON text. Records are never changed in
 * place once stored (they are replaced), so each record's row is serialized
 * once per session and the string table only grows: a write then costs a join
 * of cached pieces rather than a JSON.stringify of the whole database. Strings
 * of replaced records are dropped when the next session re-encodes from scratch.
 */
export class Encoder {
  readonly #strings: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #rows = new WeakMap<object, string>();

  encode(db: Database): string {
    const { pages, findings, ...rest } = db;
    const head = JSON.stringify(rest);
    const tables = `"pages":${this.#table(pages, PAGE_COLUMNS)},"findings":${this.#table(findings, FINDING_COLUMNS)}`;
    return `${head.slice(0, -1)},${tables},"strings":[${this.#strings.join(',')}]}`;
  }

  #table(records: readonly object[], spec: Record<string, Kind>): string {
    const columns = Object.keys(spec);
    const rows = records.map((rec) => {
      let row = this.#rows.get(rec);
      if (row === undefined) {
        const values = rec as Record<string, unknown>;
        const cells: Row = columns.map((c) => {
          const v = values[c];
          if (v === undefined) return null;
          return spec[c] === 's' ? this.#intern(v as string) : (v as number | boolean);
        });
        row = JSON.stringify(cells);
        this.#rows.set(rec, row);
      }
      return row;
    });
    return `{"columns":${JSON.stringify(columns)},"rows":[${rows.join(',')}]}`;
  }

  /** Index into the string table; the table keeps each entry already as JSON text. */
  #intern(s: string): number {
    let i = this.#index.get(s);
    if (i === undefined) {
      i = this.#strings.push(JSON.stringify(s)) - 1;
      this.#index.set(s, i);
    }
    return i;
  }
}

/** Turns a parsed file into the plain record shape; the result still needs schema validation. */
export function decode(file: Record<string, unknown>): Record<string, unknown> {
  const { strings, ...out } = file;
  if (strings !== undefined && (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string'))) {
    throw new CodecError('strings', 'expected an array of strings');
  }
  for (const [name, spec] of Object.entries(COMPACT_TABLES)) {
    const table = out[name];
    if (table === undefined || Array.isArray(table)) continue;
    out[name] = decodeTable(name, table, spec, (strings ?? []) as string[]);
  }
  return out;
}

function decodeTable(name: string, table: unknown, spec: Record<string, Kind>, strings: string[]): object[] {
  const t = table as Partial<CompactTable> | null;
  if (!t || typeof t !== 'object' || !Array.isArray(t.columns) || !Array.isArray(t.rows)) {
    throw new CodecError(name, 'expected an array of records or {columns, rows}');
  }
  const columns = t.columns;
  columns.forEach((c, j) => {
    if (typeof c !== 'string' || !(c in spec)) throw new CodecError(`${name}.columns[${j}]`, `unknown column ${JSON.stringify(c)}`);
  });
  return t.rows.map((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== columns.length) {
      throw new CodecError(`${name}.rows[${i}]`, `expected an array of ${columns.length} values`);
    }
    const rec: Record<string, unknown> = {};
    row.forEach((v: unknown, j) => {
      if (v === null) return;
      const column = columns[j]!;
      if (spec[column] === 'v') {
        rec[column] = v;
        return;
      }
      const s = typeof v === 'number' ? strings[v] : undefined;
      if (s === undefined) throw new CodecError(`${name}.rows[${i}][${j}]`, `${column}: no string #${String(v)} in the string table`);
      rec[column] = s;
    });
    return rec;
  });
}
