// Page-level evaluation on whole HTML pages (test/fixtures/pages/): per page,
// the categories `exoscan analyze` reports (no URL, no --site) against the
// labels of labels.json, the judged site type and the disclosures found.
//   npm run eval:pages [-- --show]        --show lists every wrong page
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAnalyzer } from '../src/analyze/analyzer.ts';
import { DISCLOSURE_ITEMS, SENTENCE_CATEGORIES, SITE_TYPES } from '../src/model.ts';
import type { DisclosureItem, DocumentAnalysis, SiteType } from '../src/model.ts';
import { scoreItems, scoreTable } from './eval-score.ts';
import type { Count } from './eval-score.ts';

export interface PageLabel {
  siteType: SiteType;
  categories: string[];
  disclosures: DisclosureItem[];
  note?: string;
}

export interface PageEval {
  pages: { file: string; label: PageLabel; doc: DocumentAnalysis }[];
  categories: Map<string, Count>;
  disclosures: Map<string, Count>;
  siteTypeCorrect: number;
}

export const PAGES_DIR = fileURLToPath(new URL('../test/fixtures/pages/', import.meta.url));

export async function evaluatePages(dir: string = PAGES_DIR): Promise<PageEval> {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, PageLabel>;
  const analyzer = await createAnalyzer();
  const pages: PageEval['pages'] = [];
  for (const [file, label] of Object.entries(labels)) {
    const doc = await analyzer.analyzeHtml(readFileSync(join(dir, file), 'utf8'), file);
    pages.push({ file, label, doc });
  }
  const items = (truth: (l: PageLabel) => string[], found: (d: DocumentAnalysis) => string[]) => pages.map((p) => ({ truth: truth(p.label), found: found(p.doc) }));
  return {
    pages,
    categories: scoreItems(SENTENCE_CATEGORIES, items((l) => l.categories, (d) => d.findings.map((f) => f.category))),
    disclosures: scoreItems(DISCLOSURE_ITEMS, items((l) => l.disclosures, (d) => d.disclosures)),
    siteTypeCorrect: pages.filter((p) => p.doc.siteType === p.label.siteType).length,
  };
}

function report(ev: PageEval, show: boolean): string {
  const out: string[] = [];
  out.push(`pages: ${ev.pages.length}\n`);
  out.push(...scoreTable('category (pages)', ev.categories), '', ...scoreTable('disclosure item (pages)', ev.disclosures));
  out.push('', `site type: ${ev.siteTypeCorrect}/${ev.pages.length} correct`);
  for (const t of SITE_TYPES) {
    const of = ev.pages.filter((p) => p.label.siteType === t);
    const judged = SITE_TYPES.map((j) => `${j} ${of.filter((p) => p.doc.siteType === j).length}`).join(', ');
    out.push(`  ${t.padEnd(10)} (${of.length}): judged ${judged}`);
  }
  if (show) {
    out.push('', '--- pages with errors ---');
    for (const { file, label, doc } of ev.pages) {
      const found = new Set(doc.findings.map((f) => f.category));
      const fp = [...found].filter((c) => !label.categories.includes(c));
      const fn = label.categories.filter((c) => !found.has(c as never));
      const dFound = new Set(doc.disclosures);
      const dFp = [...dFound].filter((d) => !label.disclosures.includes(d));
      const dFn = label.disclosures.filter((d) => !dFound.has(d));
      const typeWrong = doc.siteType !== label.siteType;
      if (!fp.length && !fn.length && !dFp.length && !dFn.length && !typeWrong) continue;
      out.push(`\n${file} [${label.siteType}${typeWrong ? ` → judged ${doc.siteType}: ${doc.siteTypeSignals.join(', ')}` : ''}]`);
      if (label.note) out.push(`   note: ${label.note}`);
      for (const c of fp) {
        out.push(`   FP ${c}`);
        for (const f of doc.findings.filter((x) => x.category === c)) out.push(`      ${f.rule}: 「${f.match}」 in 「${f.sentence}」 (${f.block ?? ''})`);
      }
      for (const c of fn) out.push(`   FN ${c}`);
      for (const d of dFp) out.push(`   disclosure FP ${d}: 「${doc.disclosureEvidence[d]}」`);
      for (const d of dFn) out.push(`   disclosure FN ${d}`);
    }
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  console.log(report(await evaluatePages(dir ?? PAGES_DIR), args.includes('--show')));
}
