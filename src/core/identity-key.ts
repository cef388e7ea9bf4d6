const ids = new WeakMap<object, number>();
let next = 0;

/**
 * A number for an object, the same for as long as it lives and never another's: what a memo keys on when
 * the objects it was computed from (a fleet sizing the plan's memo returned) are the inputs themselves.
 */
export function identity(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = next++;
    ids.set(o, id);
  }
  return id;
}
