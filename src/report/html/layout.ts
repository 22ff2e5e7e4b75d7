// The page shell. The Content-Security-Policy allows only this report's own inline
// style and script (by hash): even a missed escape could neither run a script nor
// load anything from the network.
import { createHash } from 'node:crypto';
import { CHART_CSS } from './charts.ts';
import { escapeHtml } from './escape.ts';

const CSS = `
body{font-family:"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#2c3e50;color:#fff;padding:12px 24px}header a{color:#fff}
main{padding:16px 24px;max-width:1400px}
h1{font-size:20px;margin:0}h2{font-size:17px;border-bottom:2px solid #2c3e50;padding-bottom:4px;margin-top:28px}h3{font-size:15px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:140px}
.card b{display:block;font-size:24px}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart-box{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px}
.chart-box h3{margin:0 0 4px;font-size:13px}
svg.chart text{font-size:10px;fill:#444}svg.chart .grid{stroke:#eee}
.legend{list-style:none;padding:0;margin:4px 0;font-size:12px}.legend li{display:inline-block;margin-right:10px}
.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}
${CHART_CSS}
table{border-collapse:collapse;background:#fff;font-size:13px;width:100%}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#ecf0f1;position:sticky;top:0}th button{all:unset;cursor:pointer;font-weight:bold}
td.num{text-align:right}
.filters{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0}.filters label{font-size:13px}
.sev-high{color:#c0392b;font-weight:bold}.sev-medium{color:#b9770e;font-weight:bold}.sev-low{color:#7f8c8d}
.status{border-radius:3px;padding:0 4px;background:#eee;font-size:12px}
mark{background:#ffe08a;padding:0 1px}
.finding{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:8px 0}
.finding .sentence{font-size:15px;margin:4px 0}.meta{font-size:12px;color:#555}
.evidence img{max-width:480px;border:1px solid #ccc}
`;

export interface PageOptions {
  title: string;
  body: string;
  /** Inline script, if the page has one. */
  script?: string;
  /** Path back to the report root ('' or '../'). */
  root: string;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function page({ title, body, script, root }: PageOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(CSS)}`,
    `script-src ${script ? sha256(script) : "'none'"}`,
    // Screenshots live in the local data dir; nothing is fetched from a network.
    "img-src 'self' file:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1><a href="${root}index.html">exoscan レポート</a> — ${escapeHtml(title)}</h1></header>
<main>
${body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}
