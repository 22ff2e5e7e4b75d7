import type { ProviderConfig } from '../config.ts';
import { braveProvider } from './brave.ts';
import type { SearchProvider } from './provider.ts';
import { searxngProvider } from './searxng.ts';

/** A provider that cannot run (e.g. its key is not set) still answers every query, with the reason as the error. */
function unavailable(name: string, why: string): SearchProvider {
  return {
    name,
    search: async (query) => ({ provider: name, query, date: new Date().toISOString(), results: [], error: why }),
  };
}

/** Builds the configured providers; keys come from the environment only. */
export function createProvider(cfg: ProviderConfig, env: NodeJS.ProcessEnv = process.env): SearchProvider {
  switch (cfg.type) {
    case 'searxng':
      return searxngProvider({ url: cfg.url, ...(cfg.language ? { language: cfg.language } : {}) });
    case 'brave': {
      const key = env[cfg.keyEnv];
      return key ? braveProvider({ apiKey: key }) : unavailable('brave', `the environment variable ${cfg.keyEnv} (the Brave Search API key) is not set`);
    }
  }
}
