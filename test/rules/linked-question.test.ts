// `firstIsQuestion` on a linked rule: loaded, compiled, validated at its line.
import { describe, expect, it } from 'vitest';
import { parseDictionaries } from '../../src/rules/load.ts';

const variants = `terms:\n  EV: [エクソソーム, '(?<![a-z])ev(?![a-z])']\n`;
const rule = (extra: string, within = 2) => [
  { name: 'variants.yaml', text: variants },
  {
    name: 'safety-claim.yaml',
    text: `category: safety-claim
rules:
  - id: safety-claim/faq
    severity: high
    description: { ja: 問答, en: question and answer }
    linked:
      first: ['副作用']
      then: ['^ありません']
      within: ${within}
${extra}    specs: { match: ['副作用はありますか？ありません。'] }
`,
  },
];

function errorOf(files: { name: string; text: string }[]): string {
  try {
    parseDictionaries(files);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the dictionaries to be rejected');
}

describe('linked rules with firstIsQuestion', () => {
  it('compiles the flag (false when absent)', () => {
    expect(parseDictionaries(rule('      firstIsQuestion: true\n')).linked[0]).toMatchObject({ id: 'safety-claim/faq', firstIsQuestion: true, within: 2 });
    expect(parseDictionaries(rule('')).linked[0]).toMatchObject({ firstIsQuestion: false });
  });

  it('rejects an answer looked for further than two sentences, and a flag that is no boolean', () => {
    expect(errorOf(rule('      firstIsQuestion: true\n', 3))).toMatch(/^safety-claim\.yaml:\d+: rule safety-claim\/faq:.*firstIsQuestion.*linked\.within/);
    expect(errorOf(rule('      firstIsQuestion: yes please\n'))).toMatch(/^safety-claim\.yaml:\d+:.*firstIsQuestion/);
  });
});
