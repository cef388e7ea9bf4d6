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
 * The index of the brace that closes the object, counting braces outside strings and jumping over each
 * string with indexOf; −1 when the text ends first (`o` then says where to carry on).
 */
export function findObjectEnd(text: string, o: ObjectScan): number {
  let depth = o.depth;
  const length = text.length;
  for (let i = o.at; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i + 1);
      if (end < 0) {
        o.at = i;
        o.depth = depth;
        return -1;
      }
      i = end;
    } else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  o.at = length;
  o.depth = depth;
  return -1;
}
