// Japanese labels as staff read them, each with its id so scripts and the
// dictionaries can be matched back (e.g. `効果の断定・保証 (efficacy-claim)`).
import {
  CATEGORY_LABELS_JA,
  DISCLOSURE_LABELS_JA,
  SEVERITY_LABELS_JA,
  SITE_TYPE_LABELS_JA,
  type Category,
  type DisclosureItem,
  type Severity,
  type SiteType,
} from '../model.ts';
import type { SweepRecord, TriageStatus } from '../store/records.ts';

export const TRIAGE_LABELS_JA: Record<TriageStatus, string> = {
  new: '未対応',
  confirmed: '確認済み',
  'false-positive': '誤検出',
  notified: '通知済み',
  resolved: '解決済み',
};

export const SWEEP_STATUS_LABELS_JA: Record<SweepRecord['status'], string> = {
  running: '実行中',
  finished: '完了',
  interrupted: '中断',
};

export const withId = (label: string, id: string): string => `${label} (${id})`;
export const categoryLabel = (c: Category): string => withId(CATEGORY_LABELS_JA[c], c);
export const severityLabel = (s: Severity): string => withId(SEVERITY_LABELS_JA[s], s);
export const siteTypeLabel = (t: SiteType): string => withId(SITE_TYPE_LABELS_JA[t], t);
export const triageLabel = (s: TriageStatus): string => withId(TRIAGE_LABELS_JA[s], s);
export const disclosureLabel = (d: DisclosureItem): string => withId(DISCLOSURE_LABELS_JA[d], d);

/** Calendar day of an ISO date, for tables. */
export const day = (iso: string): string => iso.slice(0, 10);
