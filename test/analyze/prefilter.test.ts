// The prefilter (rule gate from required literals, token triggers) must not
// change a single finding: proven on the bench corpus with the real
// dictionaries plus token-sequence rules of our own.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateCorpus } from '../../bench/corpus.ts';
import { analyzerFor } from '../../src/analyze/analyzer.ts';
import { loadDictionaries, parseDictionaries } from '../../src/rules/load.ts';
import { prepareSentence } from '../../src/rules/match.ts';
import { getTokenizer } from '../../src/text/tokenizer.ts';

const dir = fileURLToPath(new URL('../../dictionaries/', import.meta.url));

// Put in a category whose own rules rarely share a sentence with them, at high
// severity: one finding per category per sentence must keep them to be seen.
const tokenRules = [
  {
    id: 'celebrity/zz-token-cures',
    severity: 'high',
    description: { ja: '治る（形態素）', en: 'cures (tokens)' },
    patterns: [{ tokens: [{ basic: '治る' }], triggers: ['治'] }],
    specs: { match: ['痛みが治りました。'] },
  },
  {
    id: 'celebrity/zz-token-noun-disappears',
    severity: 'high',
    description: { ja: '名詞が消える', en: 'noun disappears' },
    patterns: [{ tokens: [{ pos: '名詞' }, { surface: ['が', 'も', 'に'] }, { basic: '消える' }], triggers: ['消'] }],
    specs: { match: ['内出血が消えます。'] },
  },
];

async function dictionariesWithTokenRules() {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml'));
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(`${dir}${name}`, 'utf8') })));
  return parseDictionaries(
    files.map((f) => {
      if (f.name !== 'celebrity.yaml') return f;
      const doc = parse(f.text) as { rules: unknown[] };
      doc.rules.push(...tokenRules);
      return { name: f.name, text: stringify(doc) };
    }),
  );
}

describe('prefilter', () => {
  it('gives identical findings on and off, on the bench corpus', async () => {
    const analyzer = analyzerFor(await dictionariesWithTokenRules());
    const pages = generateCorpus(120_000, 7);
    let tokenizedOn = 0;
    let tokenizedOff = 0;
    let findings = 0;
    const rules = new Set<string>();
    for (const p of pages) {
      const on = await analyzer.analyzeText(p.text, p.source);
      const off = await analyzer.analyzeText(p.text, p.source, { prefilter: false });
      const { stats: s1, ...restOn } = on;
      const { stats: s2, ...restOff } = off;
      expect(restOn).toEqual(restOff);
      tokenizedOn += s1.tokenizedSentences;
      tokenizedOff += s2.tokenizedSentences;
      expect(s2.tokenizedSentences).toBe(s2.sentences);
      findings += on.findings.length;
      for (const f of on.findings) rules.add(f.rule);
    }
    // not vacuous: claims were found, token rules fired, and the prefilter saved work
    expect(findings).toBeGreaterThan(20);
    expect(rules).toContain('celebrity/zz-token-cures');
    expect(rules).toContain('celebrity/zz-token-noun-disappears');
    expect(tokenizedOn).toBeGreaterThan(0);
    expect(tokenizedOn * 5).toBeLessThan(tokenizedOff);
  });

  it('marks every regex pattern, and every whole-sentence frame, that matches a spec sentence of the real dictionaries', async () => {
    const dict = await loadDictionaries(dir);
    // with kuromoji loaded the gate rebuilds itself with the tighter token runs: check that index
    await getTokenizer();
    dict.gate.candidates('');
    const sentences = new Set<string>();
    const specTexts = (specs: { match?: (string | { text: string })[]; notMatch?: (string | { text: string })[] } | undefined) =>
      [...(specs?.match ?? []), ...(specs?.notMatch ?? [])].map((e) => (typeof e === 'string' ? e : e.text));
    for (const r of dict.rules) for (const t of specTexts(r.specs)) sentences.add(t);
    for (const group of [...Object.values(dict.frames), ...Object.values(dict.scope)]) for (const f of group) for (const t of specTexts(f.specs)) sentences.add(t);
    let matched = 0;
    const missed: string[] = [];
    for (const original of sentences) {
      const text = prepareSentence(dict, original).norm.text;
      const marks = dict.gate.candidates(text);
      dict.rules.forEach((rule, r) => {
        rule.patterns.forEach((p, j) => {
          if (p.kind !== 'regex') return;
          p.re.lastIndex = 0;
          if (!p.re.test(text)) return;
          matched++;
          if (!marks.rules[r]) missed.push(`${rule.id} #${j}: ${original}`);
          if (marks.rules[r] && !marks.patterns[dict.gate.patternStart[r]! + j]) missed.push(`${rule.id} #${j} (pattern): ${original}`);
        });
      });
      for (const group of [...Object.values(dict.frames), ...Object.values(dict.scope)]) {
        for (const f of group) {
          if (f.gate === undefined) continue;
          f.re.lastIndex = 0;
          if (f.re.test(text) && !marks.rules[f.gate]) missed.push(`frame ${f.where}: ${original}`);
        }
      }
    }
    expect(missed).toEqual([]);
    // not vacuous: over a thousand spec sentences, hundreds of pattern matches
    expect(sentences.size).toBeGreaterThan(1000);
    expect(matched).toBeGreaterThan(500);
  });
});
