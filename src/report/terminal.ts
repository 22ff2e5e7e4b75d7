// Aligned terminal tables: Japanese characters take two columns, so widths are
// display widths (string-width), not string lengths.
import pc from 'picocolors';
import stringWidth from 'string-width';
import type { Severity } from '../model.ts';

export type Colors = ReturnType<typeof pc.createColors>;

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Longer cells are cut with an ellipsis. */
  maxWidth?: number;
  /** Colour for a cell's text, by row (applied after padding is computed). */
  style?: (text: string, colors: Colors, row: number) => string;
}

export function colorsFor(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/** Cut `text` to at most `width` display columns, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

export function formatTable(columns: Column[], rows: string[][], colors: Colors): string {
  // Line breaks inside a cell would break the grid; web text has them.
  const cells = rows.map((row) =>
    columns.map((col, i) => {
      const flat = (row[i] ?? '').replace(/\s+/g, ' ');
      return col.maxWidth ? truncate(flat, col.maxWidth) : flat;
    }),
  );
  const widths = columns.map((col, i) => Math.max(stringWidth(col.header), ...cells.map((r) => stringWidth(r[i]!))));
  const line = (parts: string[]) => parts.join('  ').trimEnd();
  const header = line(columns.map((col, i) => colors.bold(pad(col.header, widths[i]!, col.align ?? 'left'))));
  const body = cells.map((r, row) =>
    line(
      columns.map((col, i) => {
        const padded = pad(r[i]!, widths[i]!, col.align ?? 'left');
        return col.style ? col.style(padded, colors, row) : padded;
      }),
    ),
  );
  return [header, ...body].join('\n');
}

export function paintSeverity(severity: Severity, text: string, colors: Colors): string {
  return severity === 'high' ? colors.red(text) : severity === 'medium' ? colors.yellow(text) : colors.dim(text);
}
