/** Where an object being cut out started, how far it has been read, and how deep in braces that is. */
export interface ObjectScan {
  start: number;
  at: number;
  depth: number;
}

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

/**
 * Everything up to the next brace outside a string: runs of other characters and whole strings. Matched
 * natively by the regular-expression engine, it replaces a loop over every character in JavaScript.
 */
const UP_TO_BRACE = /(?:[^{}"]+|"[^"\\]*(?:\\.[^"\\]*)*")*/y;

/**
 * The index of the brace that closes the object, counting braces outside strings; −1 when the text ends
 * first (`o` then says where to carry on: never inside a string).
 */
export function findObjectEnd(text: string, o: ObjectScan): number {
  let depth = o.depth;
  let i = o.at;
  const length = text.length;
  for (;;) {
    UP_TO_BRACE.lastIndex = i;
    UP_TO_BRACE.test(text);
    const next = UP_TO_BRACE.lastIndex;
    const c = next < length ? text.charCodeAt(next) : -1;
    if (c === 123) depth++;
    else if (c === 125) {
      if (--depth === 0) return next;
    } else {
      // The text ends, perhaps inside a string: carry on from the last brace seen (strings re-read).
      o.at = i;
      o.depth = depth;
      return -1;
    }
    i = next + 1;
  }
}
