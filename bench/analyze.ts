// npm run bench:analyze: analyzer throughput and peak RSS on the generated
// corpus, next to naive sentence-by-sentence kuromoji on the same text.
// Rates are given on wall time and on CPU time: on a shared machine the
// wall-time figures move with the load, the CPU-time ones much less.
import { performance } from 'node:perf_hooks';
import { createAnalyzer } from '../src/analyze/analyzer.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { getTokenizer } from '../src/text/tokenizer.ts';
import { generateCorpus } from './corpus.ts';

const mb = (bytes: number) => bytes / (1024 * 1024);
const rssMb = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

async function timed(run: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const pages = generateCorpus();
const size = mb(pages.reduce((n, p) => n + Buffer.byteLength(p.text, 'utf8'), 0));
console.log(`corpus: ${pages.length} pages, ${size.toFixed(2)} MB`);

// Both sides first run once over the whole corpus, unmeasured: a sweep runs
// for hours, so the steady state is what counts (measured here: the
// analyzer's first two passes are 20-30% slower than later ones; naive
// kuromoji shows no such trend).
const warmup = pages;

const analyzer = await createAnalyzer();
for (const p of warmup) await analyzer.analyzeText(p.text, p.source);
const analyzerRss = rssMb();
const tokenizer = await getTokenizer();
for (const p of warmup) for (const s of splitSentences(p.text)) tokenizer.tokenize(s.text);

// The two sides run chunk by chunk, interleaved (analyzer on 50 pages, naive on
// the same 50, next chunk …): a load that comes and goes on a shared machine
// then weighs on both alike, instead of on whichever side ran at the time.
const CHUNK = 50;
const a = { wall: 0, cpu: 0 };
const n = { wall: 0, cpu: 0 };
const add = (to: { wall: number; cpu: number }, t: { wall: number; cpu: number }) => {
  to.wall += t.wall;
  to.cpu += t.cpu;
};
let findings = 0;
let sentences = 0;
let tokenized = 0;
let tokens = 0;
for (let i = 0; i < pages.length; i += CHUNK) {
  const chunk = pages.slice(i, i + CHUNK);
  add(
    a,
    await timed(async () => {
      for (const p of chunk) {
        const doc = await analyzer.analyzeText(p.text, p.source);
        findings += doc.findings.length;
        sentences += doc.stats.sentences;
        tokenized += doc.stats.tokenizedSentences;
      }
    }),
  );
  add(
    n,
    await timed(async () => {
      for (const p of chunk) for (const s of splitSentences(p.text)) tokens += tokenizer.tokenize(s.text).length;
    }),
  );
}
console.log(
  `analyzer:       ${(size / a.wall).toFixed(2)} MB/s wall (${a.wall.toFixed(2)} s), ${(size / a.cpu).toFixed(2)} MB/s CPU; ` +
    `${findings} findings, ${sentences} sentences, ${tokenized} tokenized; peak RSS ${analyzerRss.toFixed(0)} MB`,
);
console.log(
  `naive kuromoji: ${(size / n.wall).toFixed(2)} MB/s wall (${n.wall.toFixed(1)} s), ${(size / n.cpu).toFixed(2)} MB/s CPU; ` +
    `${tokens} tokens; peak RSS ${rssMb().toFixed(0)} MB`,
);
console.log(`ratio analyzer/naive: ${(n.wall / a.wall).toFixed(1)}x wall, ${(n.cpu / a.cpu).toFixed(1)}x CPU (target >= 10x, peak RSS < 1024 MB)`);
