// Site type from the weighted signals of site-types.yaml: each signal counts
// once per page, the highest total wins. A signal seen only inside quoted text
// (「…」『…』: a quoted speaker, a template example) counts half: the page
// quotes a clinic or an authority, it is not one.
import { SITE_TYPES } from '../model.ts';
import type { SiteType } from '../model.ts';
import type { Dictionaries, SiteSignal } from './load.ts';
import { buildGate } from './prefilter.ts';
import type { RuleGate } from './prefilter.ts';

export type SiteTypeScores = Partial<Record<SiteType, number>>;

// Text signals run on the whole page and most fire on few pages: one scan
// for their required literals (as for the rules) tells which can match.
const gates = new WeakMap<readonly SiteSignal[], RuleGate>();

/** The gate of the text signals (by index; host signals are never marked). */
export function signalGate(signals: readonly SiteSignal[]): RuleGate {
  let gate = gates.get(signals);
  if (!gate) {
    gate = buildGate(signals.map((s) => ({ patterns: s.on === 'text' ? [{ kind: 'regex', re: s.re }] : [] })));
    gates.set(signals, gate);
  }
  return gate;
}

export function scoreSiteType(dict: Dictionaries, text: string, host: string | undefined): { scores: SiteTypeScores; signals: string[] } {
  const scores: SiteTypeScores = {};
  const signals: string[] = [];
  // most pages quote nothing: then no signal needs a second look without the quotes
  const unquoted = /[「『]/.test(text) ? stripQuoted(text) : undefined;
  const all = dict.siteTypes.signals;
  const possible = signalGate(all).candidates(text).rules;
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    const subject = s.on === 'host' ? host : text;
    if (subject === undefined || (s.on === 'text' && !possible[i])) continue;
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
