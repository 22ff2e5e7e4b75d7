// `exoscan analyze <file|url>...`: one-off analysis of pages, without a store.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { createAnalyzer } from '../analyze/analyzer.ts';
import type { Analyzer } from '../analyze/analyzer.ts';
import { analyzeSitePages } from '../analyze/site-pages.ts';
import { fetchPage } from '../crawl/fetcher.ts';
import { siteKeyOf } from '../discover/site-key.ts';
import { extractPage } from '../extract/blocks.ts';
import { decodeBody } from '../extract/decode.ts';
import type { DocumentAnalysis, SiteAnalysis } from '../model.ts';
import { documentView, siteView } from '../report/analysis-view.ts';
import { colorsFor } from '../report/terminal.ts';
import { USER_AGENT } from '../version.ts';

/** Inputs larger than this are refused: no page worth analyzing is this big. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

interface LoadedInput {
  source: string;
  url?: string;
  html: string;
  plainText: boolean;
}

async function loadInput(source: string, allowPrivate: boolean): Promise<LoadedInput> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetchPage(source, { userAgent: USER_AGENT, allowPrivate, maxBytes: MAX_INPUT_BYTES });
    if (res.body.length === 0) throw new Error('the server sent an empty page');
    return { source, url: res.url, html: decodeBody(res.body, res.contentType).text, plainText: false };
  }
  let info;
  try {
    info = await stat(source);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(err)})`);
  }
  if (info.isDirectory()) throw new Error('is a directory with no .html, .htm or .txt files');
  if (info.size === 0) throw new Error('the file is empty');
  if (info.size > MAX_INPUT_BYTES) throw new Error(`the file is ${(info.size / 1e6).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1e6} MB`);
  const bytes = await readFile(source);
  return { source, html: decodeBody(bytes).text, plainText: /\.(txt|text|md)$/i.test(source) };
}

const PAGE_FILE = /\.(html?|xhtml|txt|text|md)$/i;

/** A directory stands for the page files directly in it (a saved site), in name order. */
async function expandDirectories(sources: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const source of sources) {
    const isDir = !/^https?:\/\//i.test(source) && (await stat(source).then((s) => s.isDirectory(), () => false));
    const files = isDir ? (await readdir(source)).filter((f) => PAGE_FILE.test(f)).sort() : [];
    if (files.length > 0) out.push(...files.map((f) => path.join(source, f)));
    else out.push(source);
  }
  return out;
}

async function analyzeOne(analyzer: Analyzer, input: LoadedInput): Promise<DocumentAnalysis> {
  const opts = input.url ? { url: input.url } : {};
  return input.plainText ? analyzer.analyzeText(input.html, input.source, opts) : analyzer.analyzeHtml(input.html, input.source, opts);
}

export interface AnalyzeResult {
  documents: DocumentAnalysis[];
  errors: { source: string; message: string }[];
  site?: SiteAnalysis;
}

export async function runAnalyze(sources: string[], opts: { site?: boolean; allowPrivate?: boolean }): Promise<AnalyzeResult> {
  const analyzer = await createAnalyzer();
  const loaded: LoadedInput[] = [];
  const errors: AnalyzeResult['errors'] = [];
  for (const source of await expandDirectories(sources)) {
    try {
      loaded.push(await loadInput(source, opts.allowPrivate ?? false));
    } catch (err) {
      errors.push({ source, message: err instanceof Error ? err.message : String(err) });
    }
  }
  if (opts.site && loaded.length > 0) {
    const first = loaded.find((l) => l.url)?.url;
    const key = first ? siteKeyOf(first) : 'local-files';
    const pages = loaded.map((l) => ({
      page: l.plainText ? { blocks: [{ kind: 'text' as const, text: l.html, path: 'text' }], needsRendering: false } : extractPage(l.html, l.url),
      source: l.source,
      ...(l.url ? { url: l.url } : {}),
    }));
    const site = await analyzeSitePages(analyzer, key, pages);
    return { documents: site.documents, errors, site };
  }
  const documents: DocumentAnalysis[] = [];
  for (const input of loaded) documents.push(await analyzeOne(analyzer, input));
  return { documents, errors };
}

/** The fixed JSON shape of issue 2 (more fields are fine, these are fixed). */
export function analyzeJson(result: AnalyzeResult): unknown {
  return {
    documents: result.documents.map((d) => ({
      source: d.source,
      ...(d.title ? { title: d.title } : {}),
      siteType: d.siteType,
      needsRendering: d.needsRendering,
      disclosures: d.disclosures,
      findings: d.findings.map((f) => ({
        category: f.category,
        rule: f.rule,
        severity: f.severity,
        sentence: f.sentence,
        match: f.match,
        start: f.start,
        end: f.end,
        ...(f.hedged ? { hedged: true } : {}),
      })),
    })),
    errors: result.errors,
    ...(result.site
      ? {
          site: {
            site: result.site.site,
            siteType: result.site.siteType,
            offersEv: result.site.offersEv,
            disclosuresPresent: result.site.disclosuresPresent,
            disclosuresMissing: result.site.disclosuresMissing,
            findings: result.site.siteFindings,
          },
        }
      : {}),
  };
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('Analyze HTML/text files or URLs and print every misleading claim with its evidence')
    .argument('<inputs...>', 'HTML or text files, directories of them, or http(s) URLs')
    .option('--json', 'print JSON on stdout')
    .option('--site', 'treat all inputs as pages of one site and add the site-level missing-disclosure findings')
    .option('--allow-private', 'allow URLs on loopback/private addresses (local testing)')
    .action(async (inputs: string[], opts: { json?: boolean; site?: boolean; allowPrivate?: boolean }) => {
      const result = await runAnalyze(inputs, { site: opts.site ?? false, allowPrivate: opts.allowPrivate ?? false });
      for (const e of result.errors) process.stderr.write(`exoscan: ${e.source}: ${e.message}\n`);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(analyzeJson(result), null, 2)}\n`);
      } else {
        const colors = colorsFor(process.stdout.isTTY === true);
        const parts = result.documents.map((d) => documentView(d, colors));
        if (result.site) parts.push(siteView(result.site, colors));
        if (parts.length) process.stdout.write(`${parts.join('\n\n')}\n`);
      }
      // claims found or not, 0; an unreadable input makes it 2 (after the others were analyzed)
      if (result.errors.length > 0) process.exitCode = 2;
    });
}
