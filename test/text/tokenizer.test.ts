import { describe, expect, it } from 'vitest';
import { getTokenizer } from '../../src/text/tokenizer.ts';

describe('getTokenizer', () => {
  it('is built once and gives surface, basic form, pos and offsets', async () => {
    const [a, b] = await Promise.all([getTokenizer(), getTokenizer()]);
    expect(a).toBe(b);
    const text = '点滴で症状が治りました。';
    const tokens = a.tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.start + t.surface.length)).toBe(t.surface);
    const naori = tokens.find((t) => t.surface === '治り');
    expect(naori).toMatchObject({ basic: '治る', pos: '動詞', pos_detail_1: '自立' });
  });
});
