// What `exoscan analyze` prints: per document, its findings grouped by
// category with the matched span highlighted, and for --site the disclosures.
import { CATEGORIES, DISCLOSURE_LABELS_JA, SEVERITY_LABELS_JA, SITE_TYPE_LABELS_JA } from '../model.ts';
import type { DocumentAnalysis, Finding, SiteAnalysis } from '../model.ts';
import { categoryLabel } from './labels.ts';
import { paintSeverity, type Colors } from './terminal.ts';
import { highlighted } from './views.ts';

function findingsByCategory(findings: readonly Finding[], colors: Colors): string[] {
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const group = findings.filter((f) => f.category === category);
    if (group.length === 0) continue;
    lines.push(`  ${colors.bold(categoryLabel(category))}  ${group.length}`);
    for (const f of group) {
      const sev = paintSeverity(f.severity, `[${SEVERITY_LABELS_JA[f.severity]}]`, colors);
      if (f.category === 'missing-disclosure' && f.disclosure) {
        lines.push(`    ${sev} ${DISCLOSURE_LABELS_JA[f.disclosure]} の記載なし  ${colors.dim(f.rule)}`);
        if (f.sentence) lines.push(`      ${colors.dim(`提供ページ: ${f.url ?? ''} 「${f.sentence.replace(/\s+/g, ' ')}」`)}`);
        continue;
      }
      lines.push(`    ${sev} ${highlighted(f, colors)}`);
      lines.push(`      ${colors.dim(`${f.rule}${f.hedged ? ' (hedged)' : ''}${f.block ? `  @ ${f.block}` : ''}`)}`);
    }
  }
  return lines;
}

export function documentView(doc: DocumentAnalysis, colors: Colors): string {
  const head = `${colors.bold(doc.source)}${doc.title ? `  ${doc.title}` : ''}`;
  const type = `  種別: ${SITE_TYPE_LABELS_JA[doc.siteType]} (${doc.siteType})${doc.siteTypeSignals.length ? colors.dim(`  ← ${doc.siteTypeSignals.slice(0, 4).join(', ')}`) : ''}`;
  const lines = [head, type];
  if (doc.needsRendering) lines.push(colors.yellow('  このページは JavaScript で描画されます: 静的な本文だけを解析しました (needs rendering)'));
  if (doc.findings.length === 0) lines.push(colors.green('  指摘なし (no findings)'));
  else lines.push(...findingsByCategory(doc.findings, colors));
  return lines.join('\n');
}

export function siteView(site: SiteAnalysis, colors: Colors): string {
  const lines = [colors.bold(`サイト ${site.site}: ${SITE_TYPE_LABELS_JA[site.siteType]} (${site.siteType})`)];
  if (!site.offersEv) {
    lines.push('  エクソソーム等の治療・製品の提供は見当たりません: 限定解除要件の確認は不要です');
    return lines.join('\n');
  }
  lines.push(`  記載あり: ${site.disclosuresPresent.map((d) => DISCLOSURE_LABELS_JA[d]).join('、') || 'なし'}`);
  lines.push(...findingsByCategory(site.siteFindings, colors));
  return lines.join('\n');
}
