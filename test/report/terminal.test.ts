import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { diffSweeps } from '../../src/history/diff.ts';
import { flaggedSites } from '../../src/history/sites.ts';
import { trends } from '../../src/history/trends.ts';
import { colorsFor, formatTable, truncate } from '../../src/report/terminal.ts';
import { diffView, sitesView, trendsView } from '../../src/report/views.ts';
import { buildDatabase } from '../history/fixture.ts';

const plain = colorsFor(false);

describe('terminal tables', () => {
  it('aligns columns by display width with Japanese text', () => {
    const out = formatTable(
      [{ header: 'サイト' }, { header: '件数', align: 'right' }, { header: '文' }],
      [
        ['a.example', '3', '副作用はありません'],
        ['クリニック.jp', '12', 'ok'],
      ],
      plain,
    ).split('\n');
    // the third column starts at the same display column on every line
    const col3 = out.map((line) => stringWidth(line.slice(0, line.search(/文|副|ok/))));
    expect(new Set(col3).size).toBe(1);
    expect(out[2]).toContain('  12  ');
  });

  it('cuts long cells to a display width with an ellipsis', () => {
    expect(truncate('エクソソーム点滴', 7)).toBe('エクソ…');
    expect(stringWidth(truncate('エクソソーム点滴', 7))).toBeLessThanOrEqual(7);
    expect(truncate('short', 10)).toBe('short');
  });

  it('colours only when asked', () => {
    const rows = flaggedSites(buildDatabase());
    expect(sitesView(rows, plain)).not.toContain('\u001b[');
    expect(sitesView(rows, colorsFor(true))).toContain('\u001b[31m');
  });
});

describe('views', () => {
  const db = buildDatabase();

  it('lists flagged sites with labels and the top sentence', () => {
    const out = sitesView(flaggedSites(db), plain);
    expect(out).toContain('clinic-a.example');
    expect(out).toContain('医療機関');
    expect(out).toContain('確認済み');
    expect(out).toContain('3 サイト');
    expect(sitesView([], plain)).toContain('該当するサイトはありません');
  });

  it('prints a diff with signs and sentences', () => {
    const out = diffView(diffSweeps(db), plain);
    expect(out).toContain('新たに指摘されたサイト (new): 2');
    expect(out).toMatch(/- \[安全性の断定 safety-claim\] 当院の幹細胞上清液は副作用はありません/);
    expect(out).toMatch(/\+ \[培養上清液をエクソソーム製剤として提示 supernatant-as-ev\]/);
  });

  it('prints trends with one column per sweep and the trial counts', () => {
    const out = trendsView(trends(db), plain);
    expect(out).toMatch(/指摘件数: 限定解除要件の記載漏れ \(missing-disclosure\)\s+0\s+2\s+0/);
    expect(out).toMatch(/2021-03-01\s+exosome\s+24/);
  });
});
