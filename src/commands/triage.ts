// `exoscan triage`: record what staff decided about a finding or a whole site.
import { Option, type Command } from 'commander';
import { siteTarget } from '../history/triage.ts';
import { triageLabel } from '../report/labels.ts';
import { TRIAGE_STATUSES, type Database, type TriageStatus } from '../store/records.ts';
import { dataOption, printJson, withStore } from './store-command.ts';

/** The triage target for what the user typed; an error names what is unknown. */
export function triageTarget(db: Readonly<Database>, input: string, wholeSite: boolean): string {
  const siteKey = wholeSite ? input : input.startsWith('site:') ? input.slice('site:'.length) : undefined;
  if (siteKey !== undefined) {
    if (!db.sites.some((s) => s.key === siteKey)) throw new Error(`unknown site "${siteKey}" (see \`exoscan sites\`)`);
    return siteTarget(siteKey);
  }
  if (!db.findings.some((f) => f.fingerprint === input)) {
    const hint = db.sites.some((s) => s.key === input) ? `; for the whole site use --site or site:${input}` : '';
    throw new Error(`no finding with fingerprint "${input}"${hint}`);
  }
  return input;
}

export function register(program: Command): void {
  program
    .command('triage')
    .description('set the triage status of a finding (by fingerprint) or of a whole site (--site KEY or site:KEY)')
    .argument('<target>', 'finding fingerprint, or a site key with --site, or site:<key>')
    .addOption(new Option('--status <status>', 'new status').choices(TRIAGE_STATUSES).makeOptionMandatory())
    .option('--note <text>', 'note kept with the status (e.g. who wrote to the site, and when)')
    .option('--site', 'the target is a site key')
    .addOption(dataOption())
    .option('--json', 'print the stored triage record as JSON')
    .action((input: string, opts: { status: TriageStatus; note?: string; site?: boolean; data: string; json?: boolean }) =>
      withStore(opts.data, false, async (store) => {
        const target = triageTarget(store.data, input, !!opts.site);
        const rec = await store.setTriage(target, opts.status, opts.note);
        if (opts.json) printJson(rec);
        else process.stdout.write(`${target}: ${triageLabel(rec.status)}${rec.note ? ` — ${rec.note}` : ''}\n`);
      }),
    );
}
