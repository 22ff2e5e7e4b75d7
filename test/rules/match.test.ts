import { beforeAll, describe, expect, it } from 'vitest';
import { parseDictionaries } from '../../src/rules/load.ts';
import type { Dictionaries } from '../../src/rules/load.ts';
import { matchSentence, needsTokens, prepareSentence } from '../../src/rules/match.ts';
import { getTokenizer } from '../../src/text/tokenizer.ts';
import type { Tokenizer } from '../../src/text/tokenizer.ts';

const files = [
  {
    name: 'variants.yaml',
    text: `variants:
  エクソソーム: [エキソソーム, exosome]
  上清液: [上澄み液]
terms:
  EV: [エクソソーム, '(?<![a-z])ev(?![a-z])']
  SUPERNATANT: ['培養上清液?', '上清液?', 培養液]
`,
  },
  {
    name: 'negation.yaml',
    text: `negation: ['^[^。]{0,6}(わけ|訳)で(は|も)(ない|ありません)']
disclaimer: ['保証するもので(は|も)(ない|ありません)']
hedge: ['期待(でき|され)', 個人差]
warning: ['(と|など)の?(表現|広告)']
`,
  },
  { name: 'scope.yaml', text: `ev: ['{EV}', '{SUPERNATANT}']\noffer: ['点滴|円']\nunrelated: ['レーザー']\n` },
  {
    name: 'safety-claim.yaml',
    text: `category: safety-claim
rules:
  - id: safety-claim/no-side-effects
    severity: high
    description: { ja: 副作用なし, en: no side effects }
    patterns: ['副作用(は|が)(ない|ありません)']
    unless: ['施術前後は']
    specs: {}
`,
  },
  {
    name: 'efficacy-claim.yaml',
    text: `category: efficacy-claim
rules:
  - id: efficacy-claim/cures
    severity: high
    hedge: lower
    description: { ja: 治る, en: cures }
    patterns:
      - tokens: [{ basic: 治る }]
        triggers: [治]
      - '若返(る|ります)'
    specs: {}
`,
  },
  {
    name: 'supernatant-as-ev.yaml',
    text: `category: supernatant-as-ev
rules:
  - id: supernatant-as-ev/named
    severity: high
    description: { ja: 上清液をエクソソームと呼ぶ, en: supernatant named exosome }
    negatable: false
    patterns:
      - all: ['{EV}', '{SUPERNATANT}']
        within: 6
    specs: {}
`,
  },
  {
    name: 'missing-disclosure.yaml',
    text: `category: missing-disclosure
rules:
  - id: missing-disclosure/unapproved
    disclosure: unapproved
    description: { ja: 未承認, en: unapproved }
    patterns: ['未承認(の)?医薬品']
    specs: {}
`,
  },
];

let dict: Dictionaries;
let tk: Tokenizer;
beforeAll(async () => {
  dict = parseDictionaries(files);
  tk = await getTokenizer();
});

function run(text: string, prefilter = true) {
  let calls = 0;
  const r = matchSentence(dict, prepareSentence(dict, text), {
    prefilter,
    tokenize: (t) => {
      calls++;
      return tk.tokenize(t);
    },
  });
  return {
    ...r,
    calls,
    ids: r.claims.map((h) => h.rule.id),
    spans: r.claims.map((h) => text.slice(h.start, h.end)),
  };
}

describe('matchSentence', () => {
  it('finds a regex claim and maps the span to the original wording', () => {
    const r = run('当院の点滴は副作用がありません。');
    expect(r.ids).toEqual(['safety-claim/no-side-effects']);
    expect(r.spans).toEqual(['副作用がありません']);
    expect(run('ｴｷｿｿｰﾑ点滴は、副作用はありません').spans).toEqual(['副作用はありません']);
  });

  it('cancels by negation after the match, by disclaimer, by unless and by warning', () => {
    expect(run('副作用がないわけではありません。').ids).toEqual([]);
    expect(run('副作用がない治療を保証するものではありません。').ids).toEqual([]);
    expect(run('施術前後は副作用がありません。').ids).toEqual([]);
    expect(run('「副作用がない」などの広告に注意。').ids).toEqual([]);
  });

  it('lowers hedged claims of hedge: lower rules and keeps others', () => {
    const r = run('若返ることが期待できます。副作用がありません。');
    expect(r.claims.map((h) => [h.rule.id, h.severity, h.hedged])).toEqual([
      ['efficacy-claim/cures', 'low', true],
      ['safety-claim/no-side-effects', 'high', false],
    ]);
  });

  it('matches token sequences only where their triggers appear (prefilter) and the same without it', () => {
    const on = run('膝の痛みが治りました。');
    expect(on.ids).toEqual(['efficacy-claim/cures']);
    expect(on.spans).toEqual(['治り']);
    expect(on.calls).toBe(1);
    const plain = run('ご予約はお電話で。');
    expect(plain.calls).toBe(0);
    expect(needsTokens(dict, 'ご予約はお電話で。', true)).toBe(false);
    const off = run('ご予約はお電話で。', false);
    expect(off.calls).toBe(1);
    expect(off.ids).toEqual(plain.ids);
    expect(run('膝の痛みが治りました。', false).spans).toEqual(on.spans);
  });

  it('requires co-occurrence within the given distance, across variants', () => {
    const r = run('ｴｸｿｿｰﾑ（上澄み液）点滴');
    expect(r.ids).toEqual(['supernatant-as-ev/named']);
    expect(r.spans).toEqual(['ｴｸｿｿｰﾑ（上澄み液']);
    expect(run('エクソソームについて説明したあとで培養液の話').ids).toEqual([]);
    expect(run('上清液を使ったエクソソーム').ids).toEqual(['supernatant-as-ev/named']);
  });

  it('puts sentences about unrelated treatments out of scope unless they name EV', () => {
    expect(run('レーザーは副作用がありません。').ids).toEqual([]);
    expect(run('レーザーと違いエクソソーム点滴は副作用がありません。').ids).toEqual(['safety-claim/no-side-effects']);
  });

  it('reports disclosures and scope signals', () => {
    const r = run('本治療は未承認医薬品を用いたエクソソーム点滴です。');
    expect(r.disclosures.map((h) => h.rule.disclosure)).toEqual(['unapproved']);
    expect(r.mentionsEv).toBe(true);
    expect(r.offers).toBe(true);
    expect(run('未承認の医薬品ではありません。').disclosures).toHaveLength(1);
  });
});
