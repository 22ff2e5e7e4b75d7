// Precision / recall of the analyzer on the labelled dev set, per category and
// per disclosure item. `--show <category|item>` lists false positives and misses.
//   npm run eval:dev [-- path/to/dev-set.jsonl] [--show efficacy-claim]
// evaluateLines() is the same evaluation for tests (test/analyze/blind-sets.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAnalyzer } from '../src/analyze/analyzer.ts';
import type { Analyzer } from '../src/analyze/analyzer.ts';
import { DISCLOSURE_ITEMS, SENTENCE_CATEGORIES, SITE_TYPES } from '../src/model.ts';
import type { DisclosureItem, DocumentAnalysis, SiteType } from '../src/model.ts';

export interface Line {
  text: string;
  categories: string[];
  siteType: SiteType;
  disclosures: DisclosureItem[];
  note?: string;
}

export interface Count {
  tp: number;
  fp: number;
  fn: number;
}

export interface LineEval {
  file: string;
  lines: Line[];
  docs: DocumentAnalysis[];
  categories: Map<string, Count>;
  disclosures: Map<string, Count>;
  dictionaryVersion: string;
}

export const DEV_SET = fileURLToPath(new URL('../../shared/examples/dev-set.jsonl', import.meta.url));

export function readLines(file: string): Line[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

/** Each line analyzed on its own, as if it stood on an EV page of its site type. */
export async function evaluateLines(file: string, analyzer?: Analyzer): Promise<LineEval> {
  const lines = readLines(file);
  const a = analyzer ?? (await createAnalyzer());
  const docs: DocumentAnalysis[] = [];
  for (const [i, line] of lines.entries()) {
    const hint = SITE_TYPES.includes(line.siteType) ? line.siteType : undefined;
    docs.push(await a.analyzeText(line.text, `dev:${i + 1}`, hint ? { assumeInScope: true, siteTypeHint: hint } : { assumeInScope: true }));
  }
  const score = (keys: readonly string[], truth: (l: Line) => string[], found: (d: DocumentAnalysis) => string[]) => {
    const counts = new Map<string, Count>(keys.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
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
  };
  return {
    file,
    lines,
    docs,
    categories: score(SENTENCE_CATEGORIES, (l) => l.categories, (d) => d.findings.map((f) => f.category)),
    disclosures: score(DISCLOSURE_ITEMS, (l) => l.disclosures, (d) => d.disclosures),
    dictionaryVersion: a.dictionaryVersion,
  };
}

/** Precision and recall; 1 when there is nothing to get wrong. */
export const precision = (c: Count) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Count) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export function total(m: Map<string, Count>): Count {
  return [...m.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
}

function report(ev: LineEval, show: string | undefined): string {
  const out: string[] = [];
  const ratio = (a: number, b: number) => (b === 0 ? '   -' : (a / b).toFixed(2));
  const row = (name: string, c: Count) =>
    `${name.padEnd(30)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${ratio(c.tp, c.tp + c.fp)}   ${ratio(c.tp, c.tp + c.fn)}`;
  const header = `${'category'.padEnd(30)}   TP   FP   FN   prec    rec`;
  out.push(`dev set: ${ev.file} (${ev.lines.length} lines), dictionaries ${ev.dictionaryVersion.slice(0, 12)}\n`, header);
  for (const [k, c] of ev.categories) out.push(row(k, c));
  out.push(row('micro total', total(ev.categories)));
  out.push(`\n${header.replace('category', 'disclosure item')}`);
  for (const [k, c] of ev.disclosures) out.push(row(k, c));
  out.push(row('micro total', total(ev.disclosures)));

  if (show) {
    const isItem = (DISCLOSURE_ITEMS as readonly string[]).includes(show);
    out.push(`\n--- ${show}: false positives and misses ---`);
    ev.lines.forEach((line, i) => {
      const doc = ev.docs[i]!;
      const truth = isItem ? line.disclosures.includes(show as DisclosureItem) : line.categories.includes(show);
      const found = isItem ? doc.disclosures.includes(show as DisclosureItem) : doc.findings.some((f) => f.category === show);
      if (truth === found) return;
      out.push(`\n${found ? 'FP' : 'FN'} #${i + 1} [${line.siteType}] ${line.text}`);
      if (line.note) out.push(`   note: ${line.note}`);
      if (isItem) {
        if (found) out.push(`   seen in: ${doc.disclosureEvidence[show as DisclosureItem]}`);
      } else {
        for (const f of doc.findings.filter((x) => x.category === show)) out.push(`   ${f.rule} (${f.severity}${f.hedged ? ', hedged' : ''}): 「${f.match}」`);
      }
      const other = doc.findings.filter((x) => x.category !== show).map((x) => x.rule);
      if (other.length) out.push(`   other findings: ${other.join(', ')}`);
    });
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const showAt = args.indexOf('--show');
  const show = showAt >= 0 ? args[showAt + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && (showAt < 0 || i !== showAt + 1));
  console.log(report(await evaluateLines(positional[0] ?? DEV_SET), show));
}
