// Site type from the weighted signals of site-types.yaml: each signal counts
// once per page, the highest total wins. A signal seen only inside quoted text
// (「…」『…』: a quoted speaker, a template example) counts half: the page
// quotes a clinic or an authority, it is not one.
import { SITE_TYPES } from '../model.ts';
import type { SiteType } from '../model.ts';
import type { Dictionaries } from './load.ts';

export type SiteTypeScores = Partial<Record<SiteType, number>>;

export function scoreSiteType(dict: Dictionaries, text: string, host: string | undefined): { scores: SiteTypeScores; signals: string[] } {
  const scores: SiteTypeScores = {};
  const signals: string[] = [];
  // most pages quote nothing: then no signal needs a second look without the quotes
  const unquoted = /[「『]/.test(text) ? stripQuoted(text) : undefined;
  for (const s of dict.siteTypes.signals) {
    const subject = s.on === 'host' ? host : text;
    if (subject === undefined) continue;
    s.re.lastIndex = 0;
    if (!s.re.test(subject)) continue;
    let weight = s.weight;
    if (s.on !== 'host' && unquoted !== undefined) {
      s.re.lastIndex = 0;
      if (!s.re.test(unquoted)) weight /= 2;
    }
    scores[s.type] = (scores[s.type] ?? 0) + weight;
    signals.push(weight < s.weight ? `${s.label} (quoted)` : s.label);
  }
  return { scores, signals };
}

/** The text with the inside of 「…」 and 『…』 (one line, up to 200 chars) blanked out. */
export function stripQuoted(text: string): string {
  return text.replace(/「[^「」\n]{0,200}」|『[^『』\n]{0,200}』/g, '「」');
}

// On a tie the rarer, more specific type wins: wrongly flagging an authority
// page that warns is worse than missing a clinic signal.
const TIE_ORDER: readonly SiteType[] = ['authority', 'media', 'seller', 'clinic'];

/** The type with the highest positive score, or undefined when no signal fired. */
export function pickSiteType(scores: SiteTypeScores): SiteType | undefined {
  let best: SiteType | undefined;
  let bestScore = 0;
  for (const t of TIE_ORDER) {
    const v = scores[t] ?? 0;
    if (v > bestScore) {
      best = t;
      bestScore = v;
    }
  }
  return best;
}

export function addScores(a: SiteTypeScores, b: SiteTypeScores): SiteTypeScores {
  const out: SiteTypeScores = { ...a };
  for (const t of SITE_TYPES) if (b[t] !== undefined) out[t] = (out[t] ?? 0) + b[t]!;
  return out;
}
