// `exoscan trends`: claim counts, search-hit totals and trial counts over sweeps.
import type { Command } from 'commander';
import { trends } from '../history/trends.ts';
import { colorsFor } from '../report/terminal.ts';
import { trendsView } from '../report/views.ts';
import { dataOption, printJson, withStore } from './store-command.ts';

export function register(program: Command): void {
  program
    .command('trends')
    .description('per sweep: findings per category, flagged sites per category and type, search-hit totals; and the ClinicalTrials.gov counts')
    .addOption(dataOption())
    .option('--json', 'print the trends as JSON on stdout')
    .action((opts: { data: string; json?: boolean }) =>
      withStore(opts.data, true, (store) => {
        const t = trends(store.data);
        if (opts.json) printJson(t);
        else process.stdout.write(`${trendsView(t, colorsFor(!!process.stdout.isTTY))}\n`);
      }),
    );
}
