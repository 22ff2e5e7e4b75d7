// Shared by the end-to-end sweep tests: temp dirs, seed files, the CLI as a
// child process, and the ground-truth comparison against the farm.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PlantedClaim } from '../farm/farm.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const CLI = path.join(ROOT, 'bin/exoscan.js');

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `exoscan-${prefix}-`));
}

export async function writeSeeds(dir: string, urls: string[]): Promise<string> {
  const file = path.join(dir, 'seeds.txt');
  await writeFile(file, `# farm seeds\n${urls.join('\n')}\n`);
  return file;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/exoscan.js …`; never rejects on a non-zero exit, the caller asserts on it. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

interface FoundFinding {
  category: string;
  url: string;
  sentence: string;
}

/** Planted claims with no finding of the same category and exact sentence on the page they are planted on. */
export function missedClaims(planted: readonly PlantedClaim[], findings: readonly FoundFinding[]): PlantedClaim[] {
  const found = new Set(findings.map((f) => `${f.category}\n${f.url}\n${f.sentence}`));
  return planted.filter((p) => !found.has(`${p.category}\n${p.url}\n${p.sentence}`));
}

/** Readable list for assertion messages. */
export function describeClaims(claims: readonly PlantedClaim[]): string[] {
  return claims.map((c) => `${c.category} ${c.url} ${c.sentence}`);
}
