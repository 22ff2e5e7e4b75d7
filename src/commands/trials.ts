// `exoscan trials`: count registered interventional EV / exosome trials on
// ClinicalTrials.gov, store the count with the date, and show the history.
import type { Command } from 'commander';
import { trends } from '../history/trends.ts';
import { colorsFor } from '../report/terminal.ts';
import { trialsView } from '../report/views.ts';
import { DEFAULT_BASE_URL, DEFAULT_QUERY, fetchTrialCounts } from '../trials/clinicaltrials.ts';
import { dataOption, printJson, withStore } from './store-command.ts';

export function register(program: Command): void {
  program
    .command('trials')
    .description('count interventional exosome / extracellular-vesicle trials on ClinicalTrials.gov (API v2) per phase, store the count, show all counts so far')
    .option('--query <terms>', 'ClinicalTrials.gov query.term', DEFAULT_QUERY)
    .option('--base-url <url>', 'API base URL', DEFAULT_BASE_URL)
    .addOption(dataOption())
    .option('--json', 'print the new count as JSON on stdout')
    .action((opts: { query: string; baseUrl: string; data: string; json?: boolean }) =>
      withStore(opts.data, false, async (store) => {
        const rec = await fetchTrialCounts({ baseUrl: opts.baseUrl, query: opts.query });
        await store.addTrialCount(rec);
        if (opts.json) printJson(rec);
        else process.stdout.write(`${trialsView(trends(store.data).trials, colorsFor(!!process.stdout.isTTY))}\n`);
      }),
    );
}
