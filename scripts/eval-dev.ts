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
import { scoreItems, scoreTable } from './eval-score.ts';
import type { Count } from './eval-score.ts';

export interface Line {
  text: string;
  categories: string[];
  siteType: SiteType;
  disclosures: DisclosureItem[];
  note?: string;
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
  const items = (truth: (l: Line) => string[], found: (d: DocumentAnalysis) => string[]) => lines.map((l, i) => ({ truth: truth(l), found: found(docs[i]!) }));
  return {
    file,
    lines,
    docs,
    categories: scoreItems(SENTENCE_CATEGORIES, items((l) => l.categories, (d) => d.findings.map((f) => f.category))),
    disclosures: scoreItems(DISCLOSURE_ITEMS, items((l) => l.disclosures, (d) => d.disclosures)),
    dictionaryVersion: a.dictionaryVersion,
  };
}

function report(ev: LineEval, show: string | undefined): string {
  const out: string[] = [];
  out.push(`dev set: ${ev.file} (${ev.lines.length} lines), dictionaries ${ev.dictionaryVersion.slice(0, 12)}\n`);
  out.push(...scoreTable('category', ev.categories), '', ...scoreTable('disclosure item', ev.disclosures));
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
