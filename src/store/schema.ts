// Zod schemas of the stored records. Each is typed against its interface in
// records.ts, so a field added there without a schema here fails `tsc`.
import { z } from 'zod';
import { CATEGORIES, DISCLOSURE_ITEMS, SEVERITIES, SITE_TYPES } from '../model.ts';
import { TRIAGE_STATUSES } from './records.ts';
import type {
  Database,
  FindingRecord,
  PageRecord,
  SearchHitRecord,
  SiteRecord,
  SiteVisitRecord,
  SweepRecord,
  TriageRecord,
  TrialCountRecord,
} from './records.ts';

const category = z.enum(CATEGORIES);
const severity = z.enum(SEVERITIES);
const siteType = z.enum(SITE_TYPES);
const disclosure = z.enum(DISCLOSURE_ITEMS);
const offset = z.number().int().nonnegative();

export const sweepSchema: z.ZodType<SweepRecord> = z.object({
  id: z.string().min(1),
  started: z.string(),
  finished: z.string().optional(),
  status: z.enum(['running', 'finished', 'interrupted']),
  configDigest: z.string(),
  dictionaryVersion: z.string(),
  plannedSites: z.array(z.string()),
  doneSites: z.array(z.string()),
});

export const siteSchema: z.ZodType<SiteRecord> = z.object({
  key: z.string().min(1),
  names: z.array(z.string()),
  type: siteType,
  firstSeen: z.string(),
  lastSeen: z.string(),
});

export const visitSchema: z.ZodType<SiteVisitRecord> = z.object({
  sweep: z.string(),
  site: z.string(),
  type: siteType,
  pages: offset,
  rendered: offset,
  errors: z.array(z.object({ url: z.string(), kind: z.string(), message: z.string() })),
  offersEv: z.boolean(),
  disclosuresMissing: z.array(disclosure),
  needsRendering: z.array(z.string()),
});

export const pageSchema: z.ZodType<PageRecord> = z.object({
  sweep: z.string(),
  site: z.string(),
  url: z.string(),
  requestedUrl: z.string(),
  status: z.number().int(),
  fetchedAt: z.string(),
  snapshot: z.string(),
  sha256: z.string(),
  rendered: z.boolean(),
  screenshot: z.string().optional(),
  title: z.string().optional(),
});

export const findingSchema: z.ZodType<FindingRecord> = z.object({
  sweep: z.string(),
  site: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  category,
  rule: z.string(),
  severity,
  url: z.string(),
  sentence: z.string(),
  match: z.string(),
  start: offset,
  end: offset,
  seen: z.string(),
  disclosure: disclosure.optional(),
});

export const searchHitSchema: z.ZodType<SearchHitRecord> = z.object({
  sweep: z.string(),
  provider: z.string(),
  query: z.string(),
  date: z.string(),
  totalHits: z.number().optional(),
  results: z.array(z.object({ rank: z.number(), url: z.string(), title: z.string().optional() })),
  error: z.string().optional(),
});

export const triageSchema: z.ZodType<TriageRecord> = z.object({
  target: z.string().min(1),
  status: z.enum(TRIAGE_STATUSES),
  note: z.string().optional(),
  date: z.string(),
});

export const trialCountSchema: z.ZodType<TrialCountRecord> = z.object({
  date: z.string(),
  query: z.string(),
  total: z.number().int().nonnegative(),
  byPhase: z.record(z.string(), z.number()),
});

export const databaseSchema: z.ZodType<Database> = z.object({
  schemaVersion: z.number().int(),
  sweeps: z.array(sweepSchema),
  sites: z.array(siteSchema),
  visits: z.array(visitSchema),
  pages: z.array(pageSchema),
  findings: z.array(findingSchema),
  searchHits: z.array(searchHitSchema),
  triage: z.array(triageSchema),
  trials: z.array(trialCountSchema),
});

/** `findings[12].start`: where in the data a zod issue points, below `root` if given. */
export function jsonPath(path: readonly PropertyKey[], root = ''): string {
  const out = path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    root,
  );
  return out || '(root)';
}
