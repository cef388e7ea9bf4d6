/**
 * A schema built on first use: the value stands for what `make` returns (same type, same behaviour), but
 * nothing is constructed until a property is read — so a command that never validates that shape never
 * pays for building it at start-up.
 */
export function lazySchema<T extends object>(make: () => T): T {
  let real: T | undefined;
  const built = () => (real ??= make());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(built(), key),
    has: (_, key) => Reflect.has(built(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
}
