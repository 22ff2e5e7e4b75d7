// `exoscan sites`: the flagged-site list of a sweep.
import { Option, type Command } from 'commander';
import { flaggedSites, type SiteFilter } from '../history/sites.ts';
import { CATEGORIES, SEVERITIES, SITE_TYPES } from '../model.ts';
import { colorsFor } from '../report/terminal.ts';
import { sitesView } from '../report/views.ts';
import { TRIAGE_STATUSES } from '../store/records.ts';
import { dataOption, printJson, withStore } from './store-command.ts';

/** The filter options shared with `export`. */
export function addSiteFilterOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--category <category>', 'only sites with a finding of this category').choices(CATEGORIES))
    .addOption(new Option('--severity <severity>', 'only sites with a finding of at least this severity').choices(SEVERITIES))
    .addOption(new Option('--type <type>', 'site type (default: clinic and seller sites)').choices(SITE_TYPES))
    .addOption(new Option('--status <status>', 'site triage status').choices(TRIAGE_STATUSES))
    .option('--sweep <id>', 'sweep id (default: the latest finished sweep)');
}

export function register(program: Command): void {
  const cmd = program
    .command('sites')
    .description('list the flagged sites of a sweep: counts per category, highest severity, dates, triage status, top evidence');
  addSiteFilterOptions(cmd)
    .addOption(dataOption())
    .option('--json', 'print the rows as JSON on stdout')
    .action((opts: SiteFilter & { data: string; json?: boolean }) =>
      withStore(opts.data, true, (store) => {
        const { data: _data, json, ...filter } = opts;
        const rows = flaggedSites(store.data, filter);
        if (json) printJson(rows);
        else process.stdout.write(`${sitesView(rows, colorsFor(!!process.stdout.isTTY))}\n`);
      }),
    );
}
