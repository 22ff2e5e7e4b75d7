import { describe, expect, it } from 'vitest';
import { parseDictionaries } from '../../src/rules/load.ts';

const variants = `terms:\n  EV: [エクソソーム, '(?<![a-z])ev(?![a-z])']\n`;

function safety(rules: string): { name: string; text: string }[] {
  return [
    { name: 'variants.yaml', text: variants },
    { name: 'safety-claim.yaml', text: `category: safety-claim\nrules:\n${rules}` },
  ];
}

const good = `  - id: safety-claim/no-side-effects
    severity: high
    description: { ja: 副作用なし, en: no side effects }
    patterns: ['副作用(は|が)(ない|ありません)']
    specs: { match: [副作用がありません。] }
`;

function errorOf(files: { name: string; text: string }[]): string {
  try {
    parseDictionaries(files);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the dictionaries to be rejected');
}

describe('parseDictionaries', () => {
  it('loads a valid file and hashes its content', () => {
    const a = parseDictionaries(safety(good));
    expect(a.rules.map((r) => r.id)).toEqual(['safety-claim/no-side-effects']);
    expect(a.rules[0]).toMatchObject({ category: 'safety-claim', severity: 'high', negatable: true, hedge: 'keep' });
    const b = parseDictionaries(safety(good.replace('high', 'medium')));
    expect(b.version).not.toBe(a.version);
    expect(parseDictionaries(safety(good)).version).toBe(a.version);
  });

  it('reports bad YAML with file and line', () => {
    const msg = errorOf(safety(good + '    specs: [unclosed\n'));
    expect(msg).toMatch(/^safety-claim\.yaml:\d+: invalid YAML/);
  });

  it('reports an unknown field with file, line and rule id', () => {
    const msg = errorOf(safety(good.replace('    specs:', '    negateable: false\n    specs:')));
    expect(msg).toContain('safety-claim.yaml:7:');
    expect(msg).toContain('rule safety-claim/no-side-effects');
    expect(msg).toContain('negateable');
  });

  it('reports a bad regex with file, line and rule id', () => {
    const msg = errorOf(safety(good.replace("'副作用(は|が)(ない|ありません)'", "'副作用(は|が'")));
    expect(msg).toMatch(/^safety-claim\.yaml:6: rule safety-claim\/no-side-effects: invalid regex/);
  });

  it('reports an unknown term and a pattern matching the empty string', () => {
    expect(errorOf(safety(good.replace("'副作用(は|が)(ない|ありません)'", "'{NOPE}点滴'")))).toMatch(/safety-claim\.yaml:6:.*unknown term \{NOPE\}/);
    expect(errorOf(safety(good.replace("'副作用(は|が)(ない|ありません)'", "'(副作用)?'")))).toMatch(/safety-claim\.yaml:6:.*empty string/);
  });

  it('reports a duplicate id at the second definition', () => {
    const msg = errorOf(safety(good + good));
    expect(msg).toMatch(/^safety-claim\.yaml:8: rule safety-claim\/no-side-effects: duplicate rule id \(first defined at safety-claim\.yaml:3\)/);
  });

  it('reports a wrong category and a rule id outside its category', () => {
    const wrong = [{ name: 'safety-claim.yaml', text: `category: efficacy-claim\nrules:\n${good}` }];
    expect(errorOf(wrong)).toMatch(/^safety-claim\.yaml:1:.*must equal the file name/);
    expect(errorOf(safety(good.replace('id: safety-claim/', 'id: efficacy-claim/')))).toMatch(/^safety-claim\.yaml:3:.*must start with "safety-claim\/"/);
  });

  it('requires a disclosure item on missing-disclosure rules, and only there', () => {
    const md = [{ name: 'missing-disclosure.yaml', text: `category: missing-disclosure\nrules:\n${good.replaceAll('safety-claim', 'missing-disclosure')}` }];
    expect(errorOf(md)).toMatch(/missing-disclosure\.yaml:3:.*disclosure: <item>/);
    expect(errorOf(safety(good.replace('    specs:', '    disclosure: cost\n    specs:')))).toMatch(/safety-claim\.yaml:7:.*only for missing-disclosure/);
  });

  it('reports problems in frame files at their line', () => {
    const neg = [{ name: 'negation.yaml', text: "negation:\n  - 'ok'\n  - pattern: '(bad'\n" }];
    expect(errorOf(neg)).toMatch(/^negation\.yaml:3: invalid regex/);
    const site = [{ name: 'site-types.yaml', text: 'types:\n  clinic:\n    - { pattern: 院長, weigth: 2 }\n' }];
    expect(errorOf(site)).toMatch(/^site-types\.yaml:3:/);
  });

  describe('linked rules (a claim told over two sentences)', () => {
    const linked = (body: string) => `  - id: safety-claim/two-sentences
    severity: high
    description: { ja: 二文, en: two sentences }
${body}    specs: { match: ['副作用の報告は。いまだにゼロです。'] }
`;
    const ok = `    linked:
      first: ['副作用の報告']
      then: ['ゼロです']
      within: 2
`;

    it('loads a linked rule apart from the one-sentence rules, its parts in the gate', () => {
      const d = parseDictionaries(safety(good + linked(ok)));
      expect(d.rules.map((r) => r.id)).toEqual(['safety-claim/no-side-effects']);
      expect(d.linked.map((r) => r.id)).toEqual(['safety-claim/two-sentences']);
      expect(d.linked[0]).toMatchObject({ category: 'safety-claim', within: 2, scope: 'section', negatable: true, hedge: 'keep', where: 'safety-claim.yaml:8' });
      const marks = d.gate.candidates('副作用の報告はゼロです');
      expect(marks.rules[d.linked[0]!.firstGate[0]!]).toBe(1);
      expect(marks.rules[d.linked[0]!.thenGate[0]!]).toBe(1);
      expect(d.gate.candidates('効果があります').rules[d.linked[0]!.firstGate[0]!]).toBe(0);
    });

    it('rejects a rule with both patterns and linked, or neither, at the rule', () => {
      expect(errorOf(safety(linked(ok + "    patterns: ['x']\n")))).toMatch(/^safety-claim\.yaml:3: rule safety-claim\/two-sentences: a rule needs either `patterns`/);
      expect(errorOf(safety(linked('')))).toMatch(/^safety-claim\.yaml:3:.*either `patterns`/);
    });

    it('reports bad linked fields at their line', () => {
      expect(errorOf(safety(linked(ok.replace('within: 2', 'within: 0'))))).toMatch(/^safety-claim\.yaml:9: rule safety-claim\/two-sentences:.*linked\.within/);
      expect(errorOf(safety(linked(ok.replace('within: 2', 'within: 2\n      scope: page'))))).toMatch(/^safety-claim\.yaml:10:.*linked\.scope/);
      expect(errorOf(safety(linked(ok.replace('within: 2', 'within: 2\n      unlesNear: [x]'))))).toMatch(/^safety-claim\.yaml:10:.*unlesNear/);
      expect(errorOf(safety(linked(ok.replace("then: ['ゼロです']", "then: ['ゼロ(です']"))))).toMatch(/^safety-claim\.yaml:8: rule safety-claim\/two-sentences: invalid regex/);
      expect(errorOf(safety(linked(ok.replace('within: 2', "within: 2\n      either: ['{NOPE}']"))))).toMatch(/^safety-claim\.yaml:10:.*unknown term \{NOPE\}/);
    });

    it('keeps linked rules out of missing-disclosure', () => {
      const md = [{ name: 'missing-disclosure.yaml', text: `category: missing-disclosure\nrules:\n${linked(ok).replaceAll('safety-claim', 'missing-disclosure').replace('    specs:', '    disclosure: cost\n    specs:')}` }];
      expect(errorOf(md)).toMatch(/^missing-disclosure\.yaml:7:.*`linked` is for claim rules/);
    });
  });
});
