// The shape of every dictionary file (docs/dictionary-format.md). Objects are
// strict so a misspelt field fails on load instead of being silently ignored.
import { z } from 'zod';
import { DISCLOSURE_ITEMS, SEVERITIES, SITE_TYPES } from '../model.ts';

const text = z.string().min(1);
const oneOrMany = z.union([text, z.array(text).min(1)]);

export const specExample = z.union([text, z.strictObject({ text, span: text.optional() })]);
export const specs = z.strictObject({
  match: z.array(specExample).optional(),
  notMatch: z.array(specExample).optional(),
});
export type SpecExample = z.infer<typeof specExample>;
export type Specs = z.infer<typeof specs>;

export const tokenSpec = z.strictObject({
  surface: oneOrMany.optional(),
  basic: oneOrMany.optional(),
  pos: oneOrMany.optional(),
  pos_detail_1: oneOrMany.optional(),
});
export type TokenSpec = z.infer<typeof tokenSpec>;

export const pattern = z.union([
  text,
  z.strictObject({ all: z.array(text).min(2), within: z.number().int().nonnegative().optional() }),
  z.strictObject({ tokens: z.array(tokenSpec).min(1), triggers: z.array(text).min(1) }),
]);
export type Pattern = z.infer<typeof pattern>;

/** Most sentences a linked rule may look ahead (and, for `unlessNear`, around). */
export const MAX_LINK_WITHIN = 40;

/**
 * A claim told over two sentences of one block or section: a `first` pattern in
 * one sentence, a `then` pattern in one of the next `within` sentences of the
 * same `scope` (docs/linked-rules.md).
 */
export const linked = z.strictObject({
  first: z.array(text).min(1),
  then: z.array(text).min(1),
  within: z.number().int().min(1).max(MAX_LINK_WITHIN),
  scope: z.enum(['block', 'section']).optional(),
  /** One of these must match the first or the then sentence. */
  either: z.array(text).min(1).optional(),
  /** Regexes on the sentences of the same scope within `within` of the pair: any match cancels the finding. */
  unlessNear: z.array(text).min(1).optional(),
  /** The first part is asked (a FAQ question) and the then part is its answer: within 1–2 (docs/linked-rules.md). */
  firstIsQuestion: z.boolean().optional(),
}).refine((l) => !l.firstIsQuestion || l.within <= 2, {
  message: 'with `firstIsQuestion` the then part is the answer right after the question: `within` is 1 or 2',
  path: ['within'],
});
export type LinkedSource = z.infer<typeof linked>;

export const rule = z
  .strictObject({
    id: text,
    severity: z.enum(SEVERITIES).optional(),
    description: z.strictObject({ ja: text, en: text }),
    reference: text.optional(),
    disclosure: z.enum(DISCLOSURE_ITEMS).optional(),
    patterns: z.array(pattern).min(1).optional(),
    linked: linked.optional(),
    unless: z.array(text).optional(),
    negatable: z.boolean().optional(),
    hedge: z.enum(['keep', 'lower']).optional(),
    specs,
  })
  .superRefine((r, ctx) => {
    if ((r.patterns === undefined) === (r.linked === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a rule needs either `patterns` (one sentence) or `linked` (two sentences), not both' });
    }
  });
export type RuleSource = z.infer<typeof rule>;

export const categoryFile = z.strictObject({ category: text, rules: z.array(rule).min(1) });

export const variantsFile = z.strictObject({
  variants: z.record(text, z.array(text)).optional(),
  terms: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'term names are UPPER_CASE'), z.array(text).min(1)).optional(),
});

/** A regex with optional specs: the regex must / must not match each normalized example. */
export const frameEntry = z.union([text, z.strictObject({ pattern: text, specs: specs.optional() })]);
export type FrameEntry = z.infer<typeof frameEntry>;
const frames = z.array(frameEntry).optional();

export const negationFile = z.strictObject({ negation: frames, disclaimer: frames, hedge: frames, warning: frames, question: frames, label: frames, requirement: frames });
export const scopeFile = z.strictObject({ ev: z.array(frameEntry).min(1), offer: frames, unrelated: frames, notTreatment: frames });

const signal = z.union([
  z.strictObject({ pattern: text, weight: z.number(), specs: specs.optional() }),
  z.strictObject({ host: text, weight: z.number(), specs: specs.optional() }),
]);
export type SignalSource = z.infer<typeof signal>;
export const siteTypesFile = z.strictObject({
  types: z.partialRecord(z.enum(SITE_TYPES), z.array(signal)),
  default: z.enum(SITE_TYPES).optional(),
});
