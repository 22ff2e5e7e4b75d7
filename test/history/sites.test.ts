import { describe, expect, it } from 'vitest';
import { flaggedSites } from '../../src/history/sites.ts';
import { findingRows } from '../../src/history/findings.ts';
import { buildDatabase, S1, S2 } from './fixture.ts';

describe('flaggedSites', () => {
  const db = buildDatabase();

  it('defaults to the latest finished sweep and lists clinic and seller sites only', () => {
    const rows = flaggedSites(db);
    expect(rows.map((r) => r.site)).toEqual(['clinic-a.example', 'clinic-f.example', 'seller-c.example']);
  });

  it('fills one row per site with counts, severity, dates, triage and top evidence', () => {
    const a = flaggedSites(db).find((r) => r.site === 'clinic-a.example')!;
    expect(a.names).toEqual(['Aクリニック']);
    expect(a.type).toBe('clinic');
    expect(a.counts['efficacy-claim']).toBe(1);
    expect(a.counts['supernatant-as-ev']).toBe(1);
    expect(a.counts['missing-disclosure']).toBe(2);
    expect(a.counts['safety-claim']).toBe(0);
    expect(a.findingCount).toBe(4);
    expect(a.highestSeverity).toBe('high');
    expect(a.firstSeen).toBe('2026-01-10T01:00:00.000Z');
    expect(a.status).toBe('confirmed');
    expect(a.note).toBe('院長に確認');
    // A sentence claim wins over a missing-disclosure item of the same severity.
    expect(a.topEvidence.category).not.toBe('missing-disclosure');
    expect(a.topEvidence.sentence.slice(a.topEvidence.start, a.topEvidence.end)).toBe(a.topEvidence.match);
  });

  it('does not count findings triaged as false positives', () => {
    const f = flaggedSites(db).find((r) => r.site === 'clinic-f.example')!;
    expect(f.findingCount).toBe(1);
    expect(f.highestSeverity).toBe('medium');
    expect(f.counts['efficacy-claim']).toBe(0);
    expect(f.status).toBe('new');
  });

  it('filters by category, severity, type, status and sweep', () => {
    expect(flaggedSites(db, { category: 'celebrity' }).map((r) => r.site)).toEqual(['seller-c.example']);
    expect(flaggedSites(db, { severity: 'high' }).map((r) => r.site)).toEqual(['clinic-a.example']);
    expect(flaggedSites(db, { severity: 'medium' }).map((r) => r.site)).toEqual(['clinic-a.example', 'clinic-f.example']);
    expect(flaggedSites(db, { category: 'efficacy-claim', severity: 'low' }).map((r) => r.site)).toEqual(['clinic-a.example']);
    expect(flaggedSites(db, { type: 'media' }).map((r) => r.site)).toEqual(['media-d.example']);
    expect(flaggedSites(db, { type: 'authority' })).toEqual([]);
    expect(flaggedSites(db, { status: 'notified' }).map((r) => r.site)).toEqual(['seller-c.example']);
    expect(flaggedSites(db, { status: 'new' }).map((r) => r.site)).toEqual(['clinic-f.example']);
    const old = flaggedSites(db, { sweep: S1 });
    expect(old.map((r) => r.site)).toEqual(['clinic-a.example', 'clinic-b.example']);
    expect(old[0]!.counts['safety-claim']).toBe(1);
  });

  it('names the known sweeps when asked for an unknown one', () => {
    expect(() => flaggedSites(db, { sweep: 'nope' })).toThrow(/unknown sweep "nope".*2026-01-10/);
    expect(() => flaggedSites({ ...db, sweeps: [] })).toThrow(/no sweep yet/);
  });
});

describe('findingRows', () => {
  it('lists the findings of flagged sites with their own and their site triage', () => {
    const rows = findingRows(buildDatabase(), { sweep: S2 });
    expect(rows.map((r) => r.site)).not.toContain('media-d.example');
    const fp = rows.find((r) => r.fingerprint === 'fp-f-fp')!;
    expect(fp.status).toBe('false-positive');
    expect(fp.note).toBe('引用のみ');
    const c = rows.filter((r) => r.site === 'seller-c.example');
    expect(c.map((r) => r.category)).toEqual(['inducement', 'celebrity']);
    expect(c.every((r) => r.siteStatus === 'notified' && r.siteNames[0] === 'Cコスメ通販')).toBe(true);
    expect(findingRows(buildDatabase(), { category: 'missing-disclosure' }).map((r) => r.disclosure)).toEqual(['unapproved', 'cost']);
  });
});
