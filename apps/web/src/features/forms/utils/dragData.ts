/** The drag payload of a field (from the palette or from the form): its key. */
export const FIELD_DRAG_TYPE = 'application/x-formwork-form-field';

export function startFieldDrag(event: React.DragEvent, key: string): void {
  event.dataTransfer.setData(FIELD_DRAG_TYPE, key);
  event.dataTransfer.setData('text/plain', key);
  event.dataTransfer.effectAllowed = 'move';
}

export function draggedFieldKey(event: React.DragEvent): string | undefined {
  return event.dataTransfer.getData(FIELD_DRAG_TYPE) || undefined;
}

export const isFieldDrag = (event: React.DragEvent) =>
  event.dataTransfer.types.includes(FIELD_DRAG_TYPE);
