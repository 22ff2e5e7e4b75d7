// The clause helpers shared by one-sentence and linked rules.
import { describe, expect, it } from 'vitest';
import { clauseBreaks, frameClauses, maskSpans, regexSpans, standingSpan } from '../../src/rules/clauses.ts';
import type { Frame } from '../../src/rules/compile.ts';

const frame = (source: string): Frame => ({ re: new RegExp(source, 'gu'), literals: null, source, where: 'test' });

describe('regexSpans', () => {
  it('lists every non-empty match and steps over empty ones, a surrogate pair at a time', () => {
    expect(regexSpans(/点滴/gu, 'エクソソーム点滴と幹細胞点滴')).toEqual([
      { start: 6, end: 8 },
      { start: 12, end: 14 },
    ]);
    // an empty match before 𠮟 (two units) must not split the pair or loop
    expect(regexSpans(/(?:叱)?/gu, 'a𠮟叱')).toEqual([{ start: 3, end: 4 }]);
  });

  it('refuses a regex without the g flag instead of looping', () => {
    expect(() => regexSpans(/点滴/u, '点滴')).toThrow(/global/);
  });
});

describe('standingSpan', () => {
  const text = '副作用はほとんどありませんが、効果を保証するものではありません。';
  const breaks = clauseBreaks(text);
  const disclaimed = frameClauses([frame('保証するものではありません')], text, breaks);
  const negation = [frame('^[^。]{0,6}(では|じゃ)(ない|なく|ありません)')];

  it('keeps a claim in a clause before the disclaimer, cancels one inside it', () => {
    const safety = { start: 0, end: 13 };
    const efficacy = { start: 15, end: 17 };
    expect(standingSpan([safety], text, { negatable: true, negation, disclaimed, breaks })).toEqual(safety);
    expect(standingSpan([efficacy], text, { negatable: true, negation, disclaimed, breaks })).toBeUndefined();
    expect(standingSpan([efficacy], text, { negatable: false, negation, disclaimed, breaks })).toEqual(efficacy);
    expect(maskSpans(text, disclaimed)).toBe('副作用はほとんどありませんが、' + '。'.repeat(text.length - 15));
  });

  it('cancels a span followed in its own clause by a negation', () => {
    const t = '再生医療ではありません。';
    const b = clauseBreaks(t);
    expect(standingSpan([{ start: 0, end: 4 }], t, { negatable: true, negation, disclaimed: [], breaks: b })).toBeUndefined();
  });
});
