// Runs the specs of every linked rule (a claim told over two sentences) of the
// real dictionaries. A linked spec is a short passage, analyzed as the text of
// one page about EV treatment of a clinic: a `match` spec must yield a finding of
// the rule (with the span, when given), a `notMatch` spec none. The tester also
// checks the specs: a match spec must hold two sentences at least (else it tests
// nothing the one-sentence rules could not).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../src/analyze/analyzer.ts';
import { loadDictionaries } from '../../src/rules/load.ts';
import type { SpecExample } from '../../src/rules/schema.ts';
import { splitSentences } from '../../src/text/sentences.ts';

const dir = fileURLToPath(new URL('../../dictionaries/', import.meta.url));
const dict = await loadDictionaries(dir);
const analyzer = analyzerFor(dict);

const textOf = (e: SpecExample) => (typeof e === 'string' ? e : e.text);
const label = (e: SpecExample) => (typeof e === 'string' ? e : `${e.text} [span ${e.span ?? '-'}]`);

async function findingsOf(text: string, rule: string) {
  const doc = await analyzer.analyzeText(text, 'spec', { assumeInScope: true, siteTypeHint: 'clinic' });
  return doc.findings.filter((f) => f.rule === rule);
}

describe('linked rules exist for the claims told over two sentences', () => {
  it('has linked rules in before-after and supernatant-as-ev', () => {
    const categories = new Set(dict.linked.map((r) => r.category));
    expect(categories).toContain('before-after');
    expect(categories).toContain('supernatant-as-ev');
  });
});

describe.each(dict.linked.map((r) => [r.id, r] as const))('linked rule %s', (_id, rule) => {
  const match = (rule.specs.match ?? []).map((e) => [label(e), e] as const);
  const notMatch = (rule.specs.notMatch ?? []).map((e) => [label(e), e] as const);
  it('has match and notMatch specs', () => {
    expect(match.length, `${rule.where}: a linked rule needs match specs`).toBeGreaterThan(0);
    expect(notMatch.length, `${rule.where}: a linked rule needs notMatch specs`).toBeGreaterThan(0);
  });
  if (match.length) {
    it.each(match)('matches: %s', async (_l, e) => {
      expect(splitSentences(textOf(e)).length, `${rule.where}: a match spec of a linked rule holds two sentences or more`).toBeGreaterThanOrEqual(2);
      const found = await findingsOf(textOf(e), rule.id);
      expect(found.length, `${rule.where}: no finding`).toBeGreaterThan(0);
      for (const f of found) expect(f.sentence.slice(f.start, f.end)).toBe(f.match);
      if (typeof e !== 'string' && e.span) expect(found.map((f) => f.match)).toContain(e.span);
    });
  }
  if (notMatch.length) {
    it.each(notMatch)('does not match: %s', async (_l, e) => {
      const found = await findingsOf(textOf(e), rule.id);
      expect(found.map((f) => f.match), rule.where).toEqual([]);
    });
  }
});
