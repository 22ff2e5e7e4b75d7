// The sections of a page: what a heading (h2–h6) introduces. A block's scope
// is decided by the block itself first (it names EV, or an unrelated treatment),
// then by the innermost section heading that decides (「ハイフ」 over a price
// table, 「エクソソーム点滴」 over its FAQ). The h1 and the title decide the
// whole page (see the analyzer), not a section.
import type { Block } from '../model.ts';

/** What one block's own sentences say, as the analyzer found it. */
export interface BlockFlags {
  /** A sentence names EV / exosome / supernatant. */
  ev: boolean;
  /** A sentence names an unrelated treatment (and the block names no EV). */
  unrelated: boolean;
  /** A plain heading of risks, exclusions or research: the conditions named under it are not treated. */
  notTreatment: boolean;
}

export interface BlockSection {
  /** Index of the block of the innermost section heading holding this block, or -1. */
  section: number;
  /** About an unrelated treatment: its own words, its section's heading, or the block it labels. */
  outOfScope: boolean;
  /** Under a heading of risks, exclusions or research. */
  notTreatment: boolean;
}

const HEADING_LEVEL = /(?:^|> )h([2-6])(?:#[\w-]+|:nth-of-type\(\d+\))?$/;
/** A short line with no sentence end: a badge or eyebrow (CAMPAIGN, NEW, ご新規様限定) labelling the block after it. */
const LABEL_LINE = /^[^。！？!?\n]{1,20}$/;

interface Open {
  level: number;
  /** Path prefix of the blocks inside the heading's parent element. */
  inside: string;
  scope: 'ev' | 'unrelated' | undefined;
  notTreatment: boolean;
  at: number;
}

function parentPrefix(path: string): string | undefined {
  const cut = path.lastIndexOf(' > ');
  return cut < 0 ? undefined : path.slice(0, cut + 3);
}

/**
 * One pass over the blocks in page order, with a stack of at most five open
 * headings. A section holds the blocks after its heading inside the heading's
 * parent element (so a footer after the last section is outside it), up to
 * the next heading of the same or a higher level.
 */
export function sectionsOf(blocks: readonly Block[], flags: readonly BlockFlags[]): BlockSection[] {
  const open: Open[] = [];
  const out: BlockSection[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const f = flags[i]!;
    const m = b.kind === 'heading' && !b.nav ? HEADING_LEVEL.exec(b.path) : null;
    if (m) {
      const level = Number(m[1]);
      while (open.length && open.at(-1)!.level >= level) open.pop();
      // a heading with an id of its own has a path without its parent: take the parent of the block after it
      const inside = parentPrefix(b.path) ?? (blocks[i + 1] ? parentPrefix(blocks[i + 1]!.path) : undefined);
      if (inside !== undefined) {
        open.push({ level, inside, scope: f.ev ? 'ev' : f.unrelated ? 'unrelated' : undefined, notTreatment: f.notTreatment, at: i });
      }
    }
    let section = -1;
    let scope: Open['scope'];
    let notTreatment = false;
    for (let k = open.length - 1; k >= 0; k--) {
      const s = open[k]!;
      if (!b.path.startsWith(s.inside) && s.at !== i) continue;
      if (section < 0) section = s.at;
      if (s.notTreatment) notTreatment = true;
      scope ??= s.scope;
    }
    out.push({ section, outOfScope: !f.ev && (f.unrelated || scope === 'unrelated'), notTreatment });
  }
  // a label line takes the scope of the block it labels, the next one in the same element
  for (let i = out.length - 2; i >= 0; i--) {
    const b = blocks[i]!;
    const next = blocks[i + 1]!;
    if (out[i]!.outOfScope || flags[i]!.ev || !out[i + 1]!.outOfScope || !LABEL_LINE.test(b.text)) continue;
    if (parentPrefix(b.path) !== undefined && parentPrefix(b.path) === parentPrefix(next.path)) out[i]!.outOfScope = true;
  }
  return out;
}

const PAIR_KINDS = new Set<Block['kind']>(['paragraph', 'list-item', 'table-cell', 'text']);
const PAIR_LABEL_CHARS = 10;
const PAIR_VALUE_CHARS = 12;

/**
 * A label and its value, split over two elements that are alone in their
 * parent (a figure card 「副作用」「0件※3」, a table row 「副作用」「なし」), read as
 * one line 「副作用0件※3」: neither half says anything alone. The pair keeps the
 * parent element's path as its evidence. One pass; other blocks are kept as they are.
 */
export function joinLabelValues(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const a = blocks[i]!;
    const b = blocks[i + 1];
    const parent = parentPrefix(a.path);
    if (
      b &&
      parent !== undefined &&
      !a.nav &&
      !b.nav &&
      PAIR_KINDS.has(a.kind) &&
      PAIR_KINDS.has(b.kind) &&
      a.text.length <= PAIR_LABEL_CHARS &&
      b.text.length <= PAIR_VALUE_CHARS &&
      LABEL_LINE.test(a.text) &&
      LABEL_LINE.test(b.text) &&
      parentPrefix(b.path) === parent &&
      (i === 0 || parentPrefix(blocks[i - 1]!.path) !== parent) &&
      (i + 2 >= blocks.length || parentPrefix(blocks[i + 2]!.path) !== parent)
    ) {
      out.push({ kind: a.kind, text: `${a.text}${b.text}`, path: parent.slice(0, -3) });
      i++;
    } else out.push(a);
  }
  return out;
}
