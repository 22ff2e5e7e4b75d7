// Shared by the history commands: open the store, run, always close, and turn a
// failure into one clear line on stderr and a non-zero exit code.
import { Option } from 'commander';
import { DEFAULTS } from '../config.ts';
import { openStore, type Store } from '../store/store.ts';

export function dataOption(): Option {
  return new Option('--data <dir>', 'data directory holding the database and snapshots').default(DEFAULTS.data);
}

export async function withStore(dataDir: string, readOnly: boolean, run: (store: Store) => Promise<void> | void): Promise<void> {
  let store: Store | undefined;
  try {
    store = await openStore(dataDir, { readOnly });
    for (const note of store.notes) process.stderr.write(`exoscan: ${note}\n`);
    await run(store);
  } catch (err) {
    process.stderr.write(`exoscan: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  } finally {
    await store?.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
