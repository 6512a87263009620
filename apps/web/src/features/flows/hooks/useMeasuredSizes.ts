import type { NodeChange } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { Size } from '../utils/canvasTypes';

/**
 * Keeps the sizes React Flow measured, so that a node object rebuilt after an edit carries its
 * size (without it, React Flow hides and measures the node again: a flicker per edit).
 */
export function useMeasuredSizes() {
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const onSizeChanges = useCallback((changes: readonly NodeChange[]) => {
    const measured = changes.flatMap((change) =>
      change.type === 'dimensions' && change.dimensions
        ? [{ id: change.id, size: change.dimensions }]
        : [],
    );
    if (measured.length === 0) return;
    setSizes((current) => {
      const changed = measured.filter(({ id, size }) => {
        const known = current.get(id);
        return !known || known.width !== size.width || known.height !== size.height;
      });
      if (changed.length === 0) return current;
      const next = new Map(current);
      for (const { id, size } of changed) next.set(id, size);
      return next;
    });
  }, []);
  return { sizes, onSizeChanges };
}
