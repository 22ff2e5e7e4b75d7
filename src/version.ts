import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION = pkg.version;

/** Our user agent; a sweep adds the contact URL from its config. */
export function userAgent(contact?: string): string {
  return `exoscan/${VERSION}${contact ? ` (+${contact})` : ''}`;
}

export const USER_AGENT = userAgent();
