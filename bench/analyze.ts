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
let findings = 0;
let sentences = 0;
let tokenized = 0;
const analyzeAll = () =>
  timed(async () => {
    findings = sentences = tokenized = 0;
    for (const p of pages) {
      const doc = await analyzer.analyzeText(p.text, p.source);
      findings += doc.findings.length;
      sentences += doc.stats.sentences;
      tokenized += doc.stats.tokenizedSentences;
    }
  });
// The analyzer runs before and after the naive pass and counts as the mean of
// the two: a load that rises or falls during the run (another job on a shared
// machine) then weighs on both sides alike.
const a1 = await analyzeAll();
const analyzerRss = rssMb();

const tokenizer = await getTokenizer();
for (const p of warmup) for (const s of splitSentences(p.text)) tokenizer.tokenize(s.text);
let tokens = 0;
const n = await timed(async () => {
  for (const p of pages) {
    for (const s of splitSentences(p.text)) tokens += tokenizer.tokenize(s.text).length;
  }
});
const a2 = await analyzeAll();
const a = { wall: (a1.wall + a2.wall) / 2, cpu: (a1.cpu + a2.cpu) / 2 };
console.log(
  `analyzer:       ${(size / a.wall).toFixed(2)} MB/s wall (${a1.wall.toFixed(1)} s before, ${a2.wall.toFixed(1)} s after the naive pass), ` +
    `${(size / a.cpu).toFixed(2)} MB/s CPU; ${findings} findings, ${sentences} sentences, ${tokenized} tokenized; peak RSS ${analyzerRss.toFixed(0)} MB`,
);
console.log(
  `naive kuromoji: ${(size / n.wall).toFixed(2)} MB/s wall (${n.wall.toFixed(1)} s), ${(size / n.cpu).toFixed(2)} MB/s CPU; ` +
    `${tokens} tokens; peak RSS ${rssMb().toFixed(0)} MB`,
);
console.log(`ratio analyzer/naive: ${(n.wall / a.wall).toFixed(1)}x wall, ${(n.cpu / a.cpu).toFixed(1)}x CPU (target >= 10x, peak RSS < 1024 MB)`);
