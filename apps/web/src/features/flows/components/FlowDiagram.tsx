import type { FlowGraph } from '@formwork/definitions';
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCanvasElements } from '../hooks/useCanvasElements';
import { useMeasuredSizes } from '../hooks/useMeasuredSizes';
import type { Highlight } from '../utils/canvasTypes';
import { EDGE_DEFAULTS, EDGE_VIEWS, FIT_VIEW_OPTIONS, NODE_VIEWS } from './canvasConfig';
import './flows.css';

interface FlowDiagramProps {
  graph: FlowGraph;
  highlight?: Highlight | null;
  testId?: string;
}

/** A flow's graph to look at (an instance's version): no editing, the run highlighted. */
export function FlowDiagram({ graph, highlight, testId }: FlowDiagramProps) {
  const { sizes, onSizeChanges } = useMeasuredSizes();
  const { nodes, edges } = useCanvasElements({
    nodes: graph.nodes,
    edges: graph.edges,
    highlight,
    measured: sizes,
    readOnly: true,
  });
  return (
    <div className="fw-flow-diagram" data-testid={testId}>
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_VIEWS}
          edgeTypes={EDGE_VIEWS}
          defaultEdgeOptions={EDGE_DEFAULTS}
          onNodesChange={onSizeChanges}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.1}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
