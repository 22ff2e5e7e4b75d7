// Site type from whole-page text (invented pages, not taken from any fixture):
// a provider that cites authorities stays a provider; an authority shows signs
// of being one; agencies that arrange treatment abroad are sellers.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { loadDictionaries } from '../../src/rules/load.ts';
import { pickSiteType, scoreSiteType, signalGate } from '../../src/rules/site-type.ts';
import { normalize } from '../../src/text/normalize.ts';
import { splitSentences } from '../../src/text/sentences.ts';

const dict = await loadDictionaries(fileURLToPath(new URL('../../dictionaries/', import.meta.url)));
const judge = (lines: string[], host?: string) => pickSiteType(scoreSiteType(dict, lines.map((l) => normalize(l).text).join('\n'), host).scores);

describe('site type', () => {
  it('keeps a careful clinic that cites the society and the consumer centre a clinic', () => {
    expect(
      judge([
        '医療法人社団 白樺会 院長 山田 花子',
        '診療時間 9:00〜18:00',
        '当院の培養上清液点滴は自由診療です。',
        '細胞外小胞の学会は声明で有効性は確立していないとしています。',
        '不安なときは医療安全支援センターや消費生活センター（消費者ホットライン188）にもご相談いただけます。',
        '〒100-0000 東京都千代田区霞が関九丁目9-9',
      ]),
    ).toBe('clinic');
  });

  it('judges a consumer centre by its own name line and voice, not by the names it cites', () => {
    expect(
      judge([
        '点滴の高額契約にご注意ください|さくら市消費生活センター',
        '文字サイズ 標準 拡大',
        '当センターへの相談が増えています。',
        'お困りのときは消費者ホットライン188へ。',
      ]),
    ).toBe('authority');
  });

  it('judges a society page by its own menu', () => {
    expect(judge(['学会について', '声明・提言', '再生医療の広告についての声明', '一般社団法人 日本架空学会 理事長'])).toBe('authority');
  });

  it('judges a news article that reports a statement and a warning as media', () => {
    expect(
      judge([
        '学会が注意喚起 広がる点滴治療|みらい健康ニュース',
        '細胞外小胞の学会は声明で、有効性は確立していないとした。',
        '国民生活センターにも相談が寄せられている。',
        '大学の研究者は慎重な見方を示す。',
        '2024年5月1日 配信',
        '関連記事',
        '編集方針 記事の無断転載を禁じます',
      ]),
    ).toBe('media');
  });

  it('judges a medical-tourism agency as a seller although doctors are named', () => {
    expect(
      judge([
        '海外で受ける再生医療 医療渡航サポート',
        '提携病院の医師が治療を行います。',
        '航空券とホテルの手配も当社が行います。',
        '東京都知事登録旅行業 第2-0000号',
      ]),
    ).toBe('seller');
  });
});

describe('site-type signal gate', () => {
  it('marks every text signal that matches a page of the bench corpus or a spec of site-types.yaml', () => {
    const signals = dict.siteTypes.signals;
    const texts: string[] = [];
    for (const s of signals) for (const e of [...(s.specs?.match ?? []), ...(s.specs?.notMatch ?? [])]) texts.push(normalize(typeof e === 'string' ? e : e.text).text);
    for (const p of generateCorpus().slice(0, 400)) texts.push(splitSentences(p.text).map((x) => normalize(x.text, dict.variants).text).join('\n'));
    const gate = signalGate(signals);
    let matched = 0;
    const missed: string[] = [];
    for (const text of texts) {
      const marks = gate.candidates(text).rules;
      signals.forEach((s, i) => {
        if (s.on !== 'text') return;
        s.re.lastIndex = 0;
        if (!s.re.test(text)) return;
        matched++;
        if (!marks[i]) missed.push(`${s.label}: ${text.slice(0, 60)}`);
      });
    }
    expect(missed).toEqual([]);
    // not vacuous: signals of every kind fire on these texts
    expect(matched).toBeGreaterThan(300);
  });
});
