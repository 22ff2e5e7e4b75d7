// FAQ pairs (a linked rule with `firstIsQuestion`): the subject is asked in the
// question, the claim stands in the answer. HTML layouts (dl/dt/dd,
// details/summary, one-line p, separate p) and hard negatives.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../src/analyze/analyzer.ts';
import { loadDictionaries } from '../../src/rules/load.ts';

const dir = fileURLToPath(new URL('../../dictionaries/', import.meta.url));
const dict = await loadDictionaries(dir);
const analyzer = analyzerFor(dict);

const page = (faq: string) =>
  `<html><head><title>エクソソーム点滴 Q&amp;A</title></head><body><h1>エクソソーム点滴</h1><p>当クリニックではエクソソーム点滴をご提供しています。</p><h2>Q&amp;A</h2>${faq}</body></html>`;

async function rulesOf(faq: string): Promise<string[]> {
  const doc = await analyzer.analyzeHtml(page(faq), 'https://clinic.example/faq');
  return doc.findings.map((f) => f.rule);
}

const SAFETY = 'safety-claim/faq-risk-denied';
const DISEASE = 'disease-claim/faq-disease-answered';

/** A hard negative means something only where the FAQ rule exists and reads questions. */
const asks = (id: string) => expect(dict.linked.find((r) => r.id === id)?.firstIsQuestion).toBe(true);

describe('FAQ: risk asked, denied in the answer', () => {
  it.each([
    ['dl', '<dl><dt>Q. 治療後に副作用は出ますか？</dt><dd>A. 特にございません。</dd></dl>'],
    ['one-line p', '<p>Q. 後遺症が残るリスクは？ A. 心配ありません。</p>'],
    ['separate p', '<p>Q. 拒絶反応はありませんか？</p><p>A. ご安心ください。</p>'],
    ['details', '<details><summary>Q. アレルギーの心配はありますか？</summary><p>A. ほとんどありません。</p></details>'],
  ])('%s', async (_name, faq) => {
    expect(await rulesOf(faq)).toContain(SAFETY);
  });
  it.each([
    ['a risk named', '<dl><dt>Q. 治療後に副作用は出ますか？</dt><dd>A. 針を刺した所に内出血が出ることがあります。</dd></dl>'],
    ['rare', '<p>Q. 後遺症が残るリスクは？ A. ほとんどありませんが、まれに発熱がみられます。</p>'],
    ['the doctor', '<p>Q. 拒絶反応はありませんか？</p><p>A. 体質について医師にご相談ください。</p>'],
    ['pain is no risk', '<dl><dt>Q. 注射の痛みはありますか？</dt><dd>A. チクッとする程度です。</dd></dl>'],
    ['another subject', '<dl><dt>Q. 事前の検査は必要ですか？</dt><dd>A. ありません。</dd></dl>'],
    ['not a question', '<p>副作用について。</p><p>ありません。</p>'],
    ['next question first', '<dl><dt>Q. 副作用はありますか？</dt><dt>Q. 予約は要りますか？</dt><dd>A. ありません。</dd></dl>'],
  ])('not: %s', async (_name, faq) => {
    asks(SAFETY);
    expect(await rulesOf(faq)).not.toContain(SAFETY);
  });
});

describe('FAQ: disease asked, affirmed in the answer', () => {
  it.each([
    ['dl', '<dl><dt>Q. 関節リウマチでも受けられますか？</dt><dd>A. はい、当院で対応しております。</dd></dl>'],
    ['details', '<details><summary>Q. パーキンソン病にも効果はありますか？</summary><p>A. はい、症状の改善が期待できます。</p></details>'],
    ['one-line p', '<p>Q. 脊柱管狭窄症でも治療できますか？ A. はい、痛みが軽減した方が多数いらっしゃいます。</p>'],
  ])('%s', async (_name, faq) => {
    expect(await rulesOf(faq)).toContain(DISEASE);
  });
  it.each([
    ['exclusion', '<dl><dt>Q. 糖尿病でも受けられますか？</dt><dd>A. 治療中の方は受けられません。</dd></dl>'],
    ['the family doctor', '<dl><dt>Q. 関節リウマチでも受けられますか？</dt><dd>A. 主治医にご相談ください。</dd></dl>'],
    ['declined', '<p>Q. 脊柱管狭窄症でも治療できますか？ A. いいえ、お受けいただけません。</p>'],
    ['cosmetic', '<dl><dt>Q. 頬のシミにも効果はありますか？</dt><dd>A. はい、明るさを実感される方が多いです。</dd></dl>'],
    ['eligibility only', '<dl><dt>Q. 高血圧症でも点滴は受けられますか？</dt><dd>A. はい、受けていただけます。</dd></dl>'],
    ['eligibility with a condition', '<p>Q. 糖尿病でも受けられますか？ A. はい、数値が落ち着いていれば対応しております。</p>'],
    ['thinning hair', '<dl><dt>Q. 薄毛でも受けられますか？</dt><dd>A. はい、対応しております。</dd></dl>'],
  ])('not: %s', async (_name, faq) => {
    asks(DISEASE);
    expect(await rulesOf(faq)).not.toContain(DISEASE);
  });
});
