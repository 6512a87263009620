import { simulateFlow } from '@formwork/flows';
import { Alert, Button, Drawer, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecord } from '../../records/hooks/useRecords';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { draftToInput } from '../utils/flowDraft';
import { highlightRun } from '../utils/highlightRun';
import { stepText, tasksOf, type MadeChoice } from '../utils/simulationSteps';
import { RecordPicker } from './RecordPicker';
import { SimulationTaskCard } from './SimulationTaskCard';

interface SimulatePanelProps {
  state: FlowEditorState;
  onClose: () => void;
}

const STATUS_COLOR = {
  completed: 'green',
  waiting: 'gold',
  stopped: 'orange',
  invalid: 'red',
  failed: 'red',
};

function parseInput(text: string): Record<string, unknown> | null {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * A test run of the draft in the browser: pick a sample record, choose each task's outcome as
 * the run reaches it, and watch the path light up on the canvas. Nothing is sent to the engine.
 */
export function SimulatePanel({ state, onClose }: SimulatePanelProps) {
  const { t } = useTranslation();
  const { draft, appData, setHighlight } = state;
  const entity = appData.triggerEntity;
  const [recordId, setRecordId] = useState<string | null>(null);
  const [inputText, setInputText] = useState('');
  const [choices, setChoices] = useState<MadeChoice[]>([]);
  const record = useRecord(appData.app, entity?.key ?? '', entity ? recordId : null);
  const input = useMemo(() => parseInput(inputText), [inputText]);
  const nodes = useMemo(() => new Map(draft.nodes.map((node) => [node.id, node])), [draft.nodes]);

  const result = useMemo(
    () =>
      simulateFlow(
        draftToInput(draft),
        { record: record.data ?? {}, input: input ?? {} },
        { tasks: tasksOf(choices) },
      ),
    [draft, record.data, input, choices],
  );

  useEffect(() => {
    const branches = result.steps.flatMap((step) => (step.kind === 'branch' ? [step.edgeId] : []));
    const outcomes = new Map<string, string[]>();
    for (const step of result.steps)
      if (step.kind === 'task_completed' && step.outcome)
        outcomes.set(step.nodeId, [...(outcomes.get(step.nodeId) ?? []), step.outcome]);
    setHighlight(
      highlightRun(draft.nodes, draft.edges, {
        path: result.path,
        current: result.waitingAt.map((wait) => wait.nodeId),
        branches,
        outcomes,
      }),
    );
  }, [result, draft.nodes, draft.edges, setHighlight]);
  useEffect(() => () => setHighlight(null), [setHighlight]);

  const waitingTasks = result.waitingAt.filter((wait) => wait.for === 'task');

  return (
    <Drawer
      open
      mask={false}
      size={420}
      title={t('flows.simulate.title')}
      onClose={onClose}
      data-testid="flow-simulate-panel"
      extra={
        <Space>
          <Button
            size="small"
            disabled={choices.length === 0}
            onClick={() => setChoices(choices.slice(0, -1))}
            data-testid="flow-sim-back"
          >
            {t('flows.simulate.back')}
          </Button>
          <Button size="small" onClick={() => setChoices([])} data-testid="flow-sim-restart">
            {t('flows.simulate.restart')}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        {entity && (
          <Form.Item
            label={t('flows.simulate.record', { entity: entity.name })}
            htmlFor="flow-sim-record"
          >
            <RecordPicker
              app={appData.app}
              entity={entity}
              value={recordId}
              onChange={(id) => {
                setRecordId(id);
                setChoices([]);
              }}
              id="flow-sim-record"
              testId="flow-sim-record"
              ariaLabel={t('flows.simulate.record', { entity: entity.name })}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('flows.simulate.input')}
          htmlFor="flow-sim-input"
          validateStatus={input === null ? 'error' : undefined}
          help={input === null ? t('flows.settings.invalidJson') : undefined}
        >
          <Input.TextArea
            id="flow-sim-input"
            data-testid="flow-sim-input"
            className="fw-json"
            value={inputText}
            placeholder='{ "channel": "phone" }'
            autoSize={{ minRows: 1, maxRows: 6 }}
            onChange={(event) => setInputText(event.target.value)}
          />
        </Form.Item>
      </Form>
      <Space className="fw-block">
        <Typography.Text strong>{t('flows.simulate.status')}</Typography.Text>
        <Tag
          color={STATUS_COLOR[result.status]}
          data-testid="flow-sim-status"
          data-status={result.status}
        >
          {t(`flows.simulate.statuses.${result.status}`)}
        </Tag>
      </Space>
      {result.status === 'invalid' && (
        <Alert
          type="warning"
          showIcon
          className="fw-block"
          title={t('flows.simulate.invalid')}
          data-testid="flow-sim-invalid"
        />
      )}
      {result.errors.length > 0 && result.status === 'failed' && (
        <Alert type="error" showIcon className="fw-block" title={result.errors[0]!.message} />
      )}
      {waitingTasks.map((wait) => (
        <SimulationTaskCard
          key={wait.nodeId}
          node={nodes.get(wait.nodeId)}
          nodeId={wait.nodeId}
          app={appData}
          onChoose={(choice) => setChoices([...choices, { nodeId: wait.nodeId, choice }])}
        />
      ))}
      <Typography.Title level={4} className="fw-flow-panel-title">
        {t('flows.simulate.trace')}
      </Typography.Title>
      <Timeline
        data-testid="flow-sim-steps"
        items={result.steps.map((step, index) => ({
          key: index,
          color: step.kind === 'enter' ? 'blue' : 'gray',
          content: (
            <span data-testid="flow-sim-step" data-kind={step.kind} data-node-id={step.nodeId}>
              {stepText(step, t, nodes)}
            </span>
          ),
        }))}
      />
    </Drawer>
  );
}
