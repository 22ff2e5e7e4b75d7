import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('splits on Japanese and Western sentence ends and newlines', () => {
    expect(texts('当院の点滴です。ご予約は不要！お気軽に？')).toEqual(['当院の点滴です。', 'ご予約は不要！', 'お気軽に？']);
    expect(texts('We offer care. Call us! 1.5 ml per vial')).toEqual(['We offer care.', 'Call us!', '1.5 ml per vial']);
    expect(texts('診療時間\n10:00〜19:00\r\n休診日 水曜')).toEqual(['診療時間', '10:00〜19:00', '休診日 水曜']);
  });

  it('does not split inside a short bracket and keeps closers with the sentence', () => {
    expect(texts('患者様より「とても楽になりました。また来ます！」との声。次の文。')).toEqual([
      '患者様より「とても楽になりました。また来ます！」との声。',
      '次の文。',
    ]);
    expect(texts('（注：個人差があります。）当院では…')).toEqual(['（注：個人差があります。）当院では…']);
    expect(texts('本当です！」次')).toEqual(['本当です！」', '次']);
  });

  it('splits inside a long or unclosed bracket', () => {
    const long = `（${'あ'.repeat(50)}。${'い'.repeat(50)}）`;
    expect(splitSentences(long)).toHaveLength(2);
    expect(texts('「閉じない。括弧')).toEqual(['「閉じない。', '括弧']);
  });

  it('gives offsets into the block', () => {
    const block = '  一文目。 二文目！\n三文目';
    for (const s of splitSentences(block)) expect(block.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n ')).toEqual([]);
  });
});
