import { ApartmentOutlined, ExpandOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { useReactFlow } from '@xyflow/react';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { layoutGraph } from '../utils/layoutGraph';
import { FIT_VIEW_OPTIONS } from './canvasConfig';

/** Undo, redo, auto-layout, fit to view (zoom in/out sit on the canvas). */
export function EditorToolbar({ state }: { state: FlowEditorState }) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const fit = () => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 });
  const tool = (
    label: string,
    icon: React.ReactNode,
    onClick: () => void,
    testId: string,
    disabled = false,
  ) => (
    <Tooltip title={label}>
      <Button
        icon={icon}
        onClick={onClick}
        disabled={disabled}
        aria-label={label}
        data-testid={testId}
      />
    </Tooltip>
  );

  return (
    <Space wrap className="fw-flow-toolbar" role="toolbar" aria-label={t('flows.editor.toolbar')}>
      {tool(
        t('flows.editor.undo'),
        <UndoOutlined aria-hidden />,
        state.undo,
        'flow-undo',
        !state.canUndo,
      )}
      {tool(
        t('flows.editor.redo'),
        <RedoOutlined aria-hidden />,
        state.redo,
        'flow-redo',
        !state.canRedo,
      )}
      {tool(
        t('flows.editor.layout'),
        <ApartmentOutlined aria-hidden />,
        () => {
          state.run({
            type: 'moveNodes',
            positions: layoutGraph(state.draft.nodes, state.draft.edges),
          });
          // After React Flow has the new positions.
          setTimeout(fit, 0);
        },
        'flow-layout',
        state.draft.nodes.length === 0,
      )}
      {tool(t('flows.editor.fit'), <ExpandOutlined aria-hidden />, fit, 'flow-fit')}
    </Space>
  );
}
