// Precision / recall of the analyzer on the labelled dev set, per category and
// per disclosure item. `--show <category|item>` lists false positives and misses.
//   npm run eval:dev [-- path/to/dev-set.jsonl] [--show efficacy-claim]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../src/analyze/analyzer.ts';
import { DISCLOSURE_ITEMS, SENTENCE_CATEGORIES, SITE_TYPES } from '../src/model.ts';
import type { DisclosureItem, DocumentAnalysis, SiteType } from '../src/model.ts';

interface Line {
  text: string;
  categories: string[];
  siteType: SiteType;
  disclosures: DisclosureItem[];
  note?: string;
}

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? args[showAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && (showAt < 0 || i !== showAt + 1));
const file = positional[0] ?? fileURLToPath(new URL('../../shared/examples/dev-set.jsonl', import.meta.url));

const lines: Line[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line);

const analyzer = await createAnalyzer();
const docs: DocumentAnalysis[] = [];
for (const [i, line] of lines.entries()) {
  const hint = SITE_TYPES.includes(line.siteType) ? line.siteType : undefined;
  docs.push(await analyzer.analyzeText(line.text, `dev:${i + 1}`, hint ? { assumeInScope: true, siteTypeHint: hint } : { assumeInScope: true }));
}

interface Count {
  tp: number;
  fp: number;
  fn: number;
}
const ratio = (a: number, b: number) => (b === 0 ? '   -' : (a / b).toFixed(2));
const row = (name: string, c: Count) =>
  `${name.padEnd(30)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${ratio(c.tp, c.tp + c.fp)}   ${ratio(c.tp, c.tp + c.fn)}`;
const header = `${'category'.padEnd(30)}   TP   FP   FN   prec    rec`;

function score(keys: readonly string[], truth: (l: Line) => string[], found: (d: DocumentAnalysis) => string[]) {
  const counts = new Map(keys.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  lines.forEach((line, i) => {
    const t = new Set(truth(line));
    const f = new Set(found(docs[i]!));
    for (const k of keys) {
      const c = counts.get(k)!;
      if (t.has(k) && f.has(k)) c.tp++;
      else if (f.has(k)) c.fp++;
      else if (t.has(k)) c.fn++;
    }
  });
  return counts;
}

const cats = score(SENTENCE_CATEGORIES, (l) => l.categories, (d) => d.findings.map((f) => f.category));
const items = score(DISCLOSURE_ITEMS, (l) => l.disclosures, (d) => d.disclosures);
const total = (m: Map<string, Count>) =>
  [...m.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });

console.log(`dev set: ${file} (${lines.length} lines), dictionaries ${analyzer.dictionaryVersion.slice(0, 12)}\n`);
console.log(header);
for (const [k, c] of cats) console.log(row(k, c));
console.log(row('micro total', total(cats)));
console.log(`\n${header.replace('category', 'disclosure item')}`);
for (const [k, c] of items) console.log(row(k, c));
console.log(row('micro total', total(items)));

if (show) {
  const isItem = (DISCLOSURE_ITEMS as readonly string[]).includes(show);
  console.log(`\n--- ${show}: false positives and misses ---`);
  lines.forEach((line, i) => {
    const doc = docs[i]!;
    const truth = isItem ? line.disclosures.includes(show as DisclosureItem) : line.categories.includes(show);
    const found = isItem ? doc.disclosures.includes(show as DisclosureItem) : doc.findings.some((f) => f.category === show);
    if (truth === found) return;
    console.log(`\n${found ? 'FP' : 'FN'} #${i + 1} [${line.siteType}] ${line.text}`);
    if (line.note) console.log(`   note: ${line.note}`);
    if (isItem) {
      if (found) console.log(`   seen in: ${doc.disclosureEvidence[show as DisclosureItem]}`);
    } else {
      for (const f of doc.findings.filter((x) => x.category === show)) console.log(`   ${f.rule} (${f.severity}${f.hedged ? ', hedged' : ''}): 「${f.match}」`);
    }
    const other = doc.findings.filter((x) => x.category !== show).map((x) => x.rule);
    if (other.length) console.log(`   other findings: ${other.join(', ')}`);
  });
}
