// The "blind" sentence sets (test/fixtures/blind/: written and labelled
// without seeing the rules or the dev set) run through the very evaluation of
// `npm run eval:dev`. The floors are the values measured when this test was
// written, rounded down to 0.05; since the rules were then tuned against these
// sets, they are regression floors now, not an independent measure.
// `npm run eval:dev -- test/fixtures/blind/<file> --show <category|item>` lists the lines behind a failure.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/analyzer.ts';
import { SENTENCE_CATEGORIES } from '../../src/model.ts';
import { evaluateLines } from '../../scripts/eval-dev.ts';
import { precision, recall, total } from '../../scripts/eval-score.ts';
import type { LineEval } from '../../scripts/eval-dev.ts';

const BLIND = fileURLToPath(new URL('../fixtures/blind/', import.meta.url));

interface Floors {
  /** Per category: [precision, recall]. */
  categories: Record<(typeof SENTENCE_CATEGORIES)[number], [number, number]>;
  /** Micro precision and recall over the seven disclosure items. */
  disclosures: [number, number];
}

const all = (p: number, r: number) => Object.fromEntries(SENTENCE_CATEGORIES.map((c) => [c, [p, r]])) as Floors['categories'];

const FLOORS: Record<string, Floors> = {
  'clinic-sentences.jsonl': { categories: all(1, 1), disclosures: [1, 1] },
  'mixed-sentences.jsonl': { categories: all(1, 1), disclosures: [1, 1] },
  // round 3: hard negatives, indirect claims, quotes to warn (blind: P 0.81 / R 0.87)
  'hard-sentences.jsonl': { categories: all(1, 1), disclosures: [1, 1] },
  // round 4: casual/SNS wording, case reports, patient-profile lines, badges (blind: P 0.94 / R 0.77,
  // efficacy recall 0.46)
  'r4-sentences.jsonl': { categories: { ...all(1, 1), testimonial: [1, 0.85] }, disclosures: [1, 0.95] },
  // round 5: five writers' styles (clinic marketer, doctor's column, cosmetics EC copy, journalist,
  // prefecture official) (blind: claims P 0.91 / R 0.82; disclosures P 0.97 / R 0.66). Claim
  // dictionaries tuned; safety, testimonial, superlative and disclosures at what HEAD gave then,
  // before the parallel work on them. Left: efficacy FN (改善を目指します: the dev set keeps 目指す
  // out of efficacy) and FP (a vitamin C serum line, out of scope by its note).
  'r5-sentences.jsonl': {
    categories: {
      ...all(1, 1),
      'efficacy-claim': [0.95, 0.95],
      'safety-claim': [1, 0.65],
      testimonial: [0.75, 0.8],
      superlative: [0.9, 1],
    },
    disclosures: [0.95, 0.65],
  },
  // round 6: 60% hard negatives (careful clinic copy, warnings quoting claims, guideline explainers,
  // research, out-of-scope) (blind: claims P 0.88 / R 0.97; disclosures P 1.00 / R 0.85). Claim FPs
  // fixed by frames and unless (clinic case reports are no testimonial, 〜とは考えておりません,
  // 〜と断言できる段階にはありません, 〜などの表記, 〜とする声が掲載, EV biology findings). Left: two
  // efficacy FPs whose labels go against the dictionaries' convention and the dev set (a customer
  // voice with a 2-week result, 回復をサポートします), and the recall misses (approval, testimonial).
  // The approval miss (recognised "under the state's system") was caught in round 7 (R 0.83 -> 1.00).
  'r6-sentences.jsonl': {
    categories: {
      ...all(1, 1),
      'efficacy-claim': [0.85, 1],
      testimonial: [1, 0.8],
    },
    disclosures: [1, 0.85],
  },
  // round 7: recall-focused, claims worded without the textbook keywords, many registers (clinic copy,
  // Instagram captions, LINE notices, FAQ, interviews, supplier catalogue, English mixes) (blind: claims
  // P 0.94 / R 0.66; efficacy P 0.74 / R 0.50, superlative R 0.50, approval R 0.60; disclosures P 0.95 /
  // R 0.78). Efficacy, superlative and approval tuned (now efficacy P 0.97 / R 1.00, superlative and
  // approval 1.00 / 1.00; claims P 0.98 / R 0.81); the other categories and disclosures at what HEAD gave
  // then, before their owners' tuning. Left: one efficacy FP whose label goes against the convention
  // (〜回復をサポートします, as in round 6). Then safety, disease, supernatant, testimonial, before-after,
  // inducement, celebrity and the disclosure items tuned (risk waved off: 〜を心配する必要はありません,
  // 一例も起きていません, likened to a vitamin shot; diseases told through a patient's before-and-now
  // or named as symptoms / lab values; supernatant made into 'exosome'; customer posts; measured
  // before/after values; flat-fee and money-back offers; TV doctors; disclosures in plain words):
  // claims P 0.99 / R 0.99, disclosures P 0.98 / R 1.00. Left: the FAQ whose answer 「はい」 offers the
  // treatment for the disease named in its question (engine), one acquisition-route FP (a supplier's
  // 自社工場で製造, labelled no route).
  'r7-sentences.jsonl': {
    categories: {
      'supernatant-as-ev': [1, 1],
      'efficacy-claim': [0.95, 1],
      'safety-claim': [1, 1],
      'disease-claim': [1, 0.95],
      'approval-claim': [1, 1],
      testimonial: [1, 1],
      'before-after': [1, 1],
      superlative: [1, 1],
      inducement: [1, 1],
      celebrity: [1, 1],
    },
    disclosures: [0.95, 0.95],
  },
};

const evals = new Map<string, LineEval>();
beforeAll(async () => {
  const analyzer = await createAnalyzer();
  for (const file of Object.keys(FLOORS)) evals.set(file, await evaluateLines(`${BLIND}${file}`, analyzer));
});

const fmt = (x: number) => x.toFixed(2);

describe.each(Object.entries(FLOORS))('blind set %s', (file, floors) => {
  it('has its lines and labels for every category', () => {
    const ev = evals.get(file)!;
    expect(ev.lines.length).toBeGreaterThanOrEqual(150);
    for (const c of SENTENCE_CATEGORIES) expect(ev.categories.get(c)!.tp + ev.categories.get(c)!.fn, c).toBeGreaterThan(0);
  });

  it('keeps per-category precision and recall at or above the floors', () => {
    const ev = evals.get(file)!;
    const low = SENTENCE_CATEGORIES.flatMap((c) => {
      const n = ev.categories.get(c)!;
      const [p, r] = floors.categories[c];
      return precision(n) < p || recall(n) < r ? [`${c}: precision ${fmt(precision(n))} (floor ${p}), recall ${fmt(recall(n))} (floor ${r})`] : [];
    });
    expect(low).toEqual([]);
  });

  it('keeps disclosure micro precision and recall at or above the floors', () => {
    const t = total(evals.get(file)!.disclosures);
    const [p, r] = floors.disclosures;
    expect(precision(t), `disclosure precision ${fmt(precision(t))}`).toBeGreaterThanOrEqual(p);
    expect(recall(t), `disclosure recall ${fmt(recall(t))}`).toBeGreaterThanOrEqual(r);
  });
});
