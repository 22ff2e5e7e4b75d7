// argv → commands. No logic here: each command lives in src/commands/.
import { Command, CommanderError } from 'commander';
import { register as analyze } from './commands/analyze.ts';
import { register as sweep } from './commands/sweep.ts';
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

analyze(program);
sweep(program);

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
