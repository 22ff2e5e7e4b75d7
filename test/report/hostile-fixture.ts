// The fixture store plus a site whose every field tries to run script in the report.
import type { Database } from '../../src/store/records.ts';
import { buildDatabase, finding, S2 } from '../history/fixture.ts';

export const SCRIPT = '<script>window.__pwned=1</script>';
export const IMG = '"><img src=x onerror="window.__pwned=2">';
export const JS_URL = 'javascript:window.__pwned=3';
export const EVIL = 'evil.example';

export function hostileDatabase(): Database {
  const db = buildDatabase();
  db.sites.push({ key: EVIL, names: [SCRIPT, IMG], type: 'clinic', firstSeen: '2026-04-10T00:00:00.000Z', lastSeen: '2026-04-10T00:00:00.000Z' });
  db.visits.push({ sweep: S2, site: EVIL, type: 'clinic', pages: 1, rendered: 0, errors: [], offersEv: true, disclosuresMissing: [], needsRendering: [] });
  db.findings.push(
    finding(S2, EVIL, `fp-evil-1${IMG}`, 'efficacy-claim', 'high', `${SCRIPT}エクソソームで必ず治ります${IMG}`, '必ず治ります', JS_URL),
    finding(S2, EVIL, 'fp-evil-2', 'safety-claim', 'high', `副作用はありません${IMG}`, `副作用はありません${IMG}`, `https://${EVIL}/?q="><script>window.__pwned=4</script>`),
  );
  db.pages.push({
    sweep: S2,
    site: EVIL,
    url: JS_URL,
    requestedUrl: JS_URL,
    status: 200,
    fetchedAt: '2026-04-10T01:00:00.000Z',
    snapshot: '../../outside.html',
    sha256: `x${IMG}`,
    rendered: true,
    screenshot: '/etc/passwd',
    title: SCRIPT,
  });
  db.triage.push({ target: `site:${EVIL}`, status: 'notified', note: SCRIPT, date: '2026-04-13T00:00:00.000Z' });
  db.searchHits.push({ sweep: S2, provider: `<b>x</b>`, query: SCRIPT, date: '2026-04-10', totalHits: 5, results: [], error: IMG });
  return db;
}
