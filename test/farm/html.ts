// HTML building blocks shared by the farm's site generators.
import type { Gen, Piece } from './spec.ts';
import { inGen } from './spec.ts';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Planted sentences get an element of their own so tests can match them exactly. */
export function renderPieces(pieces: Piece[], gen: Gen): string {
  return pieces
    .map((p) => {
      if (typeof p === 'string') return p;
      if (!inGen(p.gens, gen)) return '';
      if (p.type === 'html') return p.html;
      return `<${p.tag}>${esc(p.sentence)}</${p.tag}>`;
    })
    .join('\n');
}

export function charsetMeta(encoding: string, style: 'html5' | 'http-equiv'): string {
  return style === 'html5'
    ? `<meta charset="${encoding}">`
    : `<meta http-equiv="Content-Type" content="text/html; charset=${encoding}">`;
}

export interface Shell {
  meta: string;
  title: string;
  description?: string;
  header: string;
  main: string;
  footer: string;
  extraHead?: string;
}

export function documentShell(s: Shell): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
${s.meta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.title)}</title>
${s.description ? `<meta name="description" content="${esc(s.description)}">` : ''}
<link rel="stylesheet" href="/css/style.css">
${s.extraHead ?? ''}
</head>
<body>
<header class="site-header">
${s.header}
</header>
<main>
${s.main}
</main>
<footer class="site-footer">
${s.footer}
</footer>
</body>
</html>
`;
}

export function navList(items: [href: string, label: string][]): string {
  return `<nav class="global-nav"><ul>${items.map(([h, l]) => `<li><a href="${h}">${esc(l)}</a></li>`).join('')}</ul></nav>`;
}

export function table(rows: string[][], head?: string[]): string {
  const th = head ? `<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>` : '';
  const tb = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>${th}<tbody>${tb}</tbody></table>`;
}

/** Plain paragraphs of filler (no claims), one `<p>` each. */
export function paras(...texts: string[]): string {
  return texts.map((t) => `<p>${esc(t)}</p>`).join('\n');
}
