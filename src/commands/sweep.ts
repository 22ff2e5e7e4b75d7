// `exoscan sweep`: discovery → crawl → analyze → store, with resume.
import { Option } from 'commander';
import type { Command } from 'commander';
import { DEFAULTS, mergeConfig, readConfigFile, RENDER_MODES } from '../config.ts';
import type { SweepConfig } from '../config.ts';
import { colorsFor } from '../report/terminal.ts';
import { sweepView } from '../report/sweep-view.ts';
import { createProgress } from '../sweep/progress.ts';
import { runSweep } from '../sweep/run-sweep.ts';

interface SweepFlags {
  config?: string;
  data?: string;
  seeds?: string;
  query?: string[];
  searxng?: string;
  brave?: boolean;
  maxPagesPerSite?: number;
  maxDepth?: number;
  maxSites?: number;
  concurrency?: number;
  workers?: number;
  delayMs?: number;
  render?: SweepConfig['render'];
  allowPrivate?: boolean;
  userAgent?: string;
  contact?: string;
  resume?: boolean;
  json?: boolean;
  quiet?: boolean;
}

function int(name: string, min = 0) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} expects a whole number >= ${min}, got "${value}"`);
    return n;
  };
}

/** Flags as a config layer: only what was given, so the config file's values stand otherwise. */
function flagLayer(f: SweepFlags): Partial<SweepConfig> {
  const providers: SweepConfig['providers'] = [];
  if (f.searxng) providers.push({ type: 'searxng', url: f.searxng });
  if (f.brave) providers.push({ type: 'brave', keyEnv: 'BRAVE_API_KEY' });
  return {
    data: f.data,
    seeds: f.seeds,
    queries: f.query,
    providers: providers.length ? providers : undefined,
    maxPagesPerSite: f.maxPagesPerSite,
    maxDepth: f.maxDepth,
    maxSites: f.maxSites,
    concurrency: f.concurrency,
    workers: f.workers,
    delayMs: f.delayMs,
    render: f.render,
    allowPrivate: f.allowPrivate,
    userAgent: f.userAgent,
    contact: f.contact,
  };
}

export function register(program: Command): void {
  program
    .command('sweep')
    .description('Discover clinic and seller sites, crawl them politely, and store evidence-backed findings')
    .option('--config <file>', 'YAML config file (flags override it)')
    .option('--data <dir>', `data directory: database and snapshots (default "${DEFAULTS.data}")`)
    .option('--seeds <file>', 'seed list: URLs or domains, one a line, # comments')
    .option('--query <text...>', 'search queries (default: the society\'s tracked queries)')
    .option('--searxng <url>', 'search with a self-hosted SearXNG (JSON format enabled)')
    .option('--brave', 'search with the Brave Search API (key in BRAVE_API_KEY)')
    .option('--max-pages-per-site <n>', `pages per site (default ${DEFAULTS.maxPagesPerSite})`, int('--max-pages-per-site', 1))
    .option('--max-depth <n>', `link depth from the start pages (default ${DEFAULTS.maxDepth})`, int('--max-depth'))
    .option('--max-sites <n>', 'stop discovery after this many sites', int('--max-sites', 1))
    .option('--concurrency <n>', `sites crawled in parallel (default ${DEFAULTS.concurrency})`, int('--concurrency', 1))
    .option('--workers <n>', 'worker threads that read and analyze pages; 0 = all on the main thread (default: cores - 1, at most 4)', int('--workers'))
    .option('--delay-ms <n>', `pause between requests to one host (default ${DEFAULTS.delayMs}; robots Crawl-delay wins when longer)`, int('--delay-ms'))
    .addOption(new Option('--render <mode>', 'render JavaScript pages with Chromium (default auto)').choices(RENDER_MODES))
    .option('--allow-private', 'allow loopback/private addresses (the test farm and demo need it)')
    .option('--contact <url>', 'contact URL put in our User-Agent: exoscan/<version> (+URL)')
    .option('--user-agent <string>', 'replace the whole User-Agent (robots.txt rules for "exoscan" still apply)')
    .option('--resume', 'continue the last interrupted sweep in the data directory')
    .option('--json', 'print the summary as JSON on stdout (progress goes to stderr)')
    .option('--quiet', 'no progress output')
    .addHelpText(
      'after',
      `
Examples:
  exoscan sweep --config exoscan.config.yaml
  exoscan sweep --seeds sites.txt --data ./crawls --max-pages-per-site 40
  exoscan sweep --resume

Environment: BRAVE_API_KEY (Brave provider), EXOSCAN_CHROMIUM (browser path).`,
    )
    .action(async (flags: SweepFlags) => {
      const file = flags.config ? await readConfigFile(flags.config) : {};
      const config = mergeConfig(file, flagLayer(flags));
      const controller = new AbortController();
      const stop = () => {
        if (controller.signal.aborted) process.exit(130);
        process.stderr.write('\nexoscan: stopping after the sites in flight (Ctrl-C again to quit at once); resume with --resume\n');
        controller.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        const summary = await runSweep({ config, resume: flags.resume ?? false, progress: createProgress(process.stderr, flags.quiet ?? false), signal: controller.signal });
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else process.stdout.write(`${sweepView(summary, colorsFor(process.stdout.isTTY === true))}\n`);
        if (summary.status === 'interrupted') process.exitCode = 130;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
