import { readFile } from 'node:fs/promises';
import { seedToUrl } from './site-key.ts';

export interface SeedParseResult {
  urls: string[];
  /** Lines that are neither a URL nor a domain, with their line numbers, so the user can fix them. */
  rejected: { line: number; text: string }[];
}

/** Parses a seed list: one URL or domain a line, `#` starts a comment. */
export function parseSeeds(text: string): SeedParseResult {
  const result: SeedParseResult = { urls: [], rejected: [] };
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const url = seedToUrl(line);
    if (!url) result.rejected.push({ line: i + 1, text: raw.trim() });
    else if (!seen.has(url)) {
      seen.add(url);
      result.urls.push(url);
    }
  });
  return result;
}

export async function readSeedFile(path: string): Promise<SeedParseResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the seed file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseSeeds(text);
}
