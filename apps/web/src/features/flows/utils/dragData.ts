import { isNodeType, type NodeType } from '@formwork/definitions';

/** The drag payload of a palette item: the node type. */
export const NODE_DRAG_TYPE = 'application/x-formwork-flow-node';

export function startNodeDrag(event: React.DragEvent, type: NodeType): void {
  event.dataTransfer.setData(NODE_DRAG_TYPE, type);
  event.dataTransfer.setData('text/plain', type);
  event.dataTransfer.effectAllowed = 'copy';
}

export function draggedNodeType(event: React.DragEvent): NodeType | undefined {
  const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
  return isNodeType(type) ? type : undefined;
}

export const isNodeDrag = (event: React.DragEvent) =>
  event.dataTransfer.types.includes(NODE_DRAG_TYPE);
