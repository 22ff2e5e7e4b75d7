// What `exoscan sweep` prints at the end on a terminal.
import { CATEGORIES, SITE_TYPE_LABELS_JA } from '../model.ts';
import type { SweepSummary } from '../sweep/summary.ts';
import { categoryLabel } from './labels.ts';
import type { Colors } from './terminal.ts';

export function sweepView(s: SweepSummary, colors: Colors): string {
  const t = s.totals;
  const lines = [
    colors.bold(`sweep ${s.sweep} (${s.status}) — ${(s.durationMs / 1000).toFixed(1)} s`),
    `  サイト ${t.sites} / ページ ${t.pages} / 描画 ${t.rendered} / 指摘 ${t.findings}`,
  ];
  const errors = Object.entries(t.errorsByKind);
  if (errors.length) lines.push(`  エラー: ${errors.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const c of CATEGORIES) if (t.findingsByCategory[c] > 0) lines.push(`    ${categoryLabel(c)}: ${t.findingsByCategory[c]}`);
  const flagged = s.sites.filter((x) => x.findings.length > 0);
  if (flagged.length) {
    lines.push('  指摘のあったサイト:');
    for (const x of flagged) lines.push(`    ${x.site} (${SITE_TYPE_LABELS_JA[x.type]}): ${x.findings.length}`);
  }
  const thin = s.sites.flatMap((x) => x.needsRendering);
  if (thin.length) {
    lines.push(colors.yellow(`  JavaScript での描画が必要だったページ (${s.browser ? 'rendering failed' : 'no browser found'}): ${thin.length}`));
    for (const u of thin.slice(0, 20)) lines.push(`    ${u}`);
  }
  for (const q of s.searches) {
    lines.push(`  検索 ${q.provider} 「${q.query}」: ${q.error ? colors.red(q.error) : `${q.results} 件${q.totalHits !== undefined ? ` (総ヒット数 ${q.totalHits})` : ''}`}`);
  }
  return lines.join('\n');
}
