// A fake ClinicalTrials.gov API v2 (GET /api/v2/studies) answering in the
// real JSON shape, with paging by nextPageToken and totalCount on the first
// page when countTotal=true. The registered counts follow the figures the
// regenerative-medicine society tracked: 24 interventional EV/exosome trials
// (generation 1, 2021) and 151 with 11 phase 3 and 8 phase 4 (generation 2, 2023).
import type http from 'node:http';
import type { Gen } from './spec.ts';

export interface Study {
  protocolSection: {
    identificationModule: { nctId: string; briefTitle: string };
    statusModule: { overallStatus: string };
    designModule: { studyType: 'INTERVENTIONAL' | 'OBSERVATIONAL'; phases?: string[] };
  };
}

type Phases = string[] | undefined;
const INTERVENTIONAL_MIX: Record<Gen, [Phases, number][]> = {
  1: [[['PHASE1'], 8], [['PHASE2'], 6], [['PHASE1', 'PHASE2'], 4], [['PHASE3'], 2], [['PHASE4'], 1], [['NA'], 3]],
  2: [[['PHASE1'], 40], [['PHASE2'], 35], [['PHASE1', 'PHASE2'], 22], [['PHASE2', 'PHASE3'], 5], [['PHASE3'], 11], [['PHASE4'], 8], [['NA'], 30]],
};
const OBSERVATIONAL: Record<Gen, number> = { 1: 10, 2: 40 };
const CONDITIONS = ['Knee Osteoarthritis', 'Acute Respiratory Distress Syndrome', 'Ischemic Stroke', 'Alopecia', 'Diabetic Foot Ulcer', 'Periodontitis', 'Dry Eye', 'Crohn Disease'];
const SOURCES = ['Mesenchymal Stem Cell-derived Exosomes', 'Extracellular Vesicles From Platelets', 'Exosome Nebulization', 'Plant-derived Exosomes'];

export function trialStudies(gen: Gen): Study[] {
  const out: Study[] = [];
  const add = (studyType: Study['protocolSection']['designModule']['studyType'], phases: Phases) => {
    const i = out.length;
    out.push({
      protocolSection: {
        identificationModule: {
          nctId: `NCT0${4000000 + i * 7919}`,
          briefTitle: `${SOURCES[i % SOURCES.length]} for ${CONDITIONS[i % CONDITIONS.length]}${studyType === 'OBSERVATIONAL' ? ': a Cohort Study' : ''}`,
        },
        statusModule: { overallStatus: ['RECRUITING', 'COMPLETED', 'NOT_YET_RECRUITING', 'UNKNOWN'][i % 4]! },
        designModule: phases ? { studyType, phases } : { studyType },
      },
    });
  };
  for (const [phases, n] of INTERVENTIONAL_MIX[gen]) for (let k = 0; k < n; k++) add('INTERVENTIONAL', phases);
  for (let k = 0; k < OBSERVATIONAL[gen]; k++) add('OBSERVATIONAL', undefined);
  return out;
}

/** filter.advanced terms we understand: AREA[StudyType]X, AREA[Phase]X or AREA[Phase](X OR Y), joined by AND. */
function parseFilter(advanced: string): ((s: Study) => boolean) | string {
  const tests: ((s: Study) => boolean)[] = [];
  for (const term of advanced.split(/\s+AND\s+/i)) {
    const m = /^\s*AREA\[(StudyType|Phase)\]\s*(?:\(([^)]*)\)|(\w+))\s*$/i.exec(term);
    if (!m) return `unsupported filter.advanced term: ${term}`;
    const values = (m[2] ?? m[3] ?? '').split(/\s+OR\s+/i).map((v) => v.trim().toUpperCase());
    if (m[1]!.toLowerCase() === 'studytype') tests.push((s) => values.includes(s.protocolSection.designModule.studyType));
    else tests.push((s) => (s.protocolSection.designModule.phases ?? []).some((p) => values.includes(p)));
  }
  return (s) => tests.every((t) => t(s));
}

const RELEVANT = /exosom|extracellular vesicle|\bEVs?\b/i;

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function trialsHandler(gen: () => Gen): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://farm.invalid');
    if (url.pathname !== '/api/v2/studies') return json(res, 404, { message: 'not found' });
    const q = url.searchParams;
    const query = ['query.term', 'query.intr', 'query.cond', 'query.titles'].map((k) => q.get(k) ?? '').join(' ');
    let studies = RELEVANT.test(query) ? trialStudies(gen()) : [];
    const advanced = q.get('filter.advanced');
    if (advanced) {
      const filter = parseFilter(advanced);
      if (typeof filter === 'string') return json(res, 400, { message: filter });
      studies = studies.filter(filter);
    }
    const pageSize = Number(q.get('pageSize') ?? '10');
    if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > 1000) return json(res, 400, { message: `pageSize must be 0..1000, got ${q.get('pageSize')}` });
    const token = q.get('pageToken');
    const offset = token === null ? 0 : Number(/^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString())?.[1] ?? NaN);
    if (Number.isNaN(offset)) return json(res, 400, { message: 'invalid pageToken' });
    const size = pageSize === 0 ? 10 : pageSize;
    const body: { totalCount?: number; studies: Study[]; nextPageToken?: string } = { studies: studies.slice(offset, offset + size) };
    if (q.get('countTotal') === 'true' && token === null) body.totalCount = studies.length;
    if (offset + size < studies.length) body.nextPageToken = Buffer.from(`o:${offset + size}`).toString('base64url');
    json(res, 200, body);
  };
}
