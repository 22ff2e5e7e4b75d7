import { describe, expect, it } from 'vitest';
import { trends } from '../../src/history/trends.ts';
import { buildDatabase, S1, S2, S3 } from './fixture.ts';

describe('trends', () => {
  const t = trends(buildDatabase());

  it('has one entry per sweep, oldest first', () => {
    expect(t.sweeps.map((s) => [s.sweep, s.status])).toEqual([
      [S1, 'finished'],
      [S2, 'finished'],
      [S3, 'interrupted'],
    ]);
  });

  it('counts findings per category and flagged sites per category and type', () => {
    const [s1, s2] = t.sweeps;
    expect(s1!.findingsByCategory['efficacy-claim']).toBe(1);
    expect(s1!.findingsByCategory['disease-claim']).toBe(1);
    expect(s2!.findingsByCategory['missing-disclosure']).toBe(2);
    // F's efficacy claim was ruled a false positive
    expect(s2!.findingsByCategory['efficacy-claim']).toBe(1);
    // the media site's disease claim counts as a finding but not as a flagged site
    expect(s2!.sitesByCategory['disease-claim']).toBe(0);
    expect(s2!.sitesByCategory['efficacy-claim']).toBe(1);
    expect(s2!.sitesByType).toEqual({ clinic: 2, seller: 1, media: 1, authority: 0 });
    expect(s1!.sitesByType).toEqual({ clinic: 2, seller: 0, media: 1, authority: 0 });
  });

  it('totals search hits per provider and query, keeping errors', () => {
    expect(t.sweeps[0]!.searchHits).toEqual([
      { provider: 'brave', query: 'エクソソーム クリニック', totalHits: 7450, results: 2, errors: [] },
      { provider: 'searxng', query: 'エクソソーム クリニック', results: 0, errors: ['HTTP 403'] },
    ]);
    expect(t.sweeps[1]!.searchHits[0]!.totalHits).toBe(91900);
    expect(t.sweeps[2]!.searchHits).toEqual([]);
  });

  it('lists trial counts by date', () => {
    expect(t.trials.map((r) => r.total)).toEqual([24, 151]);
  });
});
