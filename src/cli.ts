// argv → commands. No logic here: each command lives in src/commands/.
import { Command, CommanderError } from 'commander';
import { register as analyze } from './commands/analyze.ts';
import { register as diff } from './commands/diff.ts';
import { register as exportCommand } from './commands/export.ts';
import { register as reanalyze } from './commands/reanalyze.ts';
import { register as report } from './commands/report.ts';
import { register as sites } from './commands/sites.ts';
import { register as sweep } from './commands/sweep.ts';
import { register as trends } from './commands/trends.ts';
import { register as triage } from './commands/triage.ts';
import { register as trials } from './commands/trials.ts';
import { VERSION } from './version.ts';

// `exoscan … | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('exoscan')
  .description('Watches the Japanese web for misleading marketing of exosome / EV treatments')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

// in the order of the pipeline: analyze one page, sweep the web, then read the history
for (const register of [analyze, sweep, reanalyze, sites, diff, trends, exportCommand, triage, trials, report]) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`exoscan: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
