import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_LABELS_JA, SENTENCE_CATEGORIES } from '../src/model.ts';

describe('model', () => {
  it('has a Japanese label for every claims.md category', () => {
    expect(CATEGORIES).toHaveLength(11);
    for (const c of CATEGORIES) expect(CATEGORY_LABELS_JA[c]).toMatch(/\S/);
    expect(SENTENCE_CATEGORIES).not.toContain('missing-disclosure');
  });
});
