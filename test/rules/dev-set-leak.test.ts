// The dev set (../shared/examples/dev-set.jsonl) measures the dictionaries; its
// sentences must never be pasted into them or their specs, or the score says
// nothing. This test fails on any run of >= RUN characters (after NFKC and
// whitespace removal) that a dictionary file shares with a dev-set line, unless
// the run also occurs in ../shared/claims.md (stock phrases of the taxonomy).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RUN = 16;
const root = fileURLToPath(new URL('../../', import.meta.url));
const dictDir = `${root}dictionaries/`;
const devPath = `${root}../shared/examples/dev-set.jsonl`;
const claimsPath = `${root}../shared/claims.md`;

/** NFKC, all whitespace removed; iterated by code point. */
const norm = (s: string): string[] => [...s.normalize('NFKC').replace(/\s+/gu, '')];

/** Every n-gram (by code point) of the text. */
function grams(chars: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

interface Leak {
  file: string;
  line: number;
  run: string;
}

/**
 * Maximal runs of `text` whose every RUN-gram is in `dev` and which are not
 * wholly contained in an allowed (claims.md) run. Each run is reported once.
 */
function sharedRuns(chars: string[], dev: Set<string>, allowed: Set<string>): string[] {
  const runs: string[] = [];
  let i = 0;
  while (i + RUN <= chars.length) {
    if (!dev.has(chars.slice(i, i + RUN).join(''))) {
      i++;
      continue;
    }
    let j = i + 1; // extend while the next window is shared too
    while (j + RUN <= chars.length && dev.has(chars.slice(j, j + RUN).join(''))) j++;
    const run = chars.slice(i, j - 1 + RUN);
    // A run is fine only if every one of its RUN-grams also occurs in claims.md.
    let excused = true;
    for (let k = 0; k + RUN <= run.length; k++) {
      if (!allowed.has(run.slice(k, k + RUN).join(''))) {
        excused = false;
        break;
      }
    }
    if (!excused) runs.push(run.join(''));
    i = j;
  }
  return runs;
}

const hasDev = existsSync(devPath);
if (!hasDev) {
  console.warn(`dev-set-leak: ${devPath} not found; the leak test is skipped (it needs ../shared/examples/dev-set.jsonl next to the repo)`);
}

describe.skipIf(!hasDev)(hasDev ? 'dictionaries share' : `SKIPPED: ${devPath} is absent, so dictionaries cannot be checked for dev-set leaks`, () => {
  it('dev set present', () => undefined);
});

describe.runIf(hasDev)('dictionaries share no 16-character run with the dev set (../shared/examples/dev-set.jsonl)', () => {
  it('no dictionary file repeats dev-set wording (other than claims.md stock phrases)', () => {
    const dev = new Set<string>();
    for (const raw of readFileSync(devPath, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const { text } = JSON.parse(raw) as { text: string };
      for (const g of grams(norm(text), RUN)) dev.add(g);
    }
    expect(dev.size, 'dev set read but no text found').toBeGreaterThan(0);
    const allowed = existsSync(claimsPath) ? grams(norm(readFileSync(claimsPath, 'utf8')), RUN) : new Set<string>();

    const files = readdirSync(dictDir).filter((f) => !f.startsWith('.')).sort();
    expect(files.length).toBeGreaterThan(0);
    const leaks: Leak[] = [];
    for (const file of files) {
      const lines = readFileSync(`${dictDir}${file}`, 'utf8').split('\n');
      // Whole file first (runs may cross YAML line breaks), then locate by line for the message.
      const fileRuns = sharedRuns(norm(lines.join('')), dev, allowed);
      if (!fileRuns.length) continue;
      const seen = new Set<string>();
      lines.forEach((l, n) => {
        for (const run of sharedRuns(norm(l), dev, allowed)) {
          seen.add(run);
          leaks.push({ file, line: n + 1, run });
        }
      });
      for (const run of fileRuns) {
        if (![...seen].some((s) => s.includes(run) || run.includes(s))) leaks.push({ file, line: 0, run });
      }
    }
    const report = leaks.map((l) => `dictionaries/${l.file}${l.line ? `:${l.line}` : ''}: 「${l.run}」`).join('\n');
    expect(leaks, `${leaks.length} run(s) of >= ${RUN} characters shared with the dev set:\n${report}`).toEqual([]);
  });
});
