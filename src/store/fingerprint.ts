import { createHash } from 'node:crypto';

/**
 * Stable id of a claim across sweeps, so triage survives re-crawls: the same
 * sentence re-flowed, re-spaced or switched between half and full width keeps
 * its fingerprint.
 */
export function fingerprint(site: string, rule: string, sentence: string): string {
  const normalized = sentence.normalize('NFKC').replace(/\s+/gu, '');
  // NUL separators keep ("ab", "c") and ("a", "bc") apart.
  return createHash('sha256').update(`${site}\u0000${rule}\u0000${normalized}`).digest('hex').slice(0, 16);
}
