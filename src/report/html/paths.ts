// File names and relative links of the report: site keys become safe file names,
// and evidence files are linked relative to the page so the report opens from disk.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** `sites/<safe-name>.html` for a site key; the hash keeps distinct keys distinct after cleaning. */
export function sitePagePath(siteKey: string): string {
  const clean = siteKey.toLowerCase().replace(/[^a-z0-9.-]+/g, '_').replace(/^\.+/, '').slice(0, 80) || 'site';
  const hash = createHash('sha256').update(siteKey).digest('hex').slice(0, 8);
  return `sites/${clean}-${hash}.html`;
}

/**
 * Link from a page in `fromDir` to a file stored relative to the data dir; undefined
 * for a stored path that is absolute or climbs out of the data dir.
 */
export function dataFileHref(fromDir: string, dataDir: string, stored: string): string | undefined {
  if (isAbsolute(stored)) return undefined;
  const target = resolve(dataDir, stored);
  const fromData = relative(resolve(dataDir), target);
  if (fromData.startsWith('..') || isAbsolute(fromData)) return undefined;
  return relative(resolve(fromDir), target).split(sep).map(encodeURIComponent).join('/');
}
