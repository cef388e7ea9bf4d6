import type { Align } from './layout.js';

/** cli-table3's border characters, by its option names. */
export interface TableChars {
  top: string;
  'top-mid': string;
  'top-left': string;
  'top-right': string;
  bottom: string;
  'bottom-mid': string;
  'bottom-left': string;
  'bottom-right': string;
  left: string;
  'left-mid': string;
  mid: string;
  'mid-mid': string;
  right: string;
  'right-mid': string;
  middle: string;
}

/** cli-table3's own characters (its defaults), which a table's options override one by one. */
export const CLI_TABLE_CHARS: TableChars = {
  top: '\u2500',
  'top-mid': '\u252c',
  'top-left': '\u250c',
  'top-right': '\u2510',
  bottom: '\u2500',
  'bottom-mid': '\u2534',
  'bottom-left': '\u2514',
  'bottom-right': '\u2518',
  left: '\u2502',
  'left-mid': '\u251c',
  mid: '\u2500',
  'mid-mid': '\u253c',
  right: '\u2502',
  'right-mid': '\u2524',
  middle: '\u2502',
};

/** Our tables' characters: borders around a table but not between its rows, in box drawing or plain ASCII. */
export const COMPACT_CHARS: TableChars = {
  ...CLI_TABLE_CHARS,
  mid: '',
  'left-mid': '',
  'mid-mid': '',
  'right-mid': '',
};
export const ASCII_CHARS: TableChars = {
  ...COMPACT_CHARS,
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  right: '|',
  middle: '|',
};

/**
 * Characters one column wide for cli-table3's measure (string-width 4: no escape, control, combining,
 * East Asian wide or emoji character among them; test/render/plain-table.test.ts checks each one).
 */
const NARROW =
  /^[\n\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2190-\u2193\u219a-\u21a8\u21ab-\u21ff\u2200-\u22ff\u2500-\u259f]*$/;

/** A row's line, or the blank line of a row shorter than its tallest cell. */
function drawCell(text: string | undefined, width: number, align: Align, left: string, right: string): string {
  if (text === undefined) return `${left}${' '.repeat(width)}${right}`;
  const pad = ' '.repeat(width - 2 - text.length);
  return `${left} ${align === 'right' ? pad + text : text + pad} ${right}`;
}

/**
 * A table drawn as cli-table3 draws it with our options (padding 1, no colour, no spans, top-aligned
 * cells already wrapped to their columns), without its per-cell layout objects: the same text, byte for
 * byte (tested against cli-table3). Null where cli-table3 would measure or cut a cell differently (a
 * character it counts as other than one column, a line wider than its column): it then draws the table.
 */
export function plainTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  aligns: readonly Align[],
  chars: TableChars,
): string | null {
  const table = [head, ...rows].map((row) => row.map((cell) => cell.split('\n')));
  for (const row of table) {
    if (row.length !== widths.length) return null;
    for (let x = 0; x < row.length; x++)
      for (const line of row[x]!) if (line.length > widths[x]! - 2 || !NARROW.test(line)) return null;
  }
  const border = (first: string, fill: string, joint: string, last: string) =>
    widths.map((w, x) => (x === 0 ? first : joint) + fill.repeat(w)).join('') + last;
  const out = [border(chars['top-left'], chars.top, chars['top-mid'], chars['top-right'])];
  // Between rows cli-table3 draws the `mid` characters; where they are all empty it draws no line.
  const between = border(chars['left-mid'], chars.mid, chars['mid-mid'], chars['right-mid']);
  table.forEach((row, y) => {
    if (y > 0 && between !== '') out.push(between);
    const height = Math.max(...row.map((lines) => lines.length));
    for (let i = 0; i < height; i++) {
      const last = widths.length - 1;
      out.push(
        row
          .map((lines, x) =>
            drawCell(
              lines[i],
              widths[x]!,
              aligns[x] ?? 'left',
              x === 0 ? chars.left : chars.middle,
              x === last ? chars.right : '',
            ),
          )
          .join(''),
      );
    }
  });
  out.push(border(chars['bottom-left'], chars.bottom, chars['bottom-mid'], chars['bottom-right']));
  return out.filter((line) => line !== '').join('\n');
}
