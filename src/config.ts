// The sweep configuration: defaults ← config file (YAML) ← command-line flags.
// The file is validated and its errors name the file and line. API keys are
// never in it: providers name the environment variable that holds the key.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { YamlSource } from './yaml-source.ts';

const positiveInt = z.number().int().positive();

const ProviderSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('searxng'),
    url: z.url(),
    language: z.string().optional(),
    maxResults: positiveInt.optional(),
  }),
  z.strictObject({
    type: z.literal('brave'),
    /** The environment variable holding the key. */
    keyEnv: z.string().default('BRAVE_API_KEY'),
    maxResults: positiveInt.optional(),
  }),
]);
export type ProviderConfig = z.infer<typeof ProviderSchema>;

export const RENDER_MODES = ['auto', 'never', 'always'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

const FileSchema = z.strictObject({
  data: z.string().optional(),
  seeds: z.string().optional(),
  queries: z.array(z.string().min(1)).optional(),
  providers: z.array(ProviderSchema).optional(),
  maxResultsPerQuery: positiveInt.optional(),
  maxPagesPerSite: positiveInt.optional(),
  maxDepth: z.number().int().min(0).optional(),
  maxSites: positiveInt.optional(),
  concurrency: positiveInt.optional(),
  workers: z.number().int().min(0).max(64).optional(),
  delayMs: z.number().int().min(0).optional(),
  timeoutMs: positiveInt.optional(),
  maxBodyBytes: positiveInt.optional(),
  render: z.enum(RENDER_MODES).optional(),
  allowPrivate: z.boolean().optional(),
  userAgent: z.string().min(1).optional(),
  contact: z.string().min(1).optional(),
  allow: z.array(z.string().min(1)).optional(),
  skip: z.array(z.string().min(1)).optional(),
});
export type ConfigFile = z.infer<typeof FileSchema>;

export interface SweepConfig {
  data: string;
  seeds?: string;
  queries: string[];
  providers: ProviderConfig[];
  maxResultsPerQuery: number;
  maxPagesPerSite: number;
  maxDepth: number;
  maxSites?: number;
  concurrency: number;
  /** Worker threads that read and analyze pages (0: the main thread does); default: cores - 1, at most 4. */
  workers?: number;
  delayMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  render: RenderMode;
  allowPrivate: boolean;
  userAgent?: string;
  contact?: string;
  allow: string[];
  skip: string[];
}

/** The queries the regenerative-medicine society tracked, and close variants. */
export const DEFAULT_QUERIES = [
  'エクソソーム クリニック 再生医療',
  'エクソソーム点滴',
  '幹細胞培養上清液 点滴',
  'エクソソーム 自由診療',
];

export const DEFAULTS: SweepConfig = {
  data: 'crawls',
  queries: DEFAULT_QUERIES,
  providers: [],
  maxResultsPerQuery: 50,
  maxPagesPerSite: 40,
  maxDepth: 3,
  concurrency: 4,
  delayMs: 1000,
  timeoutMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  render: 'auto',
  allowPrivate: false,
  allow: [],
  skip: [],
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses a config file's text; relative paths in it are resolved against its folder. */
export function parseConfig(file: string, text: string): ConfigFile {
  let parsed: ConfigFile;
  try {
    const source = new YamlSource(file, text);
    // an empty (or comments-only) file sets nothing: the defaults and flags stand
    parsed = source.doc.contents === null ? {} : source.validate(FileSchema);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const dir = path.dirname(file);
  const rel = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(dir, p));
  return { ...parsed, data: rel(parsed.data), seeds: rel(parsed.seeds) };
}

export async function readConfigFile(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read the config file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseConfig(file, text);
}

/** Later layers win; undefined never overrides. */
export function mergeConfig(...layers: Partial<SweepConfig>[]): SweepConfig {
  const out: Record<string, unknown> = {};
  for (const layer of [DEFAULTS, ...layers]) {
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) out[k] = v;
  }
  return out as unknown as SweepConfig;
}
