// file → YAML → rules is a pure function (parseDictionaries); loadDictionaries
// only adds reading the folder.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CATEGORIES, SITE_TYPES } from '../model.ts';
import type { Category, DisclosureItem, Severity, SiteType } from '../model.ts';
import { compileVariants } from '../text/normalize.ts';
import type { VariantTable } from '../text/normalize.ts';
import { compileFrames, compilePattern, compileRegex } from './compile.ts';
import type { CompileContext, CompiledPattern, Frame, TokenPattern } from './compile.ts';
import { addLinkedGateEntries, compileLinked } from './linked.ts';
import type { LinkedRule } from './linked.ts';
import { buildGate } from './prefilter.ts';
import type { GateRule, RuleGate } from './prefilter.ts';
import { categoryFile, negationFile, scopeFile, siteTypesFile, variantsFile } from './schema.ts';
import type { Specs } from './schema.ts';
import { YamlFileError, YamlSource } from '../yaml-source.ts';
import type { YamlPath } from '../yaml-source.ts';

export interface CompiledRule {
  id: string;
  category: Category;
  severity: Severity;
  /** Set on missing-disclosure rules: the item the rule detects. */
  disclosure?: DisclosureItem;
  patterns: CompiledPattern[];
  unless: RegExp[];
  negatable: boolean;
  hedge: 'keep' | 'lower';
  specs: Specs;
  /** file:line of the rule, for messages. */
  where: string;
}

export interface SiteSignal {
  type: SiteType;
  on: 'text' | 'host';
  re: RegExp;
  weight: number;
  /** Shown to the reader, e.g. `clinic: 診療時間`. */
  label: string;
  specs?: Specs;
}

export interface Dictionaries {
  /** sha256 of the files' names and contents. */
  version: string;
  files: string[];
  variants: VariantTable;
  /** Claim rules and disclosure rules, in file order. */
  rules: CompiledRule[];
  /** Claim rules whose parts stand in two sentences of a block or section (`linked:`), in file order. */
  linked: LinkedRule[];
  /** Which rules can fire in a sentence, from their required literals. */
  gate: RuleGate;
  /** All token-sequence patterns: only they ever need kuromoji. */
  tokenPatterns: TokenPattern[];
  frames: {
    negation: Frame[];
    disclaimer: Frame[];
    hedge: Frame[];
    warning: Frame[];
    /** The sentence asks (an FAQ question): it neither claims nor discloses. */
    question: Frame[];
    /** The sentence is a bare section label (患者様の声, 症例写真): not a claim in a menu or the page title. */
    label: Frame[];
    /** The sentence states the disclosure requirement (明示すること, checklists): it provides no disclosure. */
    requirement: Frame[];
  };
  /** notTreatment: research, trials, diagnostics: a disease named there is no disease-claim. */
  scope: { ev: Frame[]; offer: Frame[]; unrelated: Frame[]; notTreatment: Frame[] };
  siteTypes: { signals: SiteSignal[]; default: SiteType };
}

export interface DictionaryFile {
  /** Base name, e.g. `safety-claim.yaml`. */
  name: string;
  text: string;
}

const CATEGORY_SET = new Set<string>(CATEGORIES);

function stem(name: string): string {
  return name.replace(/\.ya?ml$/, '');
}

function ruleIdAt(data: unknown, path: YamlPath): string | undefined {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return undefined;
  const rules = (data as { rules?: { id?: unknown }[] } | null)?.rules;
  const id = rules?.[path[1]]?.id;
  return typeof id === 'string' ? id : undefined;
}

export function parseDictionaries(files: readonly DictionaryFile[]): Dictionaries {
  const byStem = new Map(files.map((f) => [stem(f.name), f]));
  const sourceOf = (name: string) => {
    const f = byStem.get(name);
    return f ? new YamlSource(f.name, f.text) : undefined;
  };

  const variantsSrc = sourceOf('variants');
  const v = variantsSrc ? variantsSrc.validate(variantsFile) : {};
  const variants = compileVariants(v.variants ?? {});
  const terms = v.terms ?? {};
  const ctxFor = (src: YamlSource): CompileContext => ({ src, terms, variants });
  if (variantsSrc) {
    for (const [name, alts] of Object.entries(terms)) {
      alts.forEach((a, i) => compileRegex(ctxFor(variantsSrc), a, ['terms', name, i]));
    }
  }

  const negSrc = sourceOf('negation');
  const neg = negSrc ? negSrc.validate(negationFile) : {};
  const negFrames = (key: 'negation' | 'disclaimer' | 'hedge' | 'warning' | 'question' | 'label' | 'requirement') =>
    negSrc ? compileFrames(ctxFor(negSrc), neg[key], [key]) : [];

  const scopeSrc = sourceOf('scope');
  const sc = scopeSrc ? scopeSrc.validate(scopeFile) : undefined;
  const scopeFrames = (key: 'ev' | 'offer' | 'unrelated' | 'notTreatment') =>
    scopeSrc && sc ? compileFrames(ctxFor(scopeSrc), sc[key], [key]) : [];

  const siteSrc = sourceOf('site-types');
  const st = siteSrc ? siteSrc.validate(siteTypesFile) : undefined;
  const signals: SiteSignal[] = [];
  if (siteSrc && st) {
    for (const type of SITE_TYPES) {
      (st.types[type] ?? []).forEach((s, i) => {
        const isHost = 'host' in s;
        const source = isHost ? s.host : s.pattern;
        const path = ['types', type, i, isHost ? 'host' : 'pattern'];
        const signal: SiteSignal = {
          type,
          on: isHost ? 'host' : 'text',
          re: compileRegex(ctxFor(siteSrc), source, path),
          weight: s.weight,
          label: `${type}: ${isHost ? 'host ' : ''}${source}`,
        };
        if (s.specs) signal.specs = s.specs;
        signals.push(signal);
      });
    }
  }

  const rules: CompiledRule[] = [];
  const linked: LinkedRule[] = [];
  const seen = new Map<string, string>();
  for (const category of CATEGORIES) {
    const src = sourceOf(category);
    if (!src) continue;
    const data = src.doc.toJS() as unknown;
    const file = src.validate(categoryFile, (p) => ruleIdAt(data, p));
    if (file.category !== category || !CATEGORY_SET.has(file.category)) {
      throw src.error(['category'], `category "${file.category}" must equal the file name "${category}" (an id of claims.md)`);
    }
    file.rules.forEach((r, i) => {
      const at: YamlPath = ['rules', i];
      if (!r.id.startsWith(`${category}/`)) throw src.error([...at, 'id'], `rule id must start with "${category}/"`, r.id);
      const where = `${src.file}:${src.lineOf(at)}`;
      const dup = seen.get(r.id);
      if (dup) throw src.error([...at, 'id'], `duplicate rule id (first defined at ${dup})`, r.id);
      seen.set(r.id, where);
      const isDisclosure = category === 'missing-disclosure';
      if (isDisclosure && !r.disclosure) throw src.error(at, 'missing-disclosure rules need `disclosure: <item>`', r.id);
      if (!isDisclosure && r.disclosure) throw src.error([...at, 'disclosure'], '`disclosure` is only for missing-disclosure rules', r.id);
      if (!isDisclosure && !r.severity) throw src.error(at, 'severity is required (high | medium | low)', r.id);
      const ctx = ctxFor(src);
      const unless = (r.unless ?? []).map((u, j) => compileRegex(ctx, u, [...at, 'unless', j], r.id));
      if (r.linked) {
        if (isDisclosure) throw src.error([...at, 'linked'], '`linked` is for claim rules: a disclosure is found in one sentence', r.id);
        const base = { id: r.id, category, severity: r.severity ?? 'high', unless, negatable: r.negatable ?? true, hedge: r.hedge ?? 'keep', specs: r.specs, where };
        linked.push(compileLinked(ctx, r.linked, [...at, 'linked'], base));
        return;
      }
      const rule: CompiledRule = {
        id: r.id,
        category,
        severity: r.severity ?? 'high',
        patterns: (r.patterns ?? []).map((p, j) => compilePattern(ctx, p, [...at, 'patterns', j], r.id)),
        unless,
        negatable: r.negatable ?? !isDisclosure,
        hedge: r.hedge ?? 'keep',
        specs: r.specs,
        where,
      };
      if (r.disclosure) rule.disclosure = r.disclosure;
      rules.push(rule);
    });
  }

  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) hash.update(`${f.name}\0${f.text}\0`);

  const frames = {
    negation: negFrames('negation'),
    disclaimer: negFrames('disclaimer'),
    hedge: negFrames('hedge'),
    warning: negFrames('warning'),
    question: negFrames('question'),
    label: negFrames('label'),
    requirement: negFrames('requirement'),
  };
  const scope = { ev: scopeFrames('ev'), offer: scopeFrames('offer'), unrelated: scopeFrames('unrelated'), notTreatment: scopeFrames('notTreatment') };
  // The frames matchSentence reads on the whole sentence share the rules'
  // literal scan: their marks follow the rules' in the gate.
  const gateEntries: GateRule[] = [...rules];
  for (const group of [scope.ev, scope.offer, scope.unrelated, scope.notTreatment, frames.disclaimer, frames.question, frames.warning, frames.requirement, frames.hedge]) {
    for (const f of group) {
      f.gate = gateEntries.length;
      gateEntries.push({ patterns: [{ kind: 'regex', re: f.re }] });
    }
  }
  addLinkedGateEntries(linked, gateEntries);

  return {
    version: hash.digest('hex'),
    files: files.map((f) => f.name),
    variants,
    rules,
    linked,
    gate: buildGate(gateEntries),
    tokenPatterns: rules.flatMap((r) => r.patterns.filter((p): p is TokenPattern => p.kind === 'tokens')),
    frames,
    scope,
    siteTypes: { signals, default: st?.default ?? 'clinic' },
  };
}

/** Files the engine reads; others in the folder (skip-sites.yaml …) belong to other stages. */
const ENGINE_FILES = new Set(['variants', 'negation', 'scope', 'site-types', ...CATEGORIES]);

export async function loadDictionaries(dir: string): Promise<Dictionaries> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n) && ENGINE_FILES.has(stem(n))).sort();
  } catch (e) {
    throw new YamlFileError(`cannot read dictionaries folder ${dir}: ${(e as Error).message}`);
  }
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
  return parseDictionaries(files);
}
