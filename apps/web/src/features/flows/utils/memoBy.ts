interface Entry<R> {
  deps: readonly unknown[];
  value: R;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

/** A cache keyed by a source object: its entries go when the source goes. */
export type MemoCache<R> = WeakMap<object, Entry<R>>;

/**
 * Builds a value for a source object, or gives back the one built before when the source and
 * `deps` are the same: with 300 nodes, an edit of one rebuilds one, and the memoised components
 * of the others keep their props.
 */
export function memoBy<R>(
  cache: MemoCache<R>,
  source: object,
  deps: readonly unknown[],
  build: () => R,
): R {
  const cached = cache.get(source);
  if (cached && sameDeps(cached.deps, deps)) return cached.value;
  const value = build();
  cache.set(source, { deps, value });
  return value;
}
