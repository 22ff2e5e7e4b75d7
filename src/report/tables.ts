// The exported tables (sites, findings, trends, trials) as plain rows, shared by the
// CSV, XLSX and JSON writers so every format carries the same columns and headers.
import { CATEGORIES, SITE_TYPES } from '../model.ts';
import type { FindingRow } from '../history/findings.ts';
import type { FlaggedSiteRow } from '../history/sites.ts';
import type { Trends } from '../history/trends.ts';
import {
  categoryLabel,
  day,
  disclosureLabel,
  severityLabel,
  siteTypeLabel,
  triageLabel,
  withId,
} from './labels.ts';

export type Cell = string | number;
export interface Table {
  headers: string[];
  rows: Cell[][];
}

export function sitesTable(rows: FlaggedSiteRow[]): Table {
  return {
    headers: [
      'サイト (site)',
      'サイト名 (names)',
      '種別 (type)',
      '最高重要度 (highest severity)',
      '指摘件数 (findings)',
      ...CATEGORIES.map(categoryLabel),
      '初回確認 (first seen)',
      '最終確認 (last seen)',
      '対応状況 (status)',
      'メモ (note)',
      '代表的な根拠文 (top evidence)',
      '根拠の一致箇所 (match)',
      '根拠URL (evidence url)',
    ],
    rows: rows.map((r) => [
      r.site,
      r.names.join(' / '),
      siteTypeLabel(r.type),
      severityLabel(r.highestSeverity),
      r.findingCount,
      ...CATEGORIES.map((c) => r.counts[c]),
      day(r.firstSeen),
      day(r.lastSeen),
      triageLabel(r.status),
      r.note ?? '',
      r.topEvidence.sentence,
      r.topEvidence.match,
      r.topEvidence.url,
    ]),
  };
}

export function findingsTable(rows: FindingRow[]): Table {
  return {
    headers: [
      'サイト (site)',
      'サイト名 (names)',
      '種別 (type)',
      'カテゴリ (category)',
      'ルール (rule)',
      '重要度 (severity)',
      '文 (sentence)',
      '一致箇所 (match)',
      'URL (url)',
      '記載漏れの項目 (disclosure)',
      '確認日 (seen)',
      'フィンガープリント (fingerprint)',
      '指摘の対応状況 (status)',
      'メモ (note)',
      'サイトの対応状況 (site status)',
    ],
    rows: rows.map((f) => [
      f.site,
      f.siteNames.join(' / '),
      siteTypeLabel(f.siteType),
      categoryLabel(f.category),
      f.rule,
      severityLabel(f.severity),
      f.sentence,
      f.match,
      f.url,
      f.disclosure ? disclosureLabel(f.disclosure) : '',
      day(f.seen),
      f.fingerprint,
      triageLabel(f.status),
      f.note ?? '',
      triageLabel(f.siteStatus),
    ]),
  };
}

/** One row per metric, one column per sweep (sweeps grow to the right, as in a chart). */
export function trendsTable(t: Trends): Table {
  const rows: Cell[][] = [];
  for (const c of CATEGORIES) rows.push([`指摘件数: ${categoryLabel(c)}`, ...t.sweeps.map((s) => s.findingsByCategory[c])]);
  for (const c of CATEGORIES) rows.push([`指摘サイト数: ${categoryLabel(c)}`, ...t.sweeps.map((s) => s.sitesByCategory[c])]);
  for (const ty of SITE_TYPES) rows.push([`指摘のあるサイト数: ${siteTypeLabel(ty)}`, ...t.sweeps.map((s) => s.sitesByType[ty])]);
  const queries = new Map<string, { provider: string; query: string }>();
  for (const s of t.sweeps) for (const h of s.searchHits) queries.set(JSON.stringify([h.provider, h.query]), h);
  for (const [key, { provider, query }] of queries) {
    rows.push([
      `検索ヒット数 (search hits): ${provider}「${query}」`,
      ...t.sweeps.map((s) => s.searchHits.find((h) => JSON.stringify([h.provider, h.query]) === key)?.totalHits ?? ''),
    ]);
  }
  return { headers: ['指標 (metric)', ...t.sweeps.map((s) => withId(day(s.started), s.sweep))], rows };
}

export const TRIAL_PHASES = ['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA'] as const;

export function trialsTable(t: Trends): Table {
  return {
    headers: ['日付 (date)', '検索語 (query)', '介入試験数 (interventional trials)', ...TRIAL_PHASES.map((p) => `相 (phase) ${p}`)],
    rows: t.trials.map((r) => [day(r.date), r.query, r.total, ...TRIAL_PHASES.map((p) => r.byPhase[p] ?? 0)]),
  };
}
