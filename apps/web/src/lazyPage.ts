import { lazy, type ComponentType } from 'react';

/** React.lazy for a module's named export: each page becomes its own chunk. */
export function lazyPage<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
