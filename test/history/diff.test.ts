import { describe, expect, it } from 'vitest';
import { diffSweeps } from '../../src/history/diff.ts';
import { buildDatabase, S1, S2, S3 } from './fixture.ts';

describe('diffSweeps', () => {
  const db = buildDatabase();

  it('defaults to the last two finished sweeps', () => {
    const d = diffSweeps(db);
    expect([d.from, d.to]).toEqual([S1, S2]);
  });

  it('finds new, gone and changed sites with their sentences', () => {
    const d = diffSweeps(db);
    expect(d.newSites.map((s) => [s.site, s.visitedInOther])).toEqual([
      ['clinic-f.example', false],
      ['seller-c.example', false],
    ]);
    expect(d.newSites[1]!.findings.map((f) => f.category)).toEqual(['inducement', 'celebrity']);
    expect(d.goneSites.map((s) => [s.site, s.visitedInOther])).toEqual([['clinic-b.example', true]]);
    expect(d.goneSites[0]!.findings[0]!.sentence).toContain('患者様の声');
    expect(d.changedSites).toHaveLength(1);
    const a = d.changedSites[0]!;
    expect(a.site).toBe('clinic-a.example');
    expect(a.added.map((f) => f.fingerprint)).toEqual(['fp-a-sup', 'fp-a-md1', 'fp-a-md2']);
    expect(a.removed.map((f) => [f.category, f.match])).toEqual([['safety-claim', '副作用はありません']]);
    // media sites are not on the flagged list, so they never show in a diff
    expect(JSON.stringify(d)).not.toContain('media-d.example');
  });

  it('counts added and removed claims per category', () => {
    const d = diffSweeps(db);
    expect(d.byCategory['safety-claim']).toEqual({ added: 0, removed: 1 });
    expect(d.byCategory['testimonial']).toEqual({ added: 0, removed: 1 });
    expect(d.byCategory['missing-disclosure']).toEqual({ added: 2, removed: 0 });
    // A's unchanged efficacy claim is neither added nor removed; F's was ruled a false positive
    expect(d.byCategory['efficacy-claim']).toEqual({ added: 0, removed: 0 });
    expect(d.newSites[0]!.findings.map((f) => f.fingerprint)).toEqual(['fp-f-sup']);
  });

  it('compares named sweeps, and a single name against the latest finished', () => {
    const d = diffSweeps(db, S2, S3);
    expect(d.goneSites.map((s) => s.site)).toEqual(['clinic-f.example', 'seller-c.example']);
    expect(d.changedSites[0]!.removed.map((f) => f.fingerprint)).toEqual(['fp-a-sup', 'fp-a-md1', 'fp-a-md2']);
    expect(diffSweeps(db, S1).to).toBe(S2);
    expect(() => diffSweeps(db, S2)).toThrow(/two different sweeps/);
  });
});
