import { Command } from 'commander';

const program = new Command('exoscan')
  .description('Watches the Japanese web for misleading marketing of exosome / EV treatments');

await program.parseAsync(process.argv);
