import { RefreshError } from '../../pricing/refresh/refresh-error.js';

export const QUOTE = 34;
export const COMMA = 44;
export const COLON = 58;
export const OPEN = 123;
export const CLOSE = 125;
export const BRACKET_OPEN = 91;
export const BRACKET_CLOSE = 93;

/** The index of the quote that closes a string whose text starts at `from`, or −1 when the text ends first. */
export function stringEnd(text: string, from: number): number {
  let end = text.indexOf('"', from);
  while (end >= 0) {
    let backslashes = 0;
    for (let k = end - 1; k >= from && text.charCodeAt(k) === 92; k--) backslashes++;
    if ((backslashes & 1) === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** The first index at or after `i` that is not JSON whitespace (the text's length when none). */
export function nextNonSpace(text: string, i: number): number {
  let c = text.charCodeAt(i);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
  return i;
}

/** The code of the last character before `i` that is not JSON whitespace; −1 when the text starts first. */
export function prevNonSpaceCode(text: string, i: number): number {
  let c = -1;
  for (i--; i >= 0; i--) {
    c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return c;
  }
  return -1;
}

export const notJson = (text: string, at: number) =>
  new RefreshError(`the offer file is not valid JSON near "${text.slice(Math.max(0, at - 20), at + 40).trim()}"`);

/** Where the next backslash is, searched again only once the reader has passed it (they are rare). */
export interface Backslashes {
  /** The first backslash at or after every position asked about so far, or −1: none in the rest of the text. */
  at: number;
}

export function nextBackslash(text: string, b: Backslashes, from: number): number {
  if (b.at >= 0 && b.at < from) b.at = text.indexOf('\\', from);
  return b.at;
}

/**
 * Whether the bracket at `b` lies inside a string, knowing that `at` (≤ b) lies outside: −1 when it does
 * not, the index of the string's closing quote when it does, −2 when that string runs past the text.
 *
 * The quick answer, with no backslash between `at` and `b` (so every quote delimits a string): `b` is
 * outside exactly when the last quote before it closes a string — surely so when that quote does not
 * follow (past whitespace) one of `: , { [`, which in valid JSON precede every opening quote. Otherwise
 * the strings from `at` are walked one by one (escapes included).
 */
export function stringAround(text: string, at: number, b: number, backslash: number): number {
  if (backslash < 0 || backslash > b) {
    const q = text.lastIndexOf('"', b);
    if (q < at) return -1;
    const c = prevNonSpaceCode(text, q);
    if (c !== COLON && c !== COMMA && c !== OPEN && c !== BRACKET_OPEN && c !== -1) return -1;
  }
  for (let i = at; ;) {
    const q = text.indexOf('"', i);
    if (q < 0 || q > b) return -1;
    const end = stringEnd(text, q + 1);
    if (end < 0) return -2;
    if (end > b) return end;
    i = end + 1;
  }
}

/** An object or array being walked to its closing bracket, resumable when the text runs out first. */
export interface Walk {
  /** `{` or `[` (as a character code). */
  open: number;
  /** A position outside strings, `depth` brackets deep, from which to carry on. */
  at: number;
  depth: number;
  /** Brackets opened inside so far, and where the first of them opened and closed (−1 until then). */
  inner: number;
  innerOpen: number;
  innerClose: number;
  /** Whether a backslash has been passed (a string with an escape in it). */
  escaped: boolean;
}

export const startWalk = (open: number, at: number): Walk => ({
  open,
  at,
  depth: 1,
  inner: 0,
  innerOpen: -1,
  innerClose: -1,
  escaped: false,
});

/**
 * The index of the bracket that closes the walked object or array, or −1 when the text ends first (the
 * walk then says where to carry on). Brackets are found with indexOf; one with no quote between it and the
 * last place known to lie outside strings lies outside too, as does one whose last quote follows a letter
 * or a digit, unescaped (it closes a string: an opening quote follows `: , { [` or whitespace); any other is checked
 * by stringAround.
 */
export function walkToClose(text: string, w: Walk, backslashes: Backslashes): number {
  const openChar = w.open === OPEN ? '{' : '[';
  const closeChar = w.open === OPEN ? '}' : ']';
  let at = w.at;
  let depth = w.depth;
  let nextOpen = text.indexOf(openChar, at);
  let nextClose = text.indexOf(closeChar, at);
  // The first backslash not yet passed: passing one marks the walk as escaped.
  let backslash = nextBackslash(text, backslashes, at);
  let result = -1;
  while (nextClose >= 0) {
    const opening = nextOpen >= 0 && nextOpen < nextClose;
    const b = opening ? nextOpen : nextClose;
    const q = text.lastIndexOf('"', b);
    // Outside: no quote since `at`, or the last quote closes a string (it follows a letter or digit, say).
    const before = q > at ? text.charCodeAt(q - 1) : QUOTE;
    if (q >= at && (before < 48 || before === COLON || before === OPEN || before === BRACKET_OPEN || before === 92)) {
      const inString = stringAround(text, at, b, backslash);
      if (inString === -2) break;
      if (inString >= 0) {
        at = inString + 1;
        if (backslash >= 0 && backslash < at) {
          w.escaped = true;
          backslash = text.indexOf('\\', at);
        }
        if (nextOpen >= 0 && nextOpen < at) nextOpen = text.indexOf(openChar, at);
        if (nextClose < at) nextClose = text.indexOf(closeChar, at);
        continue;
      }
    }
    at = b + 1;
    if (backslash >= 0 && backslash < at) {
      w.escaped = true;
      backslash = text.indexOf('\\', at);
    }
    if (opening) {
      if (++w.inner === 1) w.innerOpen = b;
      depth++;
      nextOpen = text.indexOf(openChar, at);
      continue;
    }
    if (--depth === 0) {
      result = b;
      break;
    }
    if (depth === 1 && w.innerClose < 0) w.innerClose = b;
    nextClose = text.indexOf(closeChar, at);
  }
  backslashes.at = backslash;
  w.at = at;
  w.depth = depth;
  return result;
}
