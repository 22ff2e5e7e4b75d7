// The test farm: a local web of fake clinic, media, seller and authority
// sites on 127.0.0.1 (one port per site), with the ground truth of what each
// page plants. Used by the end-to-end sweep tests, `npm run demo` and
// `npm run bench:sweep`, so it must not import vitest.
import type http from 'node:http';
import net from 'node:net';
import iconv from 'iconv-lite';
import type { DisclosureItem } from '../../src/model.ts';
import { searxngHandler } from './searxng.ts';
import type { SearchHit } from './searxng.ts';
import type { Listening } from './site-server.ts';
import { HOST, listen, renderPage, startSite } from './site-server.ts';
import { CLINIC_SITES } from './sites/clinics.ts';
import { FAULT_SITES } from './sites/faults.ts';
import { OTHER_SITES } from './sites/others.ts';
import { scaleSites } from './sites/scale.ts';
import type { Gen, SiteSpec, SiteState, SiteType } from './spec.ts';
import { inGen } from './spec.ts';
import { trialsHandler } from './trials.ts';
import type { Running } from './truth.ts';
import { decoySentences, missingDisclosures, plantedClaims } from './truth.ts';

export interface FarmOptions {
  /** For the bench: many generated clinic-like sites; no special sites unless asked. */
  scale?: { sites: number; pagesPerSite: number };
  /** The farm changes between the demo's two sweeps (also settable at runtime). */
  generation?: 1 | 2;
  /** Slow responses on the slow site; default true. */
  delays?: boolean;
  /** Delay added to every response of every site, to stand in for real network latency (bench). @default 0 */
  latencyMs?: number;
  /** Include the special/fault sites (default true unless scale is given). */
  special?: boolean;
}

export interface FarmSite {
  /** '127.0.0.1:<port>': how exoscan tells sites apart on IPs. */
  key: string;
  /** 'http://127.0.0.1:<port>/' */
  baseUrl: string;
  name: string;
  type: SiteType;
  kind: string;
  generations: (1 | 2)[];
}

export interface PlantedClaim {
  site: string;
  url: string;
  category: string;
  /** The exact sentence planted, as text before encoding. */
  sentence: string;
  /** False when behind a robots.txt Disallow. */
  reachable: boolean;
  /** True on the JS-only site. */
  needsBrowser: boolean;
  generations: (1 | 2)[];
}

/** A disclaimer, negation, disclosure, warning quote or out-of-scope sentence that must yield no finding. */
export interface DecoySentence {
  site: string;
  url: string;
  sentence: string;
  why: string;
}

export interface Farm {
  /** Every site of every generation (see `generations`), plus the dead port. */
  sites: FarmSite[];
  /** Ground truth for the current generation. */
  planted: PlantedClaim[];
  /** Sentences of the current generation that must not be flagged. */
  decoys: DecoySentence[];
  /** Site key → disclosure items of claims.md it lacks, for the sites offering EV treatment (clinics) in the current generation. */
  missingDisclosures: Record<string, DisclosureItem[]>;
  /** Seed URLs for the current generation (includes the dead port). */
  seeds(): string[];
  searxngUrl: string;
  trialsUrl: string;
  setGeneration(g: 1 | 2): void;
  /** Every request the farm served, in order. */
  requestLog: { site: string; path: string; at: number }[];
  close(): Promise<void>;
}

/** Fails at start-up, naming the character, when a page cannot be represented in its site's encoding. */
function checkEncodable(spec: SiteSpec): void {
  if (spec.encoding === 'utf-8') return;
  for (const gen of [1, 2] as Gen[])
    for (const page of spec.pages) {
      const html = renderPage(spec, page, gen);
      const back = iconv.decode(iconv.encode(html, spec.encoding), spec.encoding);
      if (back === html) continue;
      const i = [...html].findIndex((c, k) => c !== [...back][k]);
      throw new Error(`farm: ${spec.name}${page.path} has a character ${spec.encoding} cannot encode: ${JSON.stringify([...html][i])}`);
    }
}

/** A port that was free a moment ago and is now closed: connections are refused. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startFarm(opts: FarmOptions = {}): Promise<Farm> {
  const special = opts.special ?? !opts.scale;
  const delays = opts.delays ?? true;
  const state: SiteState = { gen: opts.generation ?? 1, hits: new Map() };
  const requestLog: Farm['requestLog'] = [];
  const specs: SiteSpec[] = [
    ...(special ? [...CLINIC_SITES, ...FAULT_SITES, ...OTHER_SITES] : []),
    ...(opts.scale ? scaleSites(opts.scale.sites, opts.scale.pagesPerSite) : []),
  ];
  specs.forEach(checkEncodable);

  const servers: Listening[] = [];
  const running: Running[] = [];
  try {
    for (const spec of specs) {
      let key = '';
      const s = await startSite(spec, { state, delays, latencyMs: opts.latencyMs ?? 0, log: (path) => requestLog.push({ site: key, path, at: Date.now() }) });
      key = `${HOST}:${s.port}`;
      servers.push(s);
      running.push({ spec, site: { key, baseUrl: s.baseUrl, name: spec.name, type: spec.type, kind: spec.kind, generations: spec.gens } });
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }

  const current = () => running.filter((r) => inGen(r.spec.gens, state.gen));
  const logged =
    (key: () => string, handler: http.RequestListener): http.RequestListener =>
    (req, res) => {
      requestLog.push({ site: key(), path: req.url ?? '/', at: Date.now() });
      handler(req, res);
    };

  const deadSites: FarmSite[] = [];
  const seeds = () => [...current().map((r) => r.site.baseUrl), ...deadSites.map((d) => d.baseUrl)];
  const hits = (): SearchHit[] => [
    ...current().map((r) => ({
      url: r.site.baseUrl,
      title: r.spec.pages[0]?.title ?? r.spec.name,
      content: `${r.spec.name}のエクソソーム・再生医療に関するページです。`,
    })),
    ...deadSites.map((d) => ({ url: d.baseUrl, title: d.name, content: `${d.name}のエクソソーム点滴のご案内。` })),
  ];

  let searxKey = '';
  const searx = await listen(logged(() => searxKey, searxngHandler(hits)));
  searxKey = `${HOST}:${searx.port}`;
  let trialsKey = '';
  const trials = await listen(logged(() => trialsKey, trialsHandler(() => state.gen)));
  trialsKey = `${HOST}:${trials.port}`;
  servers.push(searx, trials);

  // Reserved last, so none of the farm's own servers can be handed the same port.
  if (special) {
    const port = await deadPort();
    deadSites.push({ key: `${HOST}:${port}`, baseUrl: `http://${HOST}:${port}/`, name: 'ゆうやけクリニック（閉院）', type: 'clinic', kind: 'dead', generations: [1, 2] });
  }

  const farm: Farm = {
    sites: [...running.map((r) => r.site), ...deadSites],
    get planted() {
      return plantedClaims(current(), state.gen);
    },
    get decoys() {
      return decoySentences(current(), state.gen);
    },
    get missingDisclosures() {
      return missingDisclosures(current());
    },
    seeds,
    searxngUrl: `http://${HOST}:${searx.port}/`,
    trialsUrl: `http://${HOST}:${trials.port}/`,
    setGeneration(g) {
      state.gen = g;
      state.hits.clear();
    },
    requestLog,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
  return farm;
}
