// Stored records: the shape of the lowdb database in the data dir, as the
// store holds it in memory (on disk, pages and findings are compacted: codec.ts).
// Page bodies never live here, only in snapshot files (see snapshots.ts).
import type { Category, DisclosureItem, Severity, SiteType } from '../model.ts';

export const SCHEMA_VERSION = 1;

export const TRIAGE_STATUSES = ['new', 'confirmed', 'false-positive', 'notified', 'resolved'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export interface SweepRecord {
  id: string; // e.g. 2026-11-21T10-00-00Z-ab12 (sortable)
  started: string; // ISO date
  finished?: string; // absent while running or when killed
  status: 'running' | 'finished' | 'interrupted';
  configDigest: string; // sha256 of the effective config, keys excluded
  dictionaryVersion: string; // sha256 of the dictionaries/ files
  /** Site keys planned for this sweep, in order (resume skips the done ones). */
  plannedSites: string[];
  doneSites: string[];
}

export interface SiteRecord {
  key: string; // registrable domain, or host:port for IPs/localhost
  names: string[]; // titles seen
  type: SiteType;
  firstSeen: string; // ISO date
  lastSeen: string;
}

/** What happened to one site in one sweep. */
export interface SiteVisitRecord {
  sweep: string;
  site: string;
  type: SiteType;
  pages: number;
  rendered: number;
  errors: { url: string; kind: string; message: string }[];
  offersEv: boolean;
  disclosuresMissing: DisclosureItem[];
  /** Pages that needed a browser but none was available. */
  needsRendering: string[];
}

export interface PageRecord {
  sweep: string;
  site: string;
  url: string; // final URL
  requestedUrl: string;
  status: number;
  fetchedAt: string;
  snapshot: string; // path relative to the data dir
  sha256: string;
  rendered: boolean;
  screenshot?: string; // relative path, when a high-severity finding was made
  title?: string;
}

export interface FindingRecord {
  sweep: string;
  site: string;
  /** Stable across sweeps: sha256(site + rule + normalized sentence), shortened. */
  fingerprint: string;
  category: Category;
  rule: string;
  severity: Severity;
  url: string;
  sentence: string;
  match: string;
  start: number;
  end: number;
  seen: string; // ISO date
  disclosure?: DisclosureItem;
}

export interface SearchHitRecord {
  sweep: string;
  provider: string;
  query: string;
  date: string;
  totalHits?: number;
  results: { rank: number; url: string; title?: string }[];
  error?: string;
}

export interface TriageRecord {
  /** A finding fingerprint, or `site:<key>` for a whole site. */
  target: string;
  status: TriageStatus;
  note?: string;
  date: string;
}

export interface TrialCountRecord {
  date: string;
  query: string;
  total: number;
  byPhase: Record<string, number>;
}

export interface Database {
  schemaVersion: number;
  sweeps: SweepRecord[];
  sites: SiteRecord[];
  visits: SiteVisitRecord[];
  pages: PageRecord[];
  findings: FindingRecord[];
  searchHits: SearchHitRecord[];
  triage: TriageRecord[];
  trials: TrialCountRecord[];
}
