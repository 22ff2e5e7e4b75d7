// Charts drawn at build time as inline SVG: the report opens from disk with no
// script library and no network.
import { escapeHtml } from './escape.ts';

const W = 320;
const H = 150;
const PAD = { top: 14, right: 10, bottom: 28, left: 40 };
const COLORS = ['#c0392b', '#2c7fb8', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#b7950b'];

function frame(title: string, body: string, max: number, width = W): string {
  const innerH = H - PAD.top - PAD.bottom;
  // A middle tick only when it is a whole number worth showing.
  const ticks = (max >= 4 ? [0, Math.round(max / 2), max] : [0, max])
    .map((v) => {
      const y = PAD.top + innerH - (max ? (v / max) * innerH : 0);
      return `<text x="${PAD.left - 4}" y="${y + 3}" text-anchor="end">${Math.round(v).toLocaleString('ja-JP')}</text><line x1="${PAD.left}" x2="${width - PAD.right}" y1="${y}" y2="${y}" class="grid"/>`;
    })
    .join('');
  return `<svg class="chart" role="img" viewBox="0 0 ${width} ${H}" width="${width}" height="${H}"><title>${escapeHtml(title)}</title>${ticks}${body}</svg>`;
}

function xLabel(x: number, label: string): string {
  return `<text x="${x}" y="${H - PAD.bottom + 14}" text-anchor="middle">${escapeHtml(label)}</text>`;
}

/** One bar per x label. */
export function barChart(title: string, labels: string[], values: number[]): string {
  const max = Math.max(1, ...values);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, labels.length);
  const bars = labels
    .map((label, i) => {
      const v = values[i] ?? 0;
      const h = (v / max) * innerH;
      const x = PAD.left + i * slot + slot * 0.2;
      const y = PAD.top + innerH - h;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.6).toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" fill="${COLORS[0]}"><title>${escapeHtml(`${label}: ${v}`)}</title></rect><text x="${(x + slot * 0.3).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle">${v}</text>${xLabel(x + slot * 0.3, label)}`;
    })
    .join('');
  return frame(title, bars, max);
}

export interface Series {
  name: string;
  values: (number | undefined)[];
}

/** One line per series; missing values break the line. Returns the SVG and a legend. */
export function lineChart(title: string, labels: string[], series: Series[]): string {
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
  const width = W + 120;
  // Room on both sides for the first and last date labels.
  const innerW = width - PAD.left - PAD.right - 40;
  const innerH = H - PAD.top - PAD.bottom;
  const xAt = (i: number) => PAD.left + 20 + (labels.length > 1 ? (i / (labels.length - 1)) * innerW : innerW / 2);
  const yAt = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const lines = series
    .map((s, k) => {
      const color = COLORS[k % COLORS.length];
      let d = '';
      let pen = false;
      s.values.forEach((v, i) => {
        if (v === undefined) return void (pen = false);
        d += `${pen ? 'L' : 'M'}${xAt(i).toFixed(1)} ${yAt(v).toFixed(1)} `;
        pen = true;
      });
      const dots = s.values
        .map((v, i) => (v === undefined ? '' : `<circle cx="${xAt(i).toFixed(1)}" cy="${yAt(v).toFixed(1)}" r="3" fill="${color}"><title>${escapeHtml(`${s.name} ${labels[i]}: ${v.toLocaleString('ja-JP')}`)}</title></circle>`))
        .join('');
      return `<path d="${d.trim()}" fill="none" stroke="${color}" stroke-width="2"/>${dots}`;
    })
    .join('');
  const xs = labels.map((l, i) => xLabel(xAt(i), l)).join('');
  const legend = series
    .map((s, k) => `<li><span class="swatch" data-color="${k % COLORS.length}"></span>${escapeHtml(s.name)}</li>`)
    .join('');
  return `${frame(title, lines + xs, max, width)}<ul class="legend">${legend}</ul>`;
}

/** Legend swatch colours as CSS, since the CSP allows no inline style attributes. */
export const CHART_CSS = COLORS.map((c, k) => `.swatch[data-color="${k}"]{background:${c}}`).join('');
