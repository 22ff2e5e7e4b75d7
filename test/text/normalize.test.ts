import { describe, expect, it } from 'vitest';
import { compileVariants, normalize, toOriginalSpan } from '../../src/text/normalize.ts';

const variants = compileVariants({
  エクソソーム: ['エキソソーム', 'exosome', 'exosomes'],
  上清液: ['上澄み液'],
  ev: ['evs'],
  がん: ['癌'],
});

function spanOf(original: string, canonical: string): string {
  const n = normalize(original, variants);
  const at = n.text.indexOf(canonical);
  expect(at).toBeGreaterThanOrEqual(0);
  const o = toOriginalSpan(n, at, at + canonical.length);
  return original.slice(o.start, o.end);
}

describe('normalize', () => {
  it('folds widths, case and whitespace', () => {
    expect(normalize('ＥＸＯＳＯＭＥ　点滴\t\n  １回').text).toBe('exosome 点滴 1回');
    expect(normalize('ｴｸｿｿｰﾑ').text).toBe('エクソソーム');
    expect(normalize('ｶﾞﾝ').text).toBe('ガン');
  });

  it('applies variants after folding, longest first, whole Latin words only', () => {
    expect(normalize('ＥＸＯＳＯＭＥＳ', variants).text).toBe('エクソソーム');
    expect(normalize('エキソソームと上澄み液', variants).text).toBe('エクソソームと上清液');
    expect(normalize('EVs and devs', variants).text).toBe('ev and devs');
    expect(normalize('胃癌', variants).text).toBe('胃がん');
  });

  it('maps spans back to the page wording', () => {
    expect(spanOf('当院のｴｸｿｿｰﾑ点滴', 'エクソソーム')).toBe('ｴｸｿｿｰﾑ');
    expect(spanOf('当院のｴｷｿｿｰﾑ点滴', 'エクソソーム')).toBe('ｴｷｿｿｰﾑ');
    expect(spanOf('ｶﾞｲﾄﾞ付き　エキソソーム', 'エクソソーム')).toBe('エキソソーム');
    expect(spanOf('ﾊﾞﾗﾝｽ', 'バ')).toBe('ﾊﾞ');
    expect(spanOf('Ｅｘｏｓｏｍｅ療法', 'エクソソーム療法')).toBe('Ｅｘｏｓｏｍｅ療法');
    expect(spanOf('平成㍻の上澄み液', '上清液')).toBe('上澄み液');
    expect(spanOf('㍻元年', '平成')).toBe('㍻');
    expect(spanOf('a   b', 'a b')).toBe('a   b');
  });

  // A sentence joined across hand-made line breaks (<br>) must read as one line of
  // Japanese, which has no spaces between words.
  it('drops a line break between Japanese characters and keeps the span on the page wording', () => {
    const original = '当院の上清液点滴は\n拒絶反応の心配が\r\n　ございません。';
    const n = normalize(original);
    expect(n.text).toBe('当院の上清液点滴は拒絶反応の心配がございません。');
    const at = n.text.indexOf('心配がございません');
    const o = toOriginalSpan(n, at, at + '心配がございません'.length);
    expect(original.slice(o.start, o.end)).toBe('心配が\r\n　ございません');
    // kana, kanji, ー, full-width punctuation and brackets all count as Japanese
    expect(normalize('施術後の赤み\n（個人差があります）').text).toBe('施術後の赤み(個人差があります)');
    expect(normalize('エクソソ\nーム').text).toBe('エクソソーム');
    expect(normalize('「驚くほど\n」').text).toBe('「驚くほど」');
    expect(normalize('ｴｸｿｿｰﾑ\n点滴').text).toBe('エクソソーム点滴');
  });

  it('keeps one space for a line break next to Latin letters or digits, and spaces on one line', () => {
    expect(normalize('Exosome\ntherapy').text).toBe('exosome therapy');
    expect(normalize('初回\n19,800円').text).toBe('初回 19,800円');
    expect(normalize('ＥＸＯＳＯＭＥ\n点滴').text).toBe('exosome 点滴');
    // spaces on one line separate items (names, menu entries): they stay
    expect(normalize('院長　山田花子').text).toBe('院長 山田花子');
    expect(normalize('エクソソーム点滴　幹細胞上清液点滴').text).toBe('エクソソーム点滴 幹細胞上清液点滴');
    expect(spanOf('点滴の\n  ｴｷｿｿｰﾑ\tは', 'のエクソソーム')).toBe('の\n  ｴｷｿｿｰﾑ');
  });

  it('maps empty spans and the end of the text', () => {
    const n = normalize('ｱｲ');
    expect(toOriginalSpan(n, 2, 2)).toEqual({ start: 2, end: 2 });
    expect(toOriginalSpan(n, 1, 1)).toEqual({ start: 1, end: 1 });
  });

  // Property: for random mixes of widths, the maps are monotonic and within
  // bounds, surrogate pairs are never cut, and (without variants, which depend
  // on word context) every span maps to an original substring that normalizes
  // to text containing that span.
  it.each([
    ['without variants', undefined],
    ['with variants', variants],
  ] as const)('keeps a consistent offset map on random mixed-width text, %s', (_name, table) => {
    const pieces = ['ｴ', 'ｸ', 'ｿ', 'ｰ', 'ﾑ', 'ｶﾞ', 'ﾊﾟ', 'ﾞ', 'エ', 'ク', 'ソ', 'ー', 'ム', 'Ａ', 'ｂ', 'C', '１', '2', '　', ' ', '\n', '、', '。',
      '㍻', '㌔', 'ﬁ', 'é', 'é', '上澄み液', 'エキソソーム', 'EXOSOMES', 'evs', '癌', '𠮷', '（', '）', 'か\u3099', 'İ', '\r\n', '\n　', 'は'];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      let original = '';
      const len = 1 + rand(20);
      for (let i = 0; i < len; i++) original += pieces[rand(pieces.length)];
      const n = normalize(original, table);
      expect(n.origStart.length).toBe(n.text.length);
      for (let i = 0; i < n.text.length; i++) {
        expect(n.origStart[i]).toBeLessThan(n.origEnd[i]!);
        expect(n.origEnd[i]).toBeLessThanOrEqual(original.length);
        if (i > 0) expect(n.origStart[i]).toBeGreaterThanOrEqual(n.origStart[i - 1]!);
      }
      for (let k = 0; k < 10 && n.text.length > 0; k++) {
        const a = rand(n.text.length);
        const b = a + 1 + rand(n.text.length - a);
        const o = toOriginalSpan(n, a, b);
        const slice = original.slice(o.start, o.end);
        expect(/^[\uDC00-\uDFFF]/.test(slice)).toBe(false);
        expect(/[\uD800-\uDBFF]$/.test(slice)).toBe(false);
        const span = n.text.slice(a, b).trim();
        if (span && !table) expect(normalize(slice).text).toContain(span);
      }
    }
  });
});

describe('normalize offset maps', () => {
  it('give the same spans as the shortcut for text normalization leaves unchanged', () => {
    for (const original of ['当院の点滴です。', 'エクソソーム点滴は1回です', 'ab　c', 'ｴｸｿｿｰﾑ', '治療前→治療後']) {
      const n = normalize(original, variants);
      for (let a = 0; a <= n.text.length; a++) {
        for (let b = a; b <= n.text.length + 1; b++) {
          const viaMap =
            a >= n.text.length ? { start: original.length, end: original.length } : b <= a ? { start: n.origStart[a], end: n.origStart[a] } : { start: n.origStart[a], end: n.origEnd[Math.min(b, n.text.length) - 1] };
          expect(toOriginalSpan(n, a, b)).toEqual(viaMap);
        }
      }
    }
  });

  it('are built on first use and agree with the text, on the fast path too', () => {
    const plain = normalize('当院の点滴です。');
    expect(plain.text).toBe('当院の点滴です。');
    expect(Array.from(plain.origStart)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(plain.origEnd)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const mixed = normalize('ｴｷｿｿｰﾑ　点滴', variants);
    expect(mixed.text).toBe('エクソソーム 点滴');
    expect(mixed.origStart.length).toBe(mixed.text.length);
    expect(toOriginalSpan(mixed, 0, 6)).toEqual({ start: 0, end: 6 });
  });
});
