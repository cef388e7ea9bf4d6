/**
 * The few terminal styles the renderers use, written as chalk 5 writes them at level 1 (16 colours), byte
 * for byte (test/render/ansi.test.ts compares the two), without loading chalk: chalk asks node:tty about
 * stdout when it loads, and node:tty loads Node's stream modules, which a plan written to a pipe or a file
 * never needs.
 */
export type Style = (text: string) => string;

export interface Styles {
  bold: Style;
  dim: Style;
  red: Style;
  green: Style;
  yellow: Style;
}

const CODES: Record<keyof Styles, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
};

/** Each line closed and opened again (a style bleeds past a line break in some terminals), as chalk does. */
function encaseLines(text: string, close: string, open: string, first: number): string {
  let out = '';
  let from = 0;
  let at = first;
  do {
    const cr = text[at - 1] === '\r';
    out += `${text.slice(from, cr ? at - 1 : at)}${close}${cr ? '\r\n' : '\n'}${open}`;
    from = at + 1;
    at = text.indexOf('\n', from);
  } while (at !== -1);
  return out + text.slice(from);
}

function style(code: [number, number]): Style {
  const open = `\u001B[${code[0]}m`;
  const close = `\u001B[${code[1]}m`;
  return (text) => {
    if (!text) return text;
    // A style already closed inside the text (a dim word in a bold line) is opened again after its close.
    let styled = text.includes('\u001B') ? text.split(close).join(close + open) : text;
    const lf = styled.indexOf('\n');
    if (lf !== -1) styled = encaseLines(styled, close, open, lf);
    return open + styled + close;
  };
}

const plain: Style = (text) => text;
const COLOURED = Object.fromEntries(
  Object.entries(CODES).map(([name, code]) => [name, style(code)]),
) as unknown as Styles;
const PLAIN: Styles = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };

/** The styles for an output: coloured, or each the text unchanged. */
export const styles = (color: boolean): Styles => (color ? COLOURED : PLAIN);
