import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';

const SkipFile = z.object({ skip: z.array(z.string().min(1)) }).strict();

/** Decides which sites discovery may crawl: the skip list, overridden by the allow list. */
export interface SiteFilter {
  allows(siteKey: string): boolean;
}

function covers(domains: readonly string[], siteKey: string): boolean {
  const host = siteKey.toLowerCase();
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

export function siteFilter(skip: readonly string[], allow: readonly string[] = []): SiteFilter {
  const s = skip.map((d) => d.toLowerCase());
  const a = allow.map((d) => d.toLowerCase());
  return { allows: (key) => covers(a, key) || !covers(s, key) };
}

export async function readSkipList(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message}`);
  const parsed = SkipFile.safeParse(doc.toJS());
  if (!parsed.success) throw new Error(`${path}: expected "skip:" followed by a list of domains (${parsed.error.issues[0]?.message})`);
  return parsed.data.skip;
}
