// One page per site: its findings grouped by category, the evidence pages with
// screenshot and stored snapshot, the triage status, and its history across sweeps.
import { CATEGORIES, CATEGORY_LABELS_JA, DISCLOSURE_LABELS_JA, SITE_TYPE_LABELS_JA } from '../../model.ts';
import type { FindingRow } from '../../history/findings.ts';
import type { FlaggedSiteRow } from '../../history/sites.ts';
import type { PageRecord } from '../../store/records.ts';
import { day } from '../labels.ts';
import { escapeHtml, linkOrText } from './escape.ts';
import { markedSentence, severityBadge, statusBadge } from './fragments.ts';

export interface SitePageInput {
  row: FlaggedSiteRow;
  findings: FindingRow[];
  /** Stored pages of the site in the sweep, by URL. */
  pages: Map<string, PageRecord>;
  /** Data-dir-relative path → link from the site page (undefined when unsafe). */
  dataHref: (stored: string) => string | undefined;
  /** Finding counts per sweep (oldest first), for the site's history. */
  history: { sweep: string; started: string; findings: number }[];
}

function evidenceLinks(page: PageRecord | undefined, dataHref: SitePageInput['dataHref']): string {
  if (!page) return '';
  const links: string[] = [];
  const snapshot = dataHref(page.snapshot);
  if (snapshot) links.push(`<a href="${escapeHtml(snapshot)}">保存したページ (snapshot)</a>`);
  const shot = page.screenshot ? dataHref(page.screenshot) : undefined;
  if (shot) links.push(`<a href="#shot-${escapeHtml(page.sha256)}">スクリーンショット</a>`);
  return links.length ? ` ・ ${links.join(' ・ ')}` : '';
}

function findingBlock(f: FindingRow, input: SitePageInput): string {
  const disclosure = f.disclosure ? `<div>記載がない項目: <b>${escapeHtml(DISCLOSURE_LABELS_JA[f.disclosure])}</b></div>` : '';
  return `<div class="finding" id="f-${escapeHtml(f.fingerprint)}">
<div class="meta">${severityBadge(f.severity)} ・ ルール ${escapeHtml(f.rule)} ・ 確認日 ${escapeHtml(day(f.seen))} ・ ${statusBadge(f.status)}${f.note ? ` ${escapeHtml(f.note)}` : ''}</div>
${disclosure}<p class="sentence">${markedSentence(f)}</p>
<div class="meta">${linkOrText(f.url)}${evidenceLinks(input.pages.get(f.url), input.dataHref)} ・ ID ${escapeHtml(f.fingerprint)}</div>
</div>`;
}

export function siteBody(input: SitePageInput): string {
  const { row, findings } = input;
  const sections = CATEGORIES.filter((c) => findings.some((f) => f.category === c))
    .map((c) => {
      const list = findings.filter((f) => f.category === c);
      return `<h2>${escapeHtml(CATEGORY_LABELS_JA[c])} <small>(${c})</small> — ${list.length} 件</h2>${list.map((f) => findingBlock(f, input)).join('\n')}`;
    })
    .join('\n');
  const evidencePages = [...new Set(findings.map((f) => f.url))]
    .map((url) => input.pages.get(url))
    .filter((p): p is PageRecord => p?.screenshot !== undefined && input.dataHref(p.screenshot) !== undefined)
    .map(
      (p) =>
        `<figure class="evidence" id="shot-${escapeHtml(p.sha256)}"><img src="${escapeHtml(input.dataHref(p.screenshot!)!)}" alt="${escapeHtml(`スクリーンショット: ${p.url}`)}" loading="lazy"><figcaption>${p.title ? `${escapeHtml(p.title)} — ` : ''}${linkOrText(p.url)}（${escapeHtml(day(p.fetchedAt))}）</figcaption></figure>`,
    )
    .join('\n');
  const history = input.history
    .map((h) => `<tr><td>${escapeHtml(day(h.started))}</td><td>${escapeHtml(h.sweep)}</td><td class="num">${h.findings}</td></tr>`)
    .join('');
  return `<p><a href="../index.html#sites">← サイト一覧へ</a></p>
<h2>${escapeHtml(row.names[0] ?? row.site)}</h2>
<table>
<tr><th>サイト</th><td>${escapeHtml(row.site)}</td></tr>
<tr><th>サイト名</th><td>${row.names.map(escapeHtml).join('<br>')}</td></tr>
<tr><th>種別</th><td>${SITE_TYPE_LABELS_JA[row.type]} (${row.type})</td></tr>
<tr><th>最高重要度</th><td>${severityBadge(row.highestSeverity)}</td></tr>
<tr><th>対応状況</th><td>${statusBadge(row.status)}${row.note ? ` ${escapeHtml(row.note)}` : ''}</td></tr>
<tr><th>初回確認 / 最終確認</th><td>${escapeHtml(day(row.firstSeen))} / ${escapeHtml(day(row.lastSeen))}</td></tr>
<tr><th>指摘件数</th><td>${row.findingCount}</td></tr>
</table>
${sections}
${evidencePages ? `<h2>証拠のスクリーンショット</h2>${evidencePages}` : ''}
<h2>調査ごとの指摘件数</h2>
<table><thead><tr><th>調査日</th><th>調査ID</th><th>指摘件数</th></tr></thead><tbody>${history}</tbody></table>`;
}
