// `exoscan export`: the flagged-site list and the findings as CSV, XLSX or JSON.
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { SiteFilter } from '../history/sites.ts';
import { toCsv } from '../report/csv.ts';
import { buildExport, toJson } from '../report/json.ts';
import { findingsTable, sitesTable } from '../report/tables.ts';
import { writeXlsx } from '../report/xlsx.ts';
import { addSiteFilterOptions } from './sites.ts';
import { dataOption, withStore } from './store-command.ts';

interface ExportOptions extends SiteFilter {
  data: string;
  format: 'csv' | 'xlsx' | 'json';
  out?: string;
  table: 'sites' | 'findings';
}

export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description(
      'export the flagged sites and their findings. CSV (UTF-8 with BOM for Excel; one table, see --table), ' +
        'XLSX (sheets サイト一覧, 指摘一覧, 推移, 臨床試験数) or JSON (everything)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'xlsx', 'json']).default('csv'))
    .option('--out <file>', 'output file (default: stdout for csv/json, exoscan-<sweep>.xlsx for xlsx)')
    .addOption(new Option('--table <table>', 'for csv: which table').choices(['sites', 'findings']).default('sites'));
  addSiteFilterOptions(cmd)
    .addOption(dataOption())
    .action((opts: ExportOptions) =>
      withStore(opts.data, true, async (store) => {
        const { data: _data, format, out, table, ...filter } = opts;
        const data = buildExport(store.data, filter);
        if (format === 'xlsx') {
          const file = out ?? `exoscan-${data.sweep}.xlsx`;
          await writeXlsx(data, file);
          process.stderr.write(`exoscan: wrote ${file}\n`);
          return;
        }
        const text = format === 'json' ? toJson(data) : toCsv(table === 'findings' ? findingsTable(data.findings) : sitesTable(data.sites));
        if (out) {
          await writeFile(out, text);
          process.stderr.write(`exoscan: wrote ${out}\n`);
        } else process.stdout.write(text);
      }),
    );
}
