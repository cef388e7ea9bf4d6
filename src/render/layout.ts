import Table from 'cli-table3';
import { tableLook } from './format.js';
import { plainTable } from './plain-table.js';

/** Where text output goes: how wide it may be and whether it may use Unicode box and block characters. */
export interface Screen {
  /** Columns available; every line of output fits in them. */
  width: number;
  /** Plain ASCII (TERM=dumb): no box drawing, no block characters. */
  ascii: boolean;
}

export const MIN_WIDTH = 80;
export const DEFAULT_SCREEN: Screen = { width: 100, ascii: false };

/**
 * Word-wraps one paragraph into lines of at most `width` characters. Words are never split unless one
 * alone is wider than the line, and a word holding a digit (a number, a price) is never split at all:
 * the caller gives it room (tables size their columns from the longest word).
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    if (line !== '' && line.length + 1 + word.length <= width) {
      line += ` ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (line.length > width) {
      if (!/\d/.test(line)) {
        lines.push(line.slice(0, width));
        line = line.slice(width);
      } else {
        // A name with digits ("memorystore-standard-300gb", "cache.r7g.16xlarge", "Standard_D16s_v5") breaks
        // after a hyphen, dot or underscore that a letter follows, never inside a number.
        const at = breakBefore(line, width);
        if (at <= 0) break;
        lines.push(line.slice(0, at));
        line = line.slice(at);
      }
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replace(/\u00a0/g, ' '));
}

const UNIT = /(\d)[ ](%|ms|s|h|min|GB|TB|KB|MB|GiB|vCPUs?|hours?)(?=$|[\s,.;:)/])/g;

/** The words of a text, a number kept together with the unit after it ("22 %", "150 ms", "3 TB"). */
function words(text: string): string[] {
  return text
    .replace(UNIT, '$1\u00a0$2')
    .split(/[ \t\n]+/)
    .filter((w) => w !== '');
}

/** A paragraph with a first-line prefix and a hanging indent for the rest, every line within `width`. */
export function hanging(first: string, text: string, width: number, indent = first.length): string[] {
  const [head = '', ...rest] = wrap(text, Math.max(20, width - Math.max(first.length, indent)));
  const tail = rest.length > 0 ? wrap(rest.join(' '), Math.max(20, width - indent)) : [];
  return [`${first.padEnd(indent)}${head}`, ...tail.map((l) => `${' '.repeat(indent)}${l}`)];
}

/** Where a name holding digits may break: after a hyphen, dot or underscore a letter follows (never in a number). */
const NAME_BREAK = /(?<=[A-Za-z0-9][-._])(?=[A-Za-z])/;

/** A word's unbreakable parts: a name with digits splits at NAME_BREAK; a number with its unit never does. */
const nameParts = (word: string) => (word.includes('\u00a0') ? [word] : word.split(NAME_BREAK));

/** The last place at most `width` characters in where a name may break (0: none). */
function breakBefore(word: string, width: number): number {
  let at = 0;
  let end = 0;
  for (const part of nameParts(word).slice(0, -1)) {
    end += part.length;
    if (end > width) break;
    at = end;
  }
  return at;
}

/** The room a word needs: a number its whole length; when columns must shrink, a name only its longest part. */
function wordRoom(w: string, breakable: number): number {
  if (!/\d/.test(w)) return Math.min(w.length, breakable);
  if (breakable === Infinity) return w.length;
  return Math.max(...nameParts(w).map((part) => part.length));
}

const longestWord = (cell: string, breakable = Infinity) =>
  Math.max(0, ...words(cell).map((w) => wordRoom(w, breakable)));

/**
 * Column widths (cli-table3's, padding included) that fit `width` with the borders: every column gets its
 * longest word, and what is left goes to the columns that want more, in proportion to what they want.
 */
export function fitColumns(cells: readonly (readonly string[])[], width: number): number[] {
  const count = cells[0]?.length ?? 0;
  const columns = [...Array(count).keys()];
  const want = columns.map((c) => Math.max(...cells.map((row) => row[c]!.length)) + 2);
  const room = width - (count + 1);
  let need = columns.map((c) => Math.max(...cells.map((row) => longestWord(row[c]!))) + 2);
  // Still too wide: a word without a digit may be broken (a number never is).
  if (need.reduce((a, b) => a + b, 0) > room)
    need = columns.map((c) => Math.max(...cells.map((row) => longestWord(row[c]!, 8))) + 2);
  if (want.reduce((a, b) => a + b, 0) <= room) return want;
  const spare = Math.max(0, room - need.reduce((a, b) => a + b, 0));
  const extra = columns.map((c) => want[c]! - need[c]!);
  const extraTotal = extra.reduce((a, b) => a + b, 0);
  const widths = columns.map((c) => need[c]! + Math.floor((spare * extra[c]!) / Math.max(1, extraTotal)));
  // Hand out what rounding left, one column at a time, to the columns still short of what they want.
  let left = room - widths.reduce((a, b) => a + b, 0);
  for (let c = 0; left > 0 && c < count; c++) {
    const give = Math.min(left, want[c]! - widths[c]!);
    widths[c]! += give;
    left -= give;
  }
  return widths;
}

export type Align = 'left' | 'right';

/** A table sized to the screen: columns shrink and wrap at word boundaries, numbers are never cut. */
export function fitTable(
  head: string[],
  rows: string[][],
  opts: { screen: Screen; color: boolean; align?: Align[] },
): string {
  const widths = fitColumns([head, ...rows], opts.screen.width);
  const fit = (row: string[]) => row.map((cell, i) => wrap(cell, widths[i]! - 2).join('\n'));
  const look = tableLook(opts.color, opts.screen.ascii);
  const align = opts.align ?? head.map(() => 'left' as const);
  if (!opts.color) {
    const drawn = plainTable(fit(head), rows.map(fit), widths, align, look.chars);
    if (drawn !== null) return drawn;
  }
  const table = new Table({ head: fit(head), colWidths: widths, colAligns: align, ...look });
  for (const row of rows) table.push(fit(row));
  return table.toString();
}
