// Turns validated dictionary entries into matchers. Any regex problem is
// reported at the line of the entry that holds it.
import { normalize } from '../text/normalize.ts';
import type { VariantTable } from '../text/normalize.ts';
import { requiredLiterals } from './literals.ts';
import type { FrameEntry, Pattern, Specs, TokenSpec } from './schema.ts';
import type { YamlSource, YamlPath } from '../yaml-source.ts';

export type TokenField = keyof TokenSpec;
export type TokenMatcher = Partial<Record<TokenField, ReadonlySet<string>>>;

export type CompiledPattern =
  | { kind: 'regex'; re: RegExp }
  | { kind: 'all'; parts: RegExp[]; within?: number }
  | { kind: 'tokens'; seq: TokenMatcher[]; triggers: string[] };

export type TokenPattern = CompiledPattern & { kind: 'tokens' };

/** A regex entry of negation / scope / site-types, with its own specs. */
export interface Frame {
  re: RegExp;
  /** Literals one of which any match contains (null: unknown): skips the regex cheaply. */
  literals: string[] | null;
  source: string;
  specs?: Specs;
  where: string;
  /** Its index among the gate's marks, for frames read on whole sentences (see load.ts). */
  gate?: number;
}

export interface CompileContext {
  src: YamlSource;
  terms: Record<string, readonly string[]>;
  variants: VariantTable;
}

const TERM = /\{([A-Z][A-Z0-9_]*)\}/g;

export function compileRegex(ctx: CompileContext, source: string, path: YamlPath, ruleId?: string): RegExp {
  const expanded = source.replace(TERM, (_m, name: string) => {
    const alts = ctx.terms[name];
    if (!alts) throw ctx.src.error(path, `unknown term {${name}} (define it under terms: in variants.yaml)`, ruleId);
    return `(?:${alts.join('|')})`;
  });
  let re: RegExp;
  try {
    re = new RegExp(expanded, 'gu');
  } catch (e) {
    throw ctx.src.error(path, `invalid regex ${JSON.stringify(source)}: ${(e as Error).message}`, ruleId);
  }
  // an empty match would fire on every sentence
  if (new RegExp(expanded, 'u').test('')) {
    throw ctx.src.error(path, `regex ${JSON.stringify(source)} matches the empty string`, ruleId);
  }
  return re;
}

export function compilePattern(ctx: CompileContext, p: Pattern, path: YamlPath, ruleId: string): CompiledPattern {
  if (typeof p === 'string') return { kind: 'regex', re: compileRegex(ctx, p, path, ruleId) };
  if ('all' in p) {
    const parts = p.all.map((s, i) => compileRegex(ctx, s, [...path, 'all', i], ruleId));
    return p.within === undefined ? { kind: 'all', parts } : { kind: 'all', parts, within: p.within };
  }
  const seq = p.tokens.map((t) => {
    const m: TokenMatcher = {};
    for (const [field, value] of Object.entries(t) as [TokenField, string | string[] | undefined][]) {
      if (value !== undefined) m[field] = new Set(Array.isArray(value) ? value : [value]);
    }
    return m;
  });
  // triggers are looked up in normalized text, so normalize them the same way
  const triggers = p.triggers.map((t) => normalize(t, ctx.variants).text);
  return { kind: 'tokens', seq, triggers };
}

export function compileFrames(ctx: CompileContext, entries: readonly FrameEntry[] | undefined, path: YamlPath): Frame[] {
  return (entries ?? []).map((e, i) => {
    const source = typeof e === 'string' ? e : e.pattern;
    const at = typeof e === 'string' ? [...path, i] : [...path, i, 'pattern'];
    const re = compileRegex(ctx, source, at);
    const frame: Frame = {
      re,
      literals: frameLiterals(re),
      source,
      where: `${ctx.src.file}:${ctx.src.lineOf(at)}`,
    };
    if (typeof e !== 'string' && e.specs) frame.specs = e.specs;
    return frame;
  });
}

// Beyond a few literals, looking each up costs more than running the regex.
const MAX_FRAME_LITERALS = 8;

function frameLiterals(re: RegExp): string[] | null {
  const lits = requiredLiterals(re);
  return lits && lits.length <= MAX_FRAME_LITERALS ? lits : null;
}

/**
 * Whether any frame matches the text (frames are global regexes: reset
 * lastIndex). `marks`: the gate's candidates for this very text, which rule
 * out frames without running them.
 */
export function anyFrame(frames: readonly Frame[], text: string, marks?: Uint8Array): Frame | undefined {
  for (const f of frames) {
    if (marks && f.gate !== undefined) {
      if (!marks[f.gate]) continue;
    } else if (f.literals && !f.literals.some((l) => text.includes(l))) continue;
    f.re.lastIndex = 0;
    if (f.re.test(text)) return f;
  }
  return undefined;
}
