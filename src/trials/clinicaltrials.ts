// ClinicalTrials.gov API v2: how many interventional EV / exosome trials are registered,
// per phase — the second figure the regenerative-medicine society tracks (issue 4).
import type { TrialCountRecord } from '../store/records.ts';

export const DEFAULT_BASE_URL = 'https://clinicaltrials.gov';
export const DEFAULT_QUERY =
  'exosome OR exosomes OR "extracellular vesicle" OR "extracellular vesicles" OR "exosome-derived" OR "small extracellular vesicles"';

/** Pages of 1,000: far above the ~150 trials of 2023, so a token that never ends is a server fault. */
const MAX_PAGES = 100;

export interface FetchTrialCountsOptions {
  baseUrl?: string;
  query?: string;
  fetchImpl?: typeof fetch;
  /** Per request. */
  timeoutMs?: number;
  /** The date stored with the count; default now. */
  now?: Date;
}

interface StudiesPage {
  studies?: {
    protocolSection?: {
      identificationModule?: { nctId?: string };
      designModule?: { studyType?: string; phases?: string[] };
    };
  }[];
  nextPageToken?: string;
  totalCount?: number;
}

export class TrialsApiError extends Error {
  override name = 'TrialsApiError';
}

/**
 * Counts interventional studies matching the query. A study listed under two phases
 * (e.g. PHASE2/PHASE3) counts in each; a study with no phase counts as NA.
 */
export async function fetchTrialCounts(opts: FetchTrialCountsOptions = {}): Promise<TrialCountRecord> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const query = opts.query ?? DEFAULT_QUERY;
  const seen = new Set<string>();
  const byPhase: Record<string, number> = {};
  let token: string | undefined;
  const tokens = new Set<string>();
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) throw new TrialsApiError(`ClinicalTrials.gov kept paging past ${MAX_PAGES} pages`);
    const url = new URL('/api/v2/studies', opts.baseUrl ?? DEFAULT_BASE_URL);
    url.searchParams.set('query.term', query);
    url.searchParams.set('filter.advanced', 'AREA[StudyType]INTERVENTIONAL');
    url.searchParams.set('fields', 'NCTId|StudyType|Phase');
    url.searchParams.set('pageSize', '1000');
    url.searchParams.set('countTotal', 'true');
    url.searchParams.set('format', 'json');
    if (token) url.searchParams.set('pageToken', token);
    let res: Response;
    try {
      res = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
    } catch (err) {
      throw new TrialsApiError(`ClinicalTrials.gov unreachable at ${url.origin}: ${(err as Error).message}`);
    }
    if (!res.ok) {
      const body = (await res.text().catch(() => '')).slice(0, 200);
      throw new TrialsApiError(`ClinicalTrials.gov answered HTTP ${res.status}${body ? `: ${body}` : ''}`);
    }
    let data: StudiesPage;
    try {
      data = (await res.json()) as StudiesPage;
    } catch {
      throw new TrialsApiError('ClinicalTrials.gov answered with something that is not JSON');
    }
    for (const study of data.studies ?? []) {
      const id = study.protocolSection?.identificationModule?.nctId;
      const design = study.protocolSection?.designModule;
      // The filter should already hold; the check guards against a server that ignores it.
      if (!id || seen.has(id) || (design?.studyType && design.studyType !== 'INTERVENTIONAL')) continue;
      seen.add(id);
      const phases = design?.phases?.length ? design.phases : ['NA'];
      for (const phase of phases) byPhase[phase] = (byPhase[phase] ?? 0) + 1;
    }
    token = data.nextPageToken;
    if (!token) break;
    if (tokens.has(token)) throw new TrialsApiError('ClinicalTrials.gov returned the same page token twice');
    tokens.add(token);
  }
  return { date: (opts.now ?? new Date()).toISOString(), query, total: seen.size, byPhase };
}
