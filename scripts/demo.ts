// `npm run demo`: the whole job on the built-in farm of fake clinic sites,
// through the real CLI, so a newcomer sees the commands staff would run:
// two sweeps (the farm changes in between), the trial counts, the flagged-site
// list, the diff, the trends, an XLSX export and the HTML report.
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFarm } from '../test/farm/farm.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoDir = path.join(root, 'crawls', 'demo');
const dataDir = path.join(demoDir, 'data');
const cli = path.join(root, 'bin', 'exoscan.js');

function exoscan(args: string[]): Promise<void> {
  const shown = args.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ');
  process.stdout.write(`\n\x1b[1m$ exoscan ${shown.replaceAll(root, '')}\x1b[0m\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exoscan ${args[0]} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  await rm(demoDir, { recursive: true, force: true });
  await mkdir(demoDir, { recursive: true });
  const farm = await startFarm({ generation: 1 });
  try {
    const config = path.join(demoDir, 'exoscan.config.yaml');
    const seeds = path.join(demoDir, 'seeds.txt');
    const writeInputs = async () => {
      await writeFile(seeds, `# the demo farm's sites\n${farm.seeds().join('\n')}\n`);
      await writeFile(
        config,
        [
          '# Demo config: the local farm stands in for the web, its fake SearXNG for a search engine.',
          'data: data',
          'seeds: seeds.txt',
          'queries: [エクソソーム クリニック 再生医療]',
          'providers:',
          `  - { type: searxng, url: "${farm.searxngUrl}", maxResults: 20 }`,
          'allowPrivate: true   # the farm lives on 127.0.0.1',
          'delayMs: 100',
          'concurrency: 6',
          'maxPagesPerSite: 30',
          '',
        ].join('\n'),
      );
    };
    process.stdout.write(`demo: a farm of ${farm.sites.length} fake sites is up on 127.0.0.1 (ports ${farm.sites[0]?.key} …)\n`);

    await writeInputs();
    await exoscan(['sweep', '--config', config]);
    await exoscan(['trials', '--base-url', farm.trialsUrl, '--data', dataDir]);

    farm.setGeneration(2);
    process.stdout.write('\ndemo: a month later — some clinics dropped claims, some added, a new clinic appeared\n');
    await writeInputs();
    await exoscan(['sweep', '--config', config]);
    await exoscan(['trials', '--base-url', farm.trialsUrl, '--data', dataDir]);

    await exoscan(['sites', '--data', dataDir]);
    await exoscan(['diff', '--data', dataDir]);
    await exoscan(['trends', '--data', dataDir]);
    const xlsx = path.join(demoDir, 'exoscan.xlsx');
    await exoscan(['export', '--format', 'xlsx', '--out', xlsx, '--data', dataDir]);
    const reportDir = path.join(demoDir, 'report');
    await exoscan(['report', '--out', reportDir, '--data', dataDir]);

    process.stdout.write(
      [
        '',
        'demo: done.',
        `  report: ${path.join(reportDir, 'index.html')} (open it in a browser; no server needed)`,
        `  export: ${xlsx}`,
        `  data:   ${dataDir} (database and page snapshots)`,
        '',
      ].join('\n'),
    );
  } finally {
    await farm.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
