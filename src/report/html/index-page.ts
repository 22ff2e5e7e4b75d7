// The dashboard: summary, trend charts, search-hit totals, trial counts and the
// flagged-site table with its filters.
import {
  CATEGORIES,
  CATEGORY_LABELS_JA,
  FLAGGABLE_SITE_TYPES,
  SEVERITIES,
  SEVERITY_RANK,
  SITE_TYPES,
  SITE_TYPE_LABELS_JA,
} from '../../model.ts';
import type { FlaggedSiteRow } from '../../history/sites.ts';
import type { Trends } from '../../history/trends.ts';
import { TRIAGE_STATUSES, type SweepRecord } from '../../store/records.ts';
import { day, SWEEP_STATUS_LABELS_JA, TRIAGE_LABELS_JA } from '../labels.ts';
import { TRIAL_PHASES } from '../tables.ts';
import { barChart, lineChart } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { markedSentence, severityBadge, statusBadge } from './fragments.ts';
import { sitePagePath } from './paths.ts';

function chartBox(title: string, svg: string): string {
  return `<div class="chart-box"><h3>${escapeHtml(title)}</h3>${svg}</div>`;
}

function trendCharts(t: Trends): string {
  if (t.sweeps.length === 0) return '<p>調査の記録がありません。</p>';
  const labels = t.sweeps.map((s) => day(s.started));
  const perCategory = CATEGORIES.map((c) =>
    chartBox(`${CATEGORY_LABELS_JA[c]} (${c})`, barChart(`${CATEGORY_LABELS_JA[c]} 指摘件数`, labels, t.sweeps.map((s) => s.findingsByCategory[c]))),
  ).join('');
  const perType = lineChart(
    '種別ごとの指摘のあるサイト数',
    labels,
    SITE_TYPES.map((ty) => ({ name: `${SITE_TYPE_LABELS_JA[ty]} (${ty})`, values: t.sweeps.map((s) => s.sitesByType[ty]) })),
  );
  return `<h2>カテゴリ別 指摘件数の推移</h2><div class="charts">${perCategory}</div>
<h2>種別ごとの指摘のあるサイト数</h2><div class="charts">${chartBox('サイト数', perType)}</div>`;
}

function searchHits(t: Trends): string {
  const keys = new Map<string, string>();
  for (const s of t.sweeps) for (const h of s.searchHits) keys.set(JSON.stringify([h.provider, h.query]), `${h.provider}「${h.query}」`);
  if (keys.size === 0) return '<h2>検索ヒット数の推移</h2><p>検索の記録がありません。</p>';
  const labels = t.sweeps.map((s) => day(s.started));
  const series = [...keys].map(([key, name]) => ({
    name,
    values: t.sweeps.map((s) => s.searchHits.find((h) => JSON.stringify([h.provider, h.query]) === key)?.totalHits),
  }));
  const rows = t.sweeps
    .flatMap((s) =>
      s.searchHits.map(
        (h) =>
          `<tr><td>${escapeHtml(day(s.started))}</td><td>${escapeHtml(h.provider)}</td><td>${escapeHtml(h.query)}</td><td class="num">${h.totalHits?.toLocaleString('ja-JP') ?? '—'}</td><td class="num">${h.results}</td><td>${escapeHtml(h.errors.join(' / '))}</td></tr>`,
      ),
    )
    .join('');
  return `<h2>検索ヒット数の推移</h2><div class="charts">${chartBox('検索ヒット数', lineChart('検索ヒット数', labels, series))}</div>
<table><thead><tr><th>調査日</th><th>検索エンジン</th><th>検索語</th><th>ヒット数</th><th>取得件数</th><th>エラー</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function trials(t: Trends): string {
  if (t.trials.length === 0) return '<h2>臨床試験数 (ClinicalTrials.gov)</h2><p>記録がありません（<code>exoscan trials</code> で取得）。</p>';
  const chart = barChart('介入試験数', t.trials.map((r) => day(r.date)), t.trials.map((r) => r.total));
  const rows = t.trials
    .map((r) => `<tr><td>${escapeHtml(day(r.date))}</td><td class="num">${r.total}</td>${TRIAL_PHASES.map((p) => `<td class="num">${r.byPhase[p] ?? 0}</td>`).join('')}</tr>`)
    .join('');
  return `<h2>臨床試験数 (ClinicalTrials.gov)</h2><div class="charts">${chartBox('登録された介入試験数', chart)}</div>
<table><thead><tr><th>日付</th><th>介入試験数</th>${TRIAL_PHASES.map((p) => `<th>${p}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

function options(values: readonly string[], label: (v: string) => string, first: string): string {
  return `<option value="">${first}</option>${values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(label(v))}</option>`).join('')}`;
}

function siteTable(rows: FlaggedSiteRow[]): string {
  const body = rows
    .map((r) => {
      const cats = CATEGORIES.filter((c) => r.counts[c] > 0);
      const text = [r.site, ...r.names, r.topEvidence.sentence].join(' ').toLowerCase();
      const name = r.names[0] ?? r.site;
      return `<tr data-type="${r.type}" data-flaggable="${FLAGGABLE_SITE_TYPES.includes(r.type) ? 1 : 0}" data-categories="${cats.join(' ')}" data-severity="${SEVERITY_RANK[r.highestSeverity]}" data-status="${r.status}" data-text="${escapeHtml(text)}">
<td data-sort="${escapeHtml(r.site)}"><a href="${sitePagePath(r.site)}">${escapeHtml(name)}</a><br><small>${escapeHtml(r.site)}</small></td>
<td>${SITE_TYPE_LABELS_JA[r.type]}</td>
<td data-sort="${SEVERITY_RANK[r.highestSeverity]}">${severityBadge(r.highestSeverity)}</td>
<td class="num" data-sort="${r.findingCount}">${r.findingCount}</td>
<td>${cats.map((c) => `${escapeHtml(CATEGORY_LABELS_JA[c])} ${r.counts[c]}`).join('<br>')}</td>
<td>${escapeHtml(day(r.firstSeen))}</td><td>${escapeHtml(day(r.lastSeen))}</td>
<td data-sort="${r.status}">${statusBadge(r.status)}</td>
<td>${markedSentence(r.topEvidence)}</td></tr>`;
    })
    .join('\n');
  const headers: [string, boolean][] = [
    ['サイト', false],
    ['種別', false],
    ['最高重要度', true],
    ['件数', true],
    ['カテゴリ別', false],
    ['初回確認', false],
    ['最終確認', false],
    ['対応状況', false],
    ['代表的な根拠文', false],
  ];
  const flaggableCount = rows.filter((r) => FLAGGABLE_SITE_TYPES.includes(r.type)).length;
  return `<h2 id="sites">指摘のあるサイト一覧</h2>
<div class="filters">
<label>種別 <select id="f-type"><option value="flaggable" selected>医療機関・販売（対象）</option>${options(SITE_TYPES, (t) => SITE_TYPE_LABELS_JA[t as keyof typeof SITE_TYPE_LABELS_JA], 'すべて')}</select></label>
<label>カテゴリ <select id="f-category">${options(CATEGORIES, (c) => CATEGORY_LABELS_JA[c as keyof typeof CATEGORY_LABELS_JA], 'すべて')}</select></label>
<label>重要度 <select id="f-severity"><option value="">すべて</option>${SEVERITIES.map((s) => `<option value="${SEVERITY_RANK[s]}">${s === 'low' ? '低以上' : s === 'medium' ? '中以上' : '高'}</option>`).join('')}</select></label>
<label>対応状況 <select id="f-status">${options(TRIAGE_STATUSES, (s) => TRIAGE_LABELS_JA[s as keyof typeof TRIAGE_LABELS_JA], 'すべて')}</select></label>
<label>検索 <input id="f-text" type="search" placeholder="サイト名・文"></label>
<span>表示: <b id="shown-count">${flaggableCount}</b> / ${rows.length} サイト</span>
</div>
<table id="site-table"><thead><tr>${headers.map(([h, numeric], i) => `<th><button type="button" data-col="${i}" data-numeric="${numeric ? 1 : 0}">${h}</button></th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>`;
}

export function indexBody(sweep: SweepRecord, rows: FlaggedSiteRow[], t: Trends, generated: string): string {
  const flagged = rows.filter((r) => FLAGGABLE_SITE_TYPES.includes(r.type));
  const findings = flagged.reduce((n, r) => n + r.findingCount, 0);
  const high = flagged.filter((r) => r.highestSeverity === 'high').length;
  return `<p>調査 ${escapeHtml(sweep.id)}（${escapeHtml(day(sweep.started))}、${SWEEP_STATUS_LABELS_JA[sweep.status]}）・作成 ${escapeHtml(generated)}</p>
<div class="cards">
<div class="card">指摘のあるサイト<b>${flagged.length}</b>医療機関・販売</div>
<div class="card">重要度「高」のサイト<b>${high}</b></div>
<div class="card">指摘件数<b>${findings}</b></div>
<div class="card">調査回数<b>${t.sweeps.length}</b></div>
</div>
${siteTable(rows)}
${trendCharts(t)}
${searchHits(t)}
${trials(t)}`;
}
