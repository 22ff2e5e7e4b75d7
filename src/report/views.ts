// What the listing commands print on a terminal.
import { CATEGORIES, CATEGORY_LABELS_JA, DISCLOSURE_LABELS_JA, SEVERITY_LABELS_JA, SITE_TYPE_LABELS_JA } from '../model.ts';
import type { DiffFinding, DiffSite, SweepDiff } from '../history/diff.ts';
import type { FlaggedSiteRow } from '../history/sites.ts';
import type { Trends } from '../history/trends.ts';
import type { TrialCountRecord } from '../store/records.ts';
import { day, TRIAGE_LABELS_JA } from './labels.ts';
import { splitAtMatch } from './span.ts';
import { trendsTable, trialsTable } from './tables.ts';
import { formatTable, paintSeverity, type Colors } from './terminal.ts';

export function highlighted(f: { sentence: string; start: number; end: number; match: string }, colors: Colors): string {
  const [before, match, after] = splitAtMatch(f.sentence.replace(/\s+/g, ' '), f.start, f.end, f.match);
  return `${before}${colors.inverse(match)}${after}`;
}

export function sitesView(rows: FlaggedSiteRow[], colors: Colors): string {
  if (rows.length === 0) return '該当するサイトはありません (no flagged sites)';
  const table = formatTable(
    [
      { header: 'サイト', maxWidth: 32 },
      { header: '種別' },
      { header: '重要度', style: (t, c, i) => paintSeverity(rows[i]!.highestSeverity, t, c) },
      { header: '件数', align: 'right' },
      { header: 'カテゴリ別', maxWidth: 48 },
      { header: '初回' },
      { header: '最終' },
      { header: '対応状況' },
      { header: '代表的な根拠文', maxWidth: 50 },
    ],
    rows.map((r) => [
      r.site,
      SITE_TYPE_LABELS_JA[r.type],
      SEVERITY_LABELS_JA[r.highestSeverity],
      String(r.findingCount),
      CATEGORIES.filter((c) => r.counts[c] > 0)
        .map((c) => `${c}×${r.counts[c]}`)
        .join(' '),
      day(r.firstSeen),
      day(r.lastSeen),
      TRIAGE_LABELS_JA[r.status],
      r.topEvidence.sentence,
    ]),
    colors,
  );
  return `${table}\n\n${rows.length} サイト`;
}

function findingLines(findings: DiffFinding[], sign: string, colors: Colors): string[] {
  return findings.map((f) => {
    // a missing disclosure has no sentence of its own: name the missing item
    const what = f.disclosure ? `${DISCLOSURE_LABELS_JA[f.disclosure]} の記載なし` : highlighted(f, colors);
    return `    ${sign} [${paintSeverity(f.severity, CATEGORY_LABELS_JA[f.category], colors)} ${f.category}] ${what}\n      ${colors.dim(f.url)}`;
  });
}

function siteBlock(title: string, sites: DiffSite[], sign: string, colors: Colors): string[] {
  if (sites.length === 0) return [`${title}: なし`];
  return [
    `${title}: ${sites.length}`,
    ...sites.flatMap((s) => [`  ${colors.bold(s.site)} (${SITE_TYPE_LABELS_JA[s.type]})`, ...findingLines(s.findings, sign, colors)]),
  ];
}

export function diffView(d: SweepDiff, colors: Colors): string {
  const lines = [
    colors.bold(`差分 (diff): ${d.from} → ${d.to}`),
    '',
    ...siteBlock('新たに指摘されたサイト (new)', d.newSites, colors.green('+'), colors),
    '',
    ...siteBlock('指摘がなくなったサイト (gone)', d.goneSites, colors.red('-'), colors),
    '',
    d.changedSites.length ? `指摘が増減したサイト (changed): ${d.changedSites.length}` : '指摘が増減したサイト (changed): なし',
    ...d.changedSites.flatMap((s) => [
      `  ${colors.bold(s.site)} (${SITE_TYPE_LABELS_JA[s.type]})`,
      ...findingLines(s.added, colors.green('+'), colors),
      ...findingLines(s.removed, colors.red('-'), colors),
    ]),
    '',
    formatTable(
      [{ header: 'カテゴリ' }, { header: '追加', align: 'right' }, { header: '削除', align: 'right' }],
      CATEGORIES.map((c) => [`${CATEGORY_LABELS_JA[c]} (${c})`, String(d.byCategory[c].added), String(d.byCategory[c].removed)]),
      colors,
    ),
  ];
  return lines.join('\n');
}

export function trendsView(t: Trends, colors: Colors): string {
  if (t.sweeps.length === 0 && t.trials.length === 0) return '記録がありません (no sweeps or trial counts yet)';
  const parts: string[] = [];
  if (t.sweeps.length) {
    const table = trendsTable(t);
    parts.push(
      formatTable(
        table.headers.map((h, i) => ({ header: i === 0 ? h : h.slice(0, 10), align: i === 0 ? 'left' : 'right' })),
        table.rows.map((r) => r.map(String)),
        colors,
      ),
    );
  }
  if (t.trials.length) parts.push(colors.bold('ClinicalTrials.gov 介入試験数'), trialsView(t.trials, colors));
  return parts.join('\n\n');
}

export function trialsView(trials: TrialCountRecord[], colors: Colors): string {
  const table = trialsTable({ sweeps: [], trials });
  return formatTable(
    table.headers.map((header, i) => ({ header, align: i < 2 ? 'left' : 'right' })),
    table.rows.map((r) => r.map(String)),
    colors,
  );
}
