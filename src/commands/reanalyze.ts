// `exoscan reanalyze <sweep-id>`: today's dictionaries on stored snapshots.
import type { Command } from 'commander';
import { sweepView } from '../report/sweep-view.ts';
import { colorsFor } from '../report/terminal.ts';
import { createProgress } from '../sweep/progress.ts';
import { reanalyzeSweep } from '../sweep/reanalyze.ts';
import { dataOption } from './store-command.ts';

export function register(program: Command): void {
  program
    .command('reanalyze')
    .description("Re-run today's dictionaries on a stored sweep's snapshots (no refetch); replaces that sweep's findings")
    .argument('<sweep-id>', 'a sweep id (see `exoscan trends`), or "latest"')
    .addOption(dataOption())
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no progress output')
    .action(async (sweep: string, opts: { data: string; json?: boolean; quiet?: boolean }) => {
      const result = await reanalyzeSweep({ data: opts.data, sweep, progress: createProgress(process.stderr, opts.quiet ?? false) });
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${sweepView(result, colorsFor(process.stdout.isTTY === true))}\n指摘数: ${result.before} → ${result.after}\n`);
    });
}
