// `exoscan diff [A] [B]`: what changed between two sweeps.
import type { Command } from 'commander';
import { diffSweeps } from '../history/diff.ts';
import { colorsFor } from '../report/terminal.ts';
import { diffView } from '../report/views.ts';
import { dataOption, printJson, withStore } from './store-command.ts';

export function register(program: Command): void {
  program
    .command('diff')
    .description('compare two sweeps (default: the last two): sites new, gone, with claims added or removed, per category, with the sentences')
    .argument('[a]', 'older sweep id')
    .argument('[b]', 'newer sweep id (default: the latest finished sweep)')
    .addOption(dataOption())
    .option('--json', 'print the diff as JSON on stdout')
    .action((a: string | undefined, b: string | undefined, opts: { data: string; json?: boolean }) =>
      withStore(opts.data, true, (store) => {
        const d = diffSweeps(store.data, a, b);
        if (opts.json) printJson(d);
        else process.stdout.write(`${diffView(d, colorsFor(!!process.stdout.isTTY))}\n`);
      }),
    );
}
