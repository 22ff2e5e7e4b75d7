// `exoscan report`: write the static HTML report and print where it is.
import type { Command } from 'commander';
import { writeReport } from '../report/html/write.ts';
import { dataOption, withStore } from './store-command.ts';

export function register(program: Command): void {
  program
    .command('report')
    .description('write a self-contained HTML report (dashboard, trend charts, flagged-site table, one page per site) that opens from disk')
    .option('--out <dir>', 'output directory', 'reports')
    .option('--sweep <id>', 'sweep id (default: the latest finished sweep)')
    .addOption(dataOption())
    .action((opts: { out: string; sweep?: string; data: string }) =>
      withStore(opts.data, true, async (store) => {
        const { index } = await writeReport(store.data, opts.out, { dataDir: opts.data, ...(opts.sweep ? { sweep: opts.sweep } : {}) });
        process.stdout.write(`${index}\n`);
      }),
    );
}
