import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, fetchTrialCounts } from '../../src/trials/clinicaltrials.ts';

// A stand-in for ClinicalTrials.gov API v2 on 127.0.0.1: 2,345 interventional studies
// (plus observational ones it must filter out), paged by pageSize with opaque tokens.
const PHASES = [['PHASE1'], ['PHASE2'], ['PHASE2', 'PHASE3'], ['PHASE3'], ['PHASE4'], ['EARLY_PHASE1'], ['NA'], undefined];
const STUDIES = Array.from({ length: 2345 }, (_, i) => ({
  protocolSection: {
    identificationModule: { nctId: `NCT${String(i).padStart(8, '0')}` },
    designModule: { studyType: 'INTERVENTIONAL', ...(PHASES[i % PHASES.length] ? { phases: PHASES[i % PHASES.length] } : {}) },
  },
}));

let server: Server;
let base: string;
const requests: URL[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    requests.push(url);
    const term = url.searchParams.get('query.term');
    if (url.pathname !== '/api/v2/studies') return void res.writeHead(404).end();
    if (term === 'boom') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    if (term === 'garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('<html>');
    if (term === 'loop') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ studies: [], nextPageToken: 'same' }));
    const filtered = url.searchParams.get('filter.advanced') === 'AREA[StudyType]INTERVENTIONAL';
    const pool = filtered ? STUDIES : [...STUDIES, { protocolSection: { identificationModule: { nctId: 'NCT99999999' }, designModule: { studyType: 'OBSERVATIONAL' } } }];
    const size = Number(url.searchParams.get('pageSize') ?? 10);
    const from = Number(url.searchParams.get('pageToken')?.replace('tok-', '') ?? 0);
    const page = pool.slice(from, from + size);
    const body: Record<string, unknown> = { studies: page };
    if (from + size < pool.length) body.nextPageToken = `tok-${from + size}`;
    if (!url.searchParams.has('pageToken') && url.searchParams.get('countTotal') === 'true') body.totalCount = pool.length;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchTrialCounts', () => {
  it('pages through all studies and counts them per phase', async () => {
    requests.length = 0;
    const rec = await fetchTrialCounts({ baseUrl: base, now: new Date('2026-05-01T00:00:00Z') });
    expect(rec.total).toBe(2345);
    expect(rec.query).toBe(DEFAULT_QUERY);
    expect(rec.date).toBe('2026-05-01T00:00:00.000Z');
    // 2345 studies cycle through 8 phase patterns: pattern k occurs 294 times for k < 1, else 293
    expect(rec.byPhase).toEqual({
      PHASE1: 294,
      PHASE2: 293 + 293,
      PHASE3: 293 + 293,
      PHASE4: 293,
      EARLY_PHASE1: 293,
      NA: 293 + 293,
    });
    expect(requests.map((u) => u.searchParams.get('pageToken'))).toEqual([null, 'tok-1000', 'tok-2000']);
    const first = requests[0]!;
    expect(first.pathname).toBe('/api/v2/studies');
    expect(first.searchParams.get('query.term')).toContain('"extracellular vesicle"');
    expect(first.searchParams.get('filter.advanced')).toBe('AREA[StudyType]INTERVENTIONAL');
    expect(first.searchParams.get('fields')).toBe('NCTId|StudyType|Phase');
    expect(first.searchParams.get('pageSize')).toBe('1000');
    expect(first.searchParams.get('countTotal')).toBe('true');
  });

  it('reports a server error with its status', async () => {
    await expect(fetchTrialCounts({ baseUrl: base, query: 'boom' })).rejects.toThrow(/HTTP 500: internal error/);
  });

  it('reports a body that is not JSON, and a paging loop', async () => {
    await expect(fetchTrialCounts({ baseUrl: base, query: 'garbage' })).rejects.toThrow(/not JSON/);
    await expect(fetchTrialCounts({ baseUrl: base, query: 'loop' })).rejects.toThrow(/same page token/);
  });

  it('reports an unreachable server', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchTrialCounts({ baseUrl: `http://127.0.0.1:${port}` })).rejects.toThrow(/unreachable/);
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    const rec = await fetchTrialCounts({ baseUrl: base, query: 'exosome', fetchImpl });
    expect(rec.total).toBe(2345);
    expect(calls).toHaveLength(3);
  });
});
