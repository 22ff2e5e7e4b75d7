// The analysis of one document: blocks → sentences → normalized text → rules,
// with the page-level decisions (site type, scope, disclosures) on top.
import { fileURLToPath } from 'node:url';
import { extractPage } from '../extract/blocks.ts';
import { FLAGGABLE_SITE_TYPES } from '../model.ts';
import { onePerCategory } from './filters.ts';
import { linkedFindings } from './linked.ts';
import { joinLabelValues, sectionsOf } from './sections.ts';
import type { BlockFlags } from './sections.ts';
import type { Block, Category, DisclosureItem, DocumentAnalysis, Finding, SiteType } from '../model.ts';
import { anyFrame } from '../rules/compile.ts';
import { markLinked, pairable, tapGate } from '../rules/linked.ts';
import { loadDictionaries } from '../rules/load.ts';
import type { Dictionaries } from '../rules/load.ts';
import { matchSentence, needsTokens, prepareSentence } from '../rules/match.ts';
import type { PreparedSentence, SentenceResult } from '../rules/match.ts';
import { pickSiteType, scoreSiteType } from '../rules/site-type.ts';
import { splitSentences } from '../text/sentences.ts';
import { getTokenizer, loadedTokenizer } from '../text/tokenizer.ts';

export interface AnalyzeOptions {
  /** Skip tokenizing sentences no token pattern can match (default true); findings are the same either way. */
  prefilter?: boolean;
  /** Judge the text as if it stood on a page about EV treatment. */
  assumeInScope?: boolean;
  siteTypeHint?: SiteType;
  url?: string;
}

export interface Analyzer {
  /** sha256 of the dictionary files' contents. */
  readonly dictionaryVersion: string;
  analyzeHtml(html: string, source: string, opts?: AnalyzeOptions): Promise<DocumentAnalysis>;
  analyzeBlocks(blocks: Block[], source: string, opts?: AnalyzeOptions & { title?: string }): Promise<DocumentAnalysis>;
  analyzeText(text: string, source: string, opts?: AnalyzeOptions): Promise<DocumentAnalysis>;
}

const DEFAULT_DICTIONARIES = fileURLToPath(new URL('../../dictionaries/', import.meta.url));

function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The page URL: given, or the source when the source is one. */
function pageUrl(source: string, opts: AnalyzeOptions): string | undefined {
  return opts.url ?? (hostOf(source) ? source : undefined);
}

/** The page's title or its h1: what the page is about. */
function isTopicBlock(b: Block): boolean {
  return b.kind === 'title' || (b.kind === 'heading' && /(^|> )h1(#[\w-]+|:nth-of-type\(\d+\))?$/.test(b.path));
}

interface SentenceAt {
  block: Block;
  /** Index of the block in the page. */
  at: number;
  /** Offsets of the sentence in the block's text. */
  start: number;
  end: number;
  prepared: PreparedSentence;
}

/** Blocks whose sentences may carry a part of a linked claim: content, not the title, meta data or image text. */
const LINKABLE = new Set<Block['kind']>(['heading', 'paragraph', 'list-item', 'table-cell', 'text']);

/**
 * A disclosure made only by a heading (「副作用について」) is contradicted when its
 * section says the opposite (「副作用の心配はありません」): the section discloses nothing.
 */
const CONTRADICTED_BY: Partial<Record<DisclosureItem, Category>> = { risks: 'safety-claim' };

/** Warning sentences that make a media page a warning page. */
const WARNING_PAGE_MIN = 2;
const QUOTE = /「[^「」]+」|『[^『』]+』/;
/**
 * A sponsored article declared as such (【PR】, Sponsored, 記事広告, タイアップ, or
 * its footer 「記事中の治療は自由診療です」): the provider's advertisement, so the
 * disclosures it carries are the provider's, whatever claims the lines hold.
 */
const ADVERTORIAL = /[【[(]\s?(pr|sponsored|広告|記事広告|pr記事|タイアップ)\s?[】\])]|広告記事|記事広告|タイアップ(記事|広告)|記事(中|内)(の|で(紹介|ご紹介)した)(治療|施術|商品|製品|クリニック|医療機関)/;
/** A line that ends pointing elsewhere (患者様の声はこちら ＞): a link label wherever it stands. */
const POINTER = /(はこちら|こちらから|を見る|をみる|もっと見る)\s*[>»›→▶▷]?\s*$|[>»›→▶▷]\s*$/;

export function analyzerFor(dict: Dictionaries): Analyzer {
  // matchSentence scans each sentence's literals once; the tapped gate keeps
  // that scan so the linked rules' parts are read from it, not rescanned.
  const gate = tapGate(dict.gate);
  const matchDict: Dictionaries = { ...dict, gate };
  const hasLinked = dict.linked.length > 0;
  const analyzeBlocks = async (pageBlocks: Block[], source: string, opts: AnalyzeOptions & { title?: string } = {}): Promise<DocumentAnalysis> => {
    const prefilter = opts.prefilter ?? true;
    const blocks = joinLabelValues(pageBlocks);
    const sentences: SentenceAt[] = [];
    let chars = 0;
    blocks.forEach((block, at) => {
      chars += block.text.length;
      for (const s of splitSentences(block.text)) sentences.push({ block, at, start: s.start, end: s.end, prepared: prepareSentence(dict, s.text) });
    });

    const url = pageUrl(source, opts);
    const scored = scoreSiteType(dict, sentences.map((s) => s.prepared.norm.text).join('\n'), hostOf(url));
    const siteType = opts.siteTypeHint ?? pickSiteType(scored.scores) ?? dict.siteTypes.default;
    const siteTypeSignals = opts.siteTypeHint ? [`hint: ${opts.siteTypeHint}`] : scored.signals;

    // kuromoji loads only when some sentence needs tokens (once loaded, no need to ask)
    let tokenizer = loadedTokenizer();
    if (!tokenizer && sentences.some((s) => needsTokens(dict, s.prepared.norm.text, prefilter))) tokenizer = await getTokenizer();
    const tokenize = (t: string) => {
      if (!tokenizer) throw new Error('tokenizer needed but not loaded: a token pattern ran without its trigger');
      return tokenizer.tokenize(t);
    };

    // per sentence and linked rule, which parts may match there (read from the same scan)
    const linkedRules = dict.linked;
    const parts = hasLinked ? new Uint8Array(sentences.length * linkedRules.length) : undefined;
    let anyParts = 0;
    const results: SentenceResult[] = sentences.map((s, i) => {
      const r = matchSentence(matchDict, s.prepared, { prefilter, tokenize });
      if (parts) {
        const text = s.prepared.norm.text;
        anyParts |= markLinked(linkedRules, prefilter ? (gate.marksOf(text) ?? dict.gate.candidates(text)) : undefined, parts, i * linkedRules.length);
      }
      return r;
    });
    const linkable = parts !== undefined && anyParts !== 0 && pairable(linkedRules, parts, sentences.length);
    const mentionsEv = results.some((r) => r.mentionsEv);
    const offersEv = mentionsEv && results.some((r) => r.offers) && FLAGGABLE_SITE_TYPES.includes(siteType);
    let offerAt = -1;
    if (offersEv) {
      offerAt = results.findIndex((r) => r.mentionsEv && r.offers);
      if (offerAt < 0) offerAt = results.findIndex((r) => r.mentionsEv);
    }

    // A page whose title / main heading names an unrelated treatment (a laser
    // page of an exosome clinic) and whose content never names EV is out of
    // scope as a whole: the EV menu items around it do not bring it in.
    const topic = results.filter((_r, i) => isTopicBlock(sentences[i]!.block));
    const contentEv = results.some((r, i) => r.mentionsEv && !sentences[i]!.block.nav);
    const unrelatedPage = !contentEv && topic.some((r) => r.unrelated) && !topic.some((r) => r.mentionsEv);
    const inScope = siteType !== 'authority' && !unrelatedPage && (mentionsEv || opts.assumeInScope === true);
    // A block about an unrelated treatment (a laser menu with its own campaign)
    // is out of scope as a whole unless it names EV itself; so is a section
    // whose heading names one (「ハイフ」 over its description and price table),
    // and a label line over such a block. Under a plain heading of risks or
    // exclusions (「リスク・副作用」「受けられない方」) the conditions listed are not treated.
    const flags: BlockFlags[] = blocks.map(() => ({ ev: false, unrelated: false, notTreatment: false }));
    const headingClaims = new Set<number>();
    results.forEach((r, i) => {
      const { at, block, prepared } = sentences[i]!;
      const f = flags[at]!;
      if (r.mentionsEv) f.ev = true;
      if (r.unrelated) f.unrelated = true;
      if (block.kind !== 'heading') return;
      if (r.claims.length) headingClaims.add(at);
      if (anyFrame(dict.scope.notTreatment, prepared.norm.text)) f.notTreatment = true;
    });
    for (const at of headingClaims) flags[at]!.notTreatment = false;
    const sections = sectionsOf(blocks, flags);
    // A media page that warns in its own voice (two or more warning sentences:
    // a news report on complaints, a legal column) quotes claims to criticise
    // them: a claim in a sentence that holds a quote 「…」 is not its own.
    const warnsInOwnVoice =
      siteType === 'media' && sentences.filter((s) => anyFrame(dict.frames.warning, s.prepared.norm.text) !== undefined).length >= WARNING_PAGE_MIN;
    let findings: Finding[] = [];
    const disclosures: DisclosureItem[] = [];
    // Only a provider discloses: a media column or an authority page that lists
    // the 限定解除 items, or a consumer case's amount paid, discloses nothing.
    // A price stays a price where an article quotes a clinic's price list.
    // A media page that promotes a treatment in its own voice (a promotional
    // interview: claims found, no warning) or declares itself an advertorial
    // (【PR】, 記事中の治療は…) carries the provider's disclosures too.
    const discloses = (item: DisclosureItem, promotes: boolean) =>
      FLAGGABLE_SITE_TYPES.includes(siteType) || (siteType === 'media' && (item === 'cost' || promotes));
    const disclosureEvidence: Partial<Record<DisclosureItem, string>> = {};
    const offered: { item: DisclosureItem; evidence: string; at: number }[] = [];
    const claimSections = new Map<Category, Set<number>>();
    // for the linked rules: which sentences' claims count
    const eligible = linkable ? new Uint8Array(sentences.length) : undefined;
    results.forEach((r, i) => {
      const { block, at, prepared } = sentences[i]!;
      const section = sections[at]!;
      if (section.outOfScope || unrelatedPage) return;
      for (const d of r.disclosures) offered.push({ item: d.rule.disclosure!, evidence: prepared.original, at });
      if (!inScope) return;
      // most sentences claim nothing and no linked rule can pair them: nothing below to do
      if (r.claims.length === 0 && !eligible) return;
      // Menus, breadcrumbs, banners and link labels point at other pages: a
      // claim there counts only when it names EV itself (「エクソソーム点滴 初回半額」),
      // and a bare section label (患者様の声, 症例写真) in a menu, the page
      // title or a line pointing elsewhere (…はこちら ＞) is no claim. A heading
      // keeps it: it introduces what follows.
      if (block.nav && !r.mentionsEv) return;
      if ((block.nav || block.kind === 'title' || POINTER.test(prepared.norm.text)) && anyFrame(dict.frames.label, prepared.norm.text)) return;
      if (warnsInOwnVoice && QUOTE.test(prepared.norm.text)) return;
      if (eligible && !block.nav && LINKABLE.has(block.kind)) eligible[i] = 1;
      for (const h of r.claims.length > 1 ? [...r.claims].sort((a, b) => a.start - b.start || b.end - a.end) : r.claims) {
        if (section.notTreatment && h.rule.category === 'disease-claim') continue;
        if (section.section >= 0) {
          const seen = claimSections.get(h.rule.category) ?? new Set<number>();
          claimSections.set(h.rule.category, seen.add(section.section));
        }
        const f: Finding = {
          category: h.rule.category,
          rule: h.rule.id,
          severity: h.severity,
          sentence: prepared.original,
          match: prepared.original.slice(h.start, h.end),
          start: h.start,
          end: h.end,
          url: url ?? source,
          block: block.path,
        };
        if (h.hedged) f.hedged = true;
        findings.push(f);
      }
    });

    // A claim told over two sentences (linked rules). A media page that warns in
    // its own voice retells cases and products to criticise them: none there.
    if (parts && eligible && !warnsInOwnVoice) {
      findings.push(...linkedFindings(dict, { sentences, parts, eligible, results, blocks, sections, url: url ?? source }));
    }
    findings = onePerCategory(findings);
    const advertorial = siteType === 'media' && sentences.some((s) => ADVERTORIAL.test(s.prepared.norm.text));
    const promotes = siteType === 'media' && !warnsInOwnVoice && (findings.length > 0 || advertorial);
    for (const { item, evidence, at } of offered) {
      const against = CONTRADICTED_BY[item];
      const heading = blocks[at]!.kind === 'heading';
      if (heading && against && claimSections.get(against)?.has(sections[at]!.section)) continue;
      if (discloses(item, promotes) && !disclosureEvidence[item]) {
        disclosures.push(item);
        disclosureEvidence[item] = evidence;
      }
    }

    const doc: DocumentAnalysis = {
      source,
      siteType,
      siteTypeSignals,
      siteTypeScores: scored.scores,
      mentionsEv,
      offersEv,
      findings,
      disclosures,
      disclosureEvidence,
      needsRendering: false,
      stats: { blocks: pageBlocks.length, sentences: sentences.length, tokenizedSentences: results.filter((r) => r.tokenized).length, chars },
    };
    if (opts.title !== undefined) doc.title = opts.title;
    if (offerAt >= 0) doc.offerSentence = sentences[offerAt]!.prepared.original;
    return doc;
  };

  return {
    dictionaryVersion: dict.version,
    analyzeBlocks,
    async analyzeText(text, source, opts = {}) {
      return analyzeBlocks([{ kind: 'text', text, path: 'text' }], source, opts);
    },
    async analyzeHtml(html, source, opts = {}) {
      const page = extractPage(html, pageUrl(source, opts));
      const doc = await analyzeBlocks(page.blocks, source, page.title === undefined ? opts : { ...opts, title: page.title });
      doc.needsRendering = page.needsRendering;
      return doc;
    },
  };
}

export async function createAnalyzer(opts: { dictionariesDir?: string } = {}): Promise<Analyzer> {
  return analyzerFor(await loadDictionaries(opts.dictionariesDir ?? DEFAULT_DICTIONARIES));
}
