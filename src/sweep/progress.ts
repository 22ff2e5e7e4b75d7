// Sweep progress: a live bar on a TTY, plain log lines otherwise (cron, CI,
// pipes). Always on stderr, so `--json` output on stdout stays clean.
import cliProgress from 'cli-progress';

export interface ProgressCounts {
  sitesDone: number;
  sitesTotal: number;
  pages: number;
  findings: number;
  errors: number;
}

export interface Progress {
  start(total: number): void;
  update(counts: ProgressCounts, line?: string): void;
  log(line: string): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  if (quiet) return { start() {}, update() {}, log() {}, stop() {} };
  if (stream.isTTY) return barProgress(stream);
  return lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'sites {bar} {value}/{total} | pages {pages} | findings {findings} | errors {errors} | {rate} pages/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { pages: 0, findings: 0, errors: 0, rate: '0.0' }),
    update(c) {
      const secs = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(c.sitesDone, { pages: c.pages, findings: c.findings, errors: c.errors, rate: (c.pages / secs).toFixed(1) });
    },
    log(line) {
      // cli-progress redraws over the current line; write above it
      stream.write(`\r\x1b[K${line}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream): Progress {
  const started = Date.now();
  return {
    start: (total) => stream.write(`sweep: ${total} sites to visit\n`),
    update(c, line) {
      if (!line) return;
      const secs = Math.round((Date.now() - started) / 1000);
      stream.write(`[${c.sitesDone}/${c.sitesTotal}] ${line} (pages ${c.pages}, findings ${c.findings}, errors ${c.errors}, ${secs}s)\n`);
    },
    log: (line) => stream.write(`${line}\n`),
    stop() {},
  };
}
