import { describe, expect, it } from 'vitest';
import { Frontier } from '../../src/crawl/frontier.ts';
import { inScope, sameSite } from '../../src/crawl/scope.ts';
import { normalizeUrl } from '../../src/crawl/url-normalize.ts';

function drain(f: Frontier): string[] {
  const out: string[] = [];
  for (let e = f.next(); e; e = f.next()) out.push(e.url);
  return out;
}

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://Clinic.Example.JP:80/a/index.html#top', 'http://clinic.example.jp/a/'],
    ['https://clinic.example.jp:443/index.php', 'https://clinic.example.jp/'],
    ['https://c.example.jp/p?utm_source=x&b=2&a=1&fbclid=y&gclid=z&yclid=w', 'https://c.example.jp/p?a=1&b=2'],
    ['https://c.example.jp/p?utm_medium=mail', 'https://c.example.jp/p'],
    ['https://c.example.jp/%E6%96%99%E9%87%91/', 'https://c.example.jp/%E6%96%99%E9%87%91/'],
    ['https://user:pw@c.example.jp/x', 'https://c.example.jp/x'],
  ])('%s → %s', (input, expected) => expect(normalizeUrl(input)).toBe(expected));

  it('resolves relative links and rejects non-web schemes', () => {
    expect(normalizeUrl('../price/', 'https://c.example.jp/menu/exosome/')).toBe('https://c.example.jp/menu/price/');
    for (const bad of ['mailto:info@c.example.jp', 'tel:0120000000', 'javascript:void(0)', 'http://']) {
      expect(normalizeUrl(bad, 'https://c.example.jp/')).toBeUndefined();
    }
  });
});

describe('scope', () => {
  it('same-site compares registrable domains, and host:port for IPs and localhost', () => {
    expect(sameSite('https://www.clinic.co.jp/', 'http://reserve.clinic.co.jp/x')).toBe(true);
    expect(sameSite('https://clinic.co.jp/', 'https://other.co.jp/')).toBe(false);
    expect(sameSite('http://127.0.0.1:4001/', 'http://127.0.0.1:4001/a')).toBe(true);
    expect(sameSite('http://127.0.0.1:4001/', 'http://127.0.0.1:4002/')).toBe(false);
    expect(sameSite('http://localhost:1/', 'http://localhost:2/')).toBe(false);
  });

  it('same-host keeps subdomains apart', () => {
    expect(inScope('https://blog.clinic.co.jp/', 'https://www.clinic.co.jp/', 'same-host')).toBe(false);
    expect(inScope('https://blog.clinic.co.jp/', 'https://www.clinic.co.jp/', 'same-site')).toBe(true);
  });
});

describe('Frontier', () => {
  const root = 'https://c.example.jp';

  it('de-duplicates tracking and fragment variants of one page', () => {
    const f = new Frontier();
    expect(f.add(`${root}/exosome/`, 0)).toBe('added');
    expect(f.add(`${root}/exosome/?utm_source=line#price`, 1)).toBe('seen');
    expect(f.add(`${root}/exosome/index.html?fbclid=abc`, 1)).toBe('seen');
    expect(drain(f)).toEqual([`${root}/exosome/`]);
  });

  it('goes first to treatment and disclosure pages, start URLs before all', () => {
    const f = new Frontier();
    f.add(`${root}/`, 0);
    f.add(`${root}/access/`, 1, 'アクセス');
    f.add(`${root}/blog/1`, 1, 'スタッフ日記');
    f.add(`${root}/menu/ev/`, 1, 'ｴｸｿｿｰﾑ点滴の料金');
    f.add(`${root}/${encodeURIComponent('副作用')}/`, 2, 'ご注意');
    expect(drain(f)).toEqual([
      `${root}/`,
      `${root}/menu/ev/`, // menu + エクソソーム (half-width in the text) + 料金
      `${root}/%E5%89%AF%E4%BD%9C%E7%94%A8/`,
      `${root}/access/`,
      `${root}/blog/1`,
    ]);
  });

  it('honours maxPages and maxDepth', () => {
    const f = new Frontier({ maxPages: 2, maxDepth: 1 });
    f.add(`${root}/a`, 0);
    f.add(`${root}/b`, 1);
    expect(f.add(`${root}/c`, 2)).toBe('too-deep');
    f.add(`${root}/d`, 1);
    expect(drain(f)).toHaveLength(2);
    expect(f.taken).toBe(2);
  });

  it('bounds an endless calendar', () => {
    const f = new Frontier({ maxCalendarPages: 3 });
    const outcomes = [];
    for (let m = 1; m <= 12; m++) outcomes.push(f.add(`${root}/calendar/?month=2026-${m}`, 1));
    for (let m = 1; m <= 12; m++) outcomes.push(f.add(`${root}/news/2025/${String(m).padStart(2, '0')}/`, 1));
    expect(outcomes.filter((o) => o === 'added')).toHaveLength(3);
    expect(f.outcomes.calendar).toBe(21);
  });

  it('bounds query permutations per path, long URLs and path prefixes', () => {
    const f = new Frontier({ maxQueryVariantsPerPath: 4, maxUrlLength: 100, maxPagesPerPrefix: 5 });
    const added = (urls: string[]) => urls.map((u) => f.add(u, 1)).filter((o) => o === 'added').length;
    expect(added(Array.from({ length: 20 }, (_, i) => `${root}/search?q=a&sort=${i}`))).toBe(4);
    expect(f.add(`${root}/search?q=a&sort=1`, 1)).toBe('seen');
    expect(f.add(`${root}/p/${'x'.repeat(120)}`, 1)).toBe('too-long');
    expect(added(Array.from({ length: 20 }, (_, i) => `${root}/tag/t${i}/`))).toBe(5);
    // Flat root-level pages are not one prefix.
    expect(added(Array.from({ length: 20 }, (_, i) => `${root}/page${i}.html`))).toBe(20);
  });
});
