import { useState, type DragEvent } from 'react';
import { draggedFieldKey, isFieldDrag } from '../utils/dragData';

/**
 * Drop handling for a place a designer field can be dropped on. `nested` targets (a row inside a
 * group) keep the event to themselves so the group around them does not also take the drop.
 */
export function useFieldDropTarget(onDropKey: (key: string) => void, nested = false) {
  const [isDropTarget, setDropTarget] = useState(false);
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!isFieldDrag(event)) return;
      event.preventDefault();
      if (nested) event.stopPropagation();
      setDropTarget(true);
    },
    onDragLeave: () => setDropTarget(false),
    onDrop: (event: DragEvent) => {
      const key = draggedFieldKey(event);
      setDropTarget(false);
      if (!key) return;
      event.preventDefault();
      if (nested) event.stopPropagation();
      onDropKey(key);
    },
  };
  return { isDropTarget, dropHandlers };
}
