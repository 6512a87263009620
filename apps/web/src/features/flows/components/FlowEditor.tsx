import { ExperimentOutlined } from '@ant-design/icons';
import type { Flow } from '@formwork/definitions';
import type { FlowError } from '@formwork/flows';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Alert, Button, Space, Tabs, Tag } from 'antd';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchFlow } from '../api/flows';
import { useAddNode } from '../hooks/useAddNode';
import { useEditorShortcuts } from '../hooks/useEditorShortcuts';
import { useFlowEditor, type FlowEditorState } from '../hooks/useFlowEditor';
import { draftFromFlow } from '../utils/flowDraft';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useUnsavedChangesPrompt } from '../../shell/hooks/useUnsavedChangesPrompt';
import { FIT_VIEW_OPTIONS } from './canvasConfig';
import { EditorCanvas } from './EditorCanvas';
import { EditorToolbar } from './EditorToolbar';
import { FlowInstancesTab } from './FlowInstancesTab';
import { NodePalette } from './NodePalette';
import { PublishButton } from './PublishButton';
import { SaveStatusTag } from './SaveStatusTag';
import { SidePanel } from './SidePanel';
import './flows.css';

// The simulator brings XState along: loaded when first opened.
const SimulatePanel = lazy(async () => ({
  default: (await import('./SimulatePanel')).SimulatePanel,
}));

interface FlowEditorProps {
  app: string;
  /** The flow as last fetched (its publishedVersion follows publishing). */
  flow: Flow;
}

/** The flow editor: palette, canvas and settings; instances in a second tab. */
export function FlowEditor(props: FlowEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorBody {...props} />
    </ReactFlowProvider>
  );
}

function EditorBody({ app, flow }: FlowEditorProps) {
  const { t } = useTranslation();
  const state = useFlowEditor(app, flow);
  const [tab, setTab] = useState('design');
  const [simulating, setSimulating] = useState(false);
  useEditorShortcuts(state.undo, state.redo);
  // Pending edits are saved on the way out; only ones the engine refused or cannot take would be lost.
  useUnsavedChangesPrompt(['failed', 'conflict', 'blocked'].includes(state.autosave.status));

  return (
    <section className="fw-flow-editor" data-testid="flow-editor">
      <PageHeader
        title={state.draft.name || flow.key}
        extra={
          <Space wrap>
            <SaveStatusTag autosave={state.autosave} />
            {flow.publishedVersion === null ? (
              <Tag data-testid="flow-unpublished">{t('flows.editor.notPublished')}</Tag>
            ) : (
              <Tag color="blue" data-testid="flow-published-version">
                {t('flows.editor.version', { version: flow.publishedVersion })}
              </Tag>
            )}
            <Button
              icon={<ExperimentOutlined aria-hidden />}
              onClick={() => {
                setTab('design');
                setSimulating(true);
              }}
              data-testid="flow-simulate"
            >
              {t('flows.simulate.button')}
            </Button>
            <PublishButton state={state} />
          </Space>
        }
      />
      <ConflictAlert state={state} />
      {state.appDataError !== undefined && (
        <QueryError
          title={t('flows.editor.contextFailed')}
          error={state.appDataError}
          onRetry={state.retryAppData}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'design', label: t('flows.editor.design'), children: <DesignTab state={state} /> },
          {
            key: 'instances',
            label: <span data-testid="flow-tab-instances">{t('flows.instances.tab')}</span>,
            children: (
              <FlowInstancesTab app={app} flow={flow} triggerEntity={state.appData.triggerEntity} />
            ),
          },
        ]}
      />
      {simulating && (
        <Suspense fallback={null}>
          <SimulatePanel state={state} onClose={() => setSimulating(false)} />
        </Suspense>
      )}
    </section>
  );
}

function DesignTab({ state }: { state: FlowEditorState }) {
  const canvas = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const addNode = useAddNode(state, canvas);
  const { select } = state;

  const showProblem = useCallback(
    (problem: FlowError) => {
      const edge = problem.edgeId
        ? state.draft.edges.find((e) => e.id === problem.edgeId)
        : undefined;
      if (edge) select([], [edge.id]);
      else if (problem.nodeId) select([problem.nodeId]);
      else return select([]);
      const ids = edge ? [edge.source, edge.target] : [problem.nodeId!];
      void flow.fitView({ ...FIT_VIEW_OPTIONS, nodes: ids.map((id) => ({ id })), duration: 250 });
    },
    [state.draft.edges, select, flow],
  );

  return (
    <div className="fw-flow-workspace">
      <NodePalette onAdd={addNode} />
      <div className="fw-flow-main" ref={canvas}>
        <EditorToolbar state={state} />
        <EditorCanvas state={state} onDropNode={addNode} />
      </div>
      <SidePanel state={state} onPickProblem={showProblem} />
    </div>
  );
}

/** Someone else saved this flow meanwhile: autosave stops until their version is loaded. */
function ConflictAlert({ state }: { state: FlowEditorState }) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  if (state.autosave.status !== 'conflict') return null;
  const reload = async () => {
    setLoading(true);
    try {
      const fresh = await fetchFlow(state.app, state.flow.key);
      const draft = draftFromFlow(fresh);
      state.autosave.adopt(fresh, draft);
      state.reset(draft);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      className="fw-block"
      title={t('flows.save.conflictTitle')}
      description={t('flows.save.conflictText')}
      action={
        <Button loading={loading} onClick={() => void reload()} data-testid="flow-reload">
          {t('flows.save.reload')}
        </Button>
      }
      data-testid="flow-conflict"
    />
  );
}
