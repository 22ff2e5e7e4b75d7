// HTML → visible text as blocks. Block boundaries are kept so that no sentence
// spans two blocks, and each block remembers where it came from, for evidence.
import * as cheerio from 'cheerio';
import type { Block } from '../model.ts';
import { THIN_TEXT_CHARS, isAppRoot, isExecutableScript, saysJavaScriptRequired } from './js-shell.ts';
import { resolveHref } from './links.ts';
import { joinsBlocks, splitSentences } from '../text/sentences.ts';

export interface PageLink {
  /** Absolute http(s) URL, fragment removed. */
  url: string;
  /** Link text, or the alt of an image inside the link. */
  text: string;
}

export interface ExtractedPage {
  title?: string;
  /** In document order. */
  blocks: Block[];
  links: PageLink[];
  /** Characters of visible body text (not title, meta or alt). */
  visibleChars: number;
  /** Static text too thin and the page looks like a JS shell. */
  needsRendering: boolean;
}

/** The parts of cheerio's (domhandler) nodes this walker reads. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const BLOCK_KINDS: Record<string, Block['kind']> = {
  title: 'title',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  p: 'paragraph',
  blockquote: 'paragraph',
  figcaption: 'paragraph',
  caption: 'paragraph',
  address: 'paragraph',
  pre: 'paragraph',
  summary: 'paragraph',
  li: 'list-item',
  dt: 'list-item',
  dd: 'list-item',
  td: 'table-cell',
  th: 'table-cell',
};

/** Never visible as text. Header, footer and nav stay: disclosures and clinic details live there. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'audio', 'video', 'select', 'datalist', 'textarea', 'link',
  // Ruby readings would split words: 幹細胞(かんさいぼう).
  'rt', 'rp',
]);

/** Elements that do not break a run of text. Any other element is a boundary. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'blink', 'button', 'cite', 'code', 'data', 'del', 'dfn',
  'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'output', 'picture', 'q', 'rb', 'ruby', 's',
  'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

const DESCRIPTION_META = new Set(['description', 'og:description']);
/** Paths longer than this keep their start and their last segments. */
const PATH_TAIL = 6;
const SIMPLE_ID = /^[A-Za-z][\w-]{0,39}$/;

interface TextRun {
  kind: Block['kind'];
  path: string;
  slot: number;
  parts: string[];
  /** Opened inside a navigation container (nav, aside, breadcrumbs …). */
  inNav: boolean;
  /** Non-blank characters of text, and how many of them sit inside links. */
  solid: number;
  linked: number;
}

/** Class or id words of containers that hold menus, breadcrumbs and sidebars. */
const NAV_WORD = /(^|[\s_-])(g?nav|navi|navigation|gnavi|breadcrumbs?|pankuzu|topicpath|sidebar|drawer|gmenu|global-?menu)($|[\s_-])/i;
/** Text entirely inside links and no longer than this is a menu item, banner or link label. */
const LINK_LABEL_CHARS = 40;

interface OpenElement {
  run?: TextRun; // this element is a block element
  nav: boolean; // this element opened a navigation container
  link?: { href: string; parts: string[] };
  boundary: boolean;
  pushedPath: boolean;
  pushedId: boolean;
  appRootAt?: number; // text count when an app root opened
}

type Frame = { node: DomNode; segment: string } | { close: OpenElement };

export function extractPage(html: string, baseUrl?: string): ExtractedPage {
  // cheerio's default parser (parse5) repairs broken HTML the way browsers do.
  const root = cheerio.load(html).root()[0] as unknown as DomNode;
  return new PageWalker(baseUrl).walk(root);
}

class PageWalker {
  private readonly slots: (Block | null)[] = [];
  private readonly links: PageLink[] = [];
  private readonly seenLinks = new Set<string>();
  private readonly seenMeta = new Set<string>();
  private readonly openRuns: TextRun[] = []; // block elements, innermost last
  private readonly openLinks: { parts: string[] }[] = [];
  private readonly path: string[] = [];
  private readonly idAt: number[] = []; // indexes in `path` of ancestors with an id
  private loose: TextRun | null = null; // text outside any block element
  private navDepth = 0; // open navigation containers
  private title: string | undefined;
  private titleSeen = false;
  private base: string | undefined;
  private baseSeen = false;
  private textSeen = 0; // non-blank characters of body text seen so far
  private scripts = 0;
  private emptyAppRoot = false;
  private noscriptNeedsJs = false;

  constructor(baseUrl: string | undefined) {
    this.base = baseUrl;
  }

  walk(root: DomNode): ExtractedPage {
    // Iterative: broken pages nest tens of thousands of unclosed elements deep.
    const stack: Frame[] = childFrames(root).reverse();
    for (let frame = stack.pop(); frame; frame = stack.pop()) {
      if ('close' in frame) {
        this.close(frame.close);
        continue;
      }
      const { node } = frame;
      if (node.type === 'text') this.text(node.data ?? '');
      else if (node.name && node.attribs) {
        const open = this.open(node, frame.segment);
        if (!open) continue;
        stack.push({ close: open });
        const children = childFrames(node);
        // No spread: a page can have more children than a call has arguments.
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
    }
    this.flushLoose();

    const blocks = joinRunOnBlocks(this.slots.filter((b): b is Block => b !== null));
    const visibleChars = blocks
      .filter((b) => b.kind !== 'title' && b.kind !== 'meta' && b.kind !== 'alt')
      .reduce((n, b) => n + b.text.length - countNewlines(b.text), 0);
    const looksLikeShell = this.scripts > 0 || this.emptyAppRoot || this.noscriptNeedsJs;
    return {
      ...(this.title !== undefined && { title: this.title }),
      blocks,
      links: this.links,
      visibleChars,
      needsRendering: visibleChars < THIN_TEXT_CHARS && looksLikeShell,
    };
  }

  /** Handles an element's start; returns what its close needs, or null when its content is skipped. */
  private open(node: DomNode, segment: string): OpenElement | null {
    const name = (node.name ?? '').toLowerCase();
    const attribs = node.attribs ?? {};
    if (DROPPED.has(name)) {
      if (name === 'script' && isExecutableScript(attribs)) this.scripts++;
      if (name === 'noscript' && saysJavaScriptRequired(subtreeText(node))) this.noscriptNeedsJs = true;
      return null;
    }
    switch (name) {
      case 'br':
        if (!isLayoutOnly(attribs)) this.append('\n');
        return null;
      case 'img':
        this.image(attribs, segment);
        return null;
      case 'meta':
        this.meta(attribs);
        return null;
      case 'base':
        if (!this.baseSeen && attribs.href) {
          this.baseSeen = true;
          this.base = resolveAgainst(attribs.href, this.base);
        }
        return null;
      case 'title':
        if (this.titleSeen) return null; // only the document's first title
        this.titleSeen = true;
    }

    const open: OpenElement = { boundary: false, pushedPath: name !== 'html', pushedId: false, nav: isNavContainer(name, attribs) };
    if (open.nav) this.navDepth++;
    if (open.pushedPath) {
      if (SIMPLE_ID.test(attribs.id ?? '')) {
        this.idAt.push(this.path.length);
        open.pushedId = true;
      }
      this.path.push(segment);
    }
    const kind = BLOCK_KINDS[name];
    if (kind) {
      this.flushLoose();
      open.run = this.newRun(kind, []);
      this.openRuns.push(open.run);
    } else if (INLINE.has(name)) {
      // <span class="sp-only"><br></span>: the same layout-only break, on a wrapper
      if (isLayoutOnly(attribs) && onlyBreaks(node)) return null;
      if (name === 'a' && attribs.href !== undefined) {
        open.link = { href: attribs.href, parts: [] };
        this.openLinks.push(open.link);
      }
    } else {
      open.boundary = true;
      this.boundary();
    }
    if (isAppRoot(attribs)) open.appRootAt = this.textSeen;
    return open;
  }

  private close(open: OpenElement): void {
    if (open.run) {
      this.openRuns.pop();
      this.fill(open.run);
      if (open.run.kind === 'title') this.title = this.slots[open.run.slot]?.text.replace(/\n/g, ' ');
    }
    if (open.boundary) this.boundary();
    if (open.link) {
      this.openLinks.pop();
      this.link(open.link.href, open.link.parts);
    }
    if (open.appRootAt !== undefined && open.appRootAt === this.textSeen) this.emptyAppRoot = true;
    if (open.pushedPath) this.path.pop();
    if (open.pushedId) this.idAt.pop();
    if (open.nav) this.navDepth--;
  }

  private newRun(kind: Block['kind'], parts: string[]): TextRun {
    return { kind, path: this.currentPath(), slot: this.reserve(), parts, inNav: this.navDepth > 0, solid: 0, linked: 0 };
  }

  private text(data: string): void {
    // Source line breaks are plain whitespace; only <br> and element boundaries break lines.
    const text = data.replace(/\s+/g, ' ');
    const solid = text.trim().length;
    this.textSeen += solid;
    const link = this.openLinks.at(-1);
    if (link) link.parts.push(text);
    let run = this.openRuns.at(-1) ?? this.loose;
    if (run) run.parts.push(text);
    else if (solid > 0) run = this.loose = this.newRun('text', [text]);
    if (run) {
      run.solid += solid;
      if (link) run.linked += solid;
    }
  }

  private append(piece: string): void {
    (this.openRuns.at(-1) ?? this.loose)?.parts.push(piece);
  }

  /** A non-inline element starts or ends: a new line inside a block, a new block outside. */
  private boundary(): void {
    if (this.openRuns.length > 0) this.append('\n');
    else this.flushLoose();
  }

  private flushLoose(): void {
    if (this.loose) this.fill(this.loose);
    this.loose = null;
  }

  private image(attribs: Record<string, string>, segment: string): void {
    const alt = cleanLines(attribs.alt ?? '').replace(/\n/g, ' ');
    if (!alt) return;
    this.openLinks.at(-1)?.parts.push(alt);
    const path = [this.currentPath(), segment].filter(Boolean).join(' > ');
    const block: Block = { kind: 'alt', text: alt, path };
    // a banner or menu image: its alt text labels a link
    if (this.navDepth > 0 || this.openLinks.length > 0) block.nav = true;
    this.slots.push(block);
  }

  private meta(attribs: Record<string, string>): void {
    const key = attribs.name !== undefined ? 'name' : 'property';
    const name = (attribs[key] ?? '').trim().toLowerCase();
    const text = cleanLines(attribs.content ?? '').replace(/\n/g, ' ');
    if (!DESCRIPTION_META.has(name) || !text || this.seenMeta.has(text)) return;
    this.seenMeta.add(text);
    this.slots.push({ kind: 'meta', text, path: `head > meta[${key}="${name}"]` });
  }

  private link(href: string, parts: string[]): void {
    const url = resolveHref(href, this.base);
    if (!url) return;
    const text = cleanLines(parts.join('')).replace(/\n/g, ' ');
    const key = `${url}\n${text}`;
    if (this.seenLinks.has(key)) return;
    this.seenLinks.add(key);
    this.links.push({ url, text });
  }

  private reserve(): number {
    return this.slots.push(null) - 1;
  }

  private fill(run: TextRun): void {
    const text = cleanLines(run.parts.join(''));
    if (!text) return;
    const block: Block = { kind: run.kind, text, path: run.path };
    const linkLabel = run.solid > 0 && run.linked === run.solid && run.solid <= LINK_LABEL_CHARS;
    if (run.kind !== 'title' && (run.inNav || linkLabel)) block.nav = true;
    this.slots[run.slot] = block;
  }

  /** From the nearest ancestor with an id (else from body/head), shortened when deep. */
  private currentPath(): string {
    const start = this.idAt.at(-1) ?? 0;
    const length = this.path.length - start;
    if (length <= PATH_TAIL + 2) return this.path.slice(start).join(' > ');
    return [this.path[start], '…', ...this.path.slice(this.path.length - PATH_TAIL)].join(' > ');
  }
}

// A break shown on one kind of screen only (<br class="sp">, "pc-only", "d-md-none" …)
// wraps a line for the layout: on the other screen the text runs on, so it is one
// line of text, often one sentence cut mid-phrase (肌が見違えるほど<br class="sp">若返ります).
// Builders name these classes in many ways (s-br-sp, br-sp, sp_br, brSp, c-br--pc,
// only-sp, is-sp, visible-sm, hidden-xs, md:hidden, show-for-small-only …): a class
// counts when, cut into words at - _ : and camelCase, one word names a screen and
// every other word is a layout word. Words like clear, spacer, space, separator or
// sparkle are no screen, so their classes never count.
const SCREEN_WORDS = new Set(['sp', 'pc', 'tb', 'tab', 'tablet', 'mb', 'mobile', 'smp', 'smart', 'smartphone', 'phone', 'xs', 'sm', 'md', 'lg', 'xl', 'xxl', 'small', 'medium', 'large']);
/** Screen words too common as plain class names to count alone (<br class="small">). */
const SCREEN_WORDS_NOT_ALONE = new Set(['small', 'medium', 'large', 'smart', 'phone']);
const LAYOUT_WORDS = new Set([
  'br', 'brk', 'break', 's', 'u', 'c', 'l', 'js', 'is', 'only', 'show', 'hide', 'hidden', 'visible', 'invisible', 'display',
  'disp', 'd', 'for', 'none', 'block', 'inline', 'view', 'on', 'off', 'up', 'down', 'and', 'min', 'max', 'v', 'in', 'dn', 'db',
]);
const CLASS_WORD = /[-_:]+|(?<=[a-z])(?=[A-Z])/;

function isLayoutClass(cls: string): boolean {
  if (cls.length > 32) return false;
  const words = cls.split(CLASS_WORD).filter(Boolean).map((w) => w.toLowerCase());
  if (words.length === 0 || words.length > 5) return false;
  const screens = words.filter((w) => SCREEN_WORDS.has(w));
  if (screens.length === 0 || !words.every((w) => SCREEN_WORDS.has(w) || LAYOUT_WORDS.has(w))) return false;
  // alone, a screen word; with others, at least one layout word (not spacing utilities like mb-sm)
  if (words.length === 1) return !SCREEN_WORDS_NOT_ALONE.has(words[0]!);
  return screens.length < words.length;
}

function isLayoutOnly(attribs: Record<string, string>): boolean {
  const cls = attribs.class;
  return cls !== undefined && cls.split(/\s+/).some(isLayoutClass);
}

/** An element holding nothing but <br> (and whitespace). */
function onlyBreaks(node: DomNode): boolean {
  const children = node.children ?? [];
  return children.length > 0 && children.every((c) => (c.type === 'text' ? !(c.data ?? '').trim() : c.name?.toLowerCase() === 'br')) && children.some((c) => c.name);
}

// Page builders put each piece of a sentence in a <div> of its own (「…培養上清液を濃縮した、」
// </div><div>「医療機関専用のエクソソーム原液です。」): two blocks, one sentence. Loose text
// blocks (div text outside p, li, td, headings) next to each other join, with a line break
// between them, when the first ends open and the second goes on with it by the rules for
// lines. Only siblings (blocks of one parent element) join; list items, cells, headings
// and paragraphs keep their bounds, and an alt text or any other block between the two
// keeps them apart.
function joinRunOnBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out.at(-1);
    if (prev && prev.kind === 'text' && block.kind === 'text' && !prev.nav && !block.nav && siblings(prev.path, block.path) && runsOn(prev.text, block.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text}\n${block.text}` };
      continue;
    }
    out.push(block);
  }
  return out;
}

/** Two blocks in the same parent element (paths are shortened alike for siblings). */
function siblings(a: string, b: string): boolean {
  const i = a.lastIndexOf(' > ');
  const j = b.lastIndexOf(' > ');
  return i > 0 && i === j && a.slice(0, i) === b.slice(0, j) && a !== b;
}

function runsOn(before: string, after: string): boolean {
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  const sentence = splitSentences(lastLine).at(-1)?.text ?? '';
  const nl = after.indexOf('\n');
  return sentence.length > 0 && joinsBlocks(sentence, nl < 0 ? after : after.slice(0, nl));
}

/** nav, aside, role=navigation, or a class / id naming a menu, breadcrumbs or a sidebar. */
function isNavContainer(name: string, attribs: Record<string, string>): boolean {
  if (name === 'nav' || name === 'aside' || attribs.role === 'navigation') return true;
  return NAV_WORD.test(attribs.class ?? '') || NAV_WORD.test(attribs.id ?? '');
}

/** Element children get `tag`, `tag#id` or `tag:nth-of-type(n)` when the tag repeats among siblings. */
function childFrames(node: DomNode): Frame[] {
  const children = node.children ?? [];
  const counts = new Map<string, number>();
  for (const child of children) if (child.name) counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return children.map((child) => {
    const name = child.name;
    if (!name) return { node: child, segment: '' };
    const nth = (seen.get(name) ?? 0) + 1;
    seen.set(name, nth);
    const id = child.attribs?.id ?? '';
    const segment = SIMPLE_ID.test(id) ? `${name}#${id}` : (counts.get(name) ?? 0) > 1 ? `${name}:nth-of-type(${nth})` : name;
    return { node: child, segment };
  });
}

/** Whitespace collapsed per line, blank lines dropped. */
function cleanLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Text of a skipped subtree (noscript content may be raw text or parsed elements). */
function subtreeText(node: DomNode): string {
  const out: string[] = [];
  const stack = [...(node.children ?? [])];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.type === 'text') out.push(n.data ?? '');
    else for (const child of n.children ?? []) stack.push(child);
  }
  return out.join(' ');
}

function resolveAgainst(href: string, base: string | undefined): string | undefined {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return base;
  }
}
