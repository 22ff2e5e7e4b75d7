// Small HTML pieces shared by the dashboard and the site pages.
import { SEVERITY_LABELS_JA, type Severity } from '../../model.ts';
import type { TriageStatus } from '../../store/records.ts';
import { TRIAGE_LABELS_JA } from '../labels.ts';
import { splitAtMatch } from '../span.ts';
import { escapeHtml } from './escape.ts';

export function severityBadge(s: Severity): string {
  return `<span class="sev-${s}">${SEVERITY_LABELS_JA[s]}</span>`;
}

export function statusBadge(s: TriageStatus): string {
  return `<span class="status status-${s}">${TRIAGE_LABELS_JA[s]}</span>`;
}

/** The sentence, escaped, with the matched span in <mark>. */
export function markedSentence(f: { sentence: string; start: number; end: number; match: string }): string {
  const [before, match, after] = splitAtMatch(f.sentence, f.start, f.end, f.match);
  return `${escapeHtml(before)}${match ? `<mark>${escapeHtml(match)}</mark>` : ''}${escapeHtml(after)}`;
}
