// The shared vocabulary of exoscan: category ids, severities, site types and
// disclosure items are fixed by ../shared/claims.md; reports, exports, trends
// and tests key on them, so they live in one place.

export const CATEGORIES = [
  'supernatant-as-ev',
  'efficacy-claim',
  'safety-claim',
  'disease-claim',
  'approval-claim',
  'testimonial',
  'before-after',
  'superlative',
  'inducement',
  'celebrity',
  'missing-disclosure',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories found in sentences (all but the site-level `missing-disclosure`). */
export const SENTENCE_CATEGORIES = CATEGORIES.filter(
  (c): c is Exclude<Category, 'missing-disclosure'> => c !== 'missing-disclosure',
);

export const CATEGORY_LABELS_JA: Record<Category, string> = {
  'supernatant-as-ev': '培養上清液をエクソソーム製剤として提示',
  'efficacy-claim': '効果の断定・保証',
  'safety-claim': '安全性の断定',
  'disease-claim': '疾患の治療をうたう',
  'approval-claim': '承認・認可の誤認',
  testimonial: '体験談',
  'before-after': 'ビフォーアフター',
  superlative: '最上級・比較優良表現',
  inducement: '費用による誘引',
  celebrity: '著名人の利用',
  'missing-disclosure': '限定解除要件の記載漏れ',
};

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };
export const SEVERITY_LABELS_JA: Record<Severity, string> = { high: '高', medium: '中', low: '低' };

export const SITE_TYPES = ['clinic', 'media', 'seller', 'authority'] as const;
export type SiteType = (typeof SITE_TYPES)[number];
export const SITE_TYPE_LABELS_JA: Record<SiteType, string> = {
  clinic: '医療機関',
  media: 'メディア',
  seller: '販売・サロン',
  authority: '公的機関・学会',
};
/** Site types that go on the flagged-site list (claims.md). */
export const FLAGGABLE_SITE_TYPES: readonly SiteType[] = ['clinic', 'seller'];

export const DISCLOSURE_ITEMS = [
  'unapproved',
  'acquisition-route',
  'domestic-approved-equivalent',
  'overseas-safety-info',
  'relief-system-not-applicable',
  'cost',
  'risks',
] as const;
export type DisclosureItem = (typeof DISCLOSURE_ITEMS)[number];
export const DISCLOSURE_LABELS_JA: Record<DisclosureItem, string> = {
  unapproved: '未承認医薬品等であること',
  'acquisition-route': '入手経路',
  'domestic-approved-equivalent': '国内の承認医薬品等の有無',
  'overseas-safety-info': '諸外国における安全性等に係る情報',
  'relief-system-not-applicable': '医薬品副作用被害救済制度の対象外であること',
  cost: '費用',
  risks: 'リスク・副作用',
};

/** A run of visible text from one place in a page; no sentence spans two blocks. */
export interface Block {
  kind: 'title' | 'meta' | 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'alt' | 'text';
  text: string;
  /** Where it came from, for the evidence: e.g. `main > section:nth-of-type(2) > p`. */
  path: string;
  /**
   * Navigation rather than content: inside nav / aside / breadcrumbs / a menu
   * container, or short text that is all link text (menu items, banners, link labels).
   */
  nav?: boolean;
}

/** One claim found in one sentence (or, for missing-disclosure, on a site). */
export interface Finding {
  category: Category;
  rule: string;
  severity: Severity;
  /** The sentence as written on the page. */
  sentence: string;
  /** sentence.slice(start, end) === match */
  match: string;
  start: number;
  end: number;
  /** Page URL or file name. */
  url?: string;
  /** Block path the sentence came from. */
  block?: string;
  /** True when a hedge lowered the severity. */
  hedged?: boolean;
  /** For missing-disclosure: the item that is missing. */
  disclosure?: DisclosureItem;
}

export interface DocumentAnalysis {
  source: string;
  title?: string;
  siteType: SiteType;
  /** The signals that decided the site type, for the reader's trust. */
  siteTypeSignals: string[];
  /** Score per site type from this page's signals; analyzeSite sums them over a site's pages. */
  siteTypeScores?: Partial<Record<SiteType, number>>;
  /** Whether the page speaks of EV / exosome / supernatant products or treatment. */
  mentionsEv: boolean;
  /** Whether the page offers EV / supernatant treatment or products (needs disclosures). */
  offersEv: boolean;
  /** The first sentence that speaks of EV together with an offer: evidence for site-level findings. */
  offerSentence?: string;
  findings: Finding[];
  /** Disclosure items the page provides. */
  disclosures: DisclosureItem[];
  /** Where each provided disclosure was seen (first sentence). */
  disclosureEvidence: Partial<Record<DisclosureItem, string>>;
  /** True when the static text is so thin that the page needs a browser to render. */
  needsRendering: boolean;
  stats: { blocks: number; sentences: number; tokenizedSentences: number; chars: number };
}

export interface SiteAnalysis {
  site: string;
  siteType: SiteType;
  documents: DocumentAnalysis[];
  offersEv: boolean;
  disclosuresPresent: DisclosureItem[];
  disclosuresMissing: DisclosureItem[];
  /** Site-level findings: one `missing-disclosure` per missing item. */
  siteFindings: Finding[];
}
