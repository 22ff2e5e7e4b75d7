// Runs every spec of every real dictionary file: a dictionary edit that breaks
// a spec fails here, naming the rule (or the file and line) and the example.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/model.ts';
import type { Frame } from '../../src/rules/compile.ts';
import { loadDictionaries } from '../../src/rules/load.ts';
import { matchSentence, prepareSentence } from '../../src/rules/match.ts';
import type { RuleHit } from '../../src/rules/match.ts';
import type { SpecExample, Specs } from '../../src/rules/schema.ts';
import { normalize } from '../../src/text/normalize.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { getTokenizer } from '../../src/text/tokenizer.ts';
import type { Tokenizer } from '../../src/text/tokenizer.ts';

const dir = fileURLToPath(new URL('../../dictionaries/', import.meta.url));
const dict = await loadDictionaries(dir);
let tk: Tokenizer;
beforeAll(async () => {
  tk = await getTokenizer();
});

const textOf = (e: SpecExample) => (typeof e === 'string' ? e : e.text);
const label = (e: SpecExample) => (typeof e === 'string' ? e : `${e.text} [span ${e.span ?? '-'}]`);

/** Every hit of the spec text, with the matched original wording. */
function hitsOf(text: string): { hit: RuleHit; match: string }[] {
  const out: { hit: RuleHit; match: string }[] = [];
  for (const s of splitSentences(text)) {
    const r = matchSentence(dict, prepareSentence(dict, s.text), { prefilter: true, tokenize: (t) => tk.tokenize(t) });
    for (const hit of [...r.claims, ...r.disclosures]) out.push({ hit, match: s.text.slice(hit.start, hit.end) });
  }
  return out;
}

describe('every claims.md category has a dictionary with enough specs', () => {
  it.each(CATEGORIES.map((c) => [c]))('%s.yaml', (category) => {
    expect(existsSync(`${dir}${category}.yaml`), `dictionaries/${category}.yaml is missing`).toBe(true);
    const rules = dict.rules.filter((r) => r.category === category);
    const examples = rules.reduce((n, r) => n + (r.specs.match?.length ?? 0) + (r.specs.notMatch?.length ?? 0), 0);
    expect(examples, `${category}: spec examples (match + notMatch) over all rules`).toBeGreaterThanOrEqual(12);
  });
});

describe.each(dict.rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  const match = (rule.specs.match ?? []).map((e) => [label(e), e] as const);
  const notMatch = (rule.specs.notMatch ?? []).map((e) => [label(e), e] as const);
  it('has specs', () => {
    expect(match.length, `${rule.where}: a rule needs at least one match spec`).toBeGreaterThan(0);
  });
  if (match.length) {
    it.each(match)('matches: %s', (_l, e) => {
      const hits = hitsOf(textOf(e)).filter((h) => h.hit.rule.id === rule.id);
      expect(hits.length, `${rule.where}: no finding`).toBeGreaterThan(0);
      if (typeof e !== 'string' && e.span) expect(hits.map((h) => h.match)).toContain(e.span);
    });
  }
  if (notMatch.length) {
    it.each(notMatch)('does not match: %s', (_l, e) => {
      const hits = hitsOf(textOf(e)).filter((h) => h.hit.rule.id === rule.id);
      expect(hits.map((h) => h.match), rule.where).toEqual([]);
    });
  }
});

// Frames and signals: the regex must / must not match each normalized example.
const frameCases: [string, RegExp, Specs][] = [];
const addFrames = (kind: string, frames: readonly Frame[]) => {
  for (const f of frames) if (f.specs) frameCases.push([`${kind} ${f.where} ${f.source}`, f.re, f.specs]);
};
for (const [kind, frames] of Object.entries(dict.frames)) addFrames(kind, frames);
for (const [kind, frames] of Object.entries(dict.scope)) addFrames(`scope.${kind}`, frames);
for (const s of dict.siteTypes.signals) if (s.specs) frameCases.push([`site-type ${s.label}`, s.re, s.specs]);

describe.each(frameCases)('%s', (_name, re, specs) => {
  const test = (text: string) => {
    re.lastIndex = 0;
    return re.test(normalize(text, dict.variants).text);
  };
  for (const e of specs.match ?? []) it(`matches: ${textOf(e)}`, () => expect(test(textOf(e))).toBe(true));
  for (const e of specs.notMatch ?? []) it(`does not match: ${textOf(e)}`, () => expect(test(textOf(e))).toBe(false));
});
