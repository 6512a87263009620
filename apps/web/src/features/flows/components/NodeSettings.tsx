import { DeleteOutlined } from '@ant-design/icons';
import { isNodeType, type FlowNode } from '@formwork/definitions';
import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { nodeName } from '../utils/describeProblem';
import { canConnect, newEdge } from '../utils/edgeDefaults';
import { hasInput, hasOutput } from '../utils/nodeCatalog';
import { patchData, textValue } from '../utils/nodeData';
import { NodeTypeIcon } from './NodeTypeIcon';
import type { NodeSettingsProps } from './nodeSettingsProps';
import { CreateRecordSettings, UpdateRecordSettings } from './RecordStepSettings';
import { Setting, settingId } from './Setting';
import { NotifySettings, ReferenceSettings, WaitSettings, WebhookSettings } from './StepSettings';
import { TaskSettings } from './TaskSettings';
import { TriggerSettings } from './TriggerSettings';

const SETTINGS: Partial<Record<string, ComponentType<NodeSettingsProps>>> = {
  form_task: TaskSettings,
  approval: TaskSettings,
  wait: WaitSettings,
  update_record: UpdateRecordSettings,
  create_record: CreateRecordSettings,
  classify: ReferenceSettings,
  subflow: ReferenceSettings,
  notify: NotifySettings,
  webhook: WebhookSettings,
};

interface NodeSettingsPanelProps {
  state: FlowEditorState;
  node: FlowNode;
  /** The translated problems of this node, with the setting each is about. */
  problems: readonly { setting: string; text: string }[];
  triggerProblemsOf: (setting: string) => string[];
}

/** The selected node: its own settings, a keyboard way to connect it, delete. */
export function NodeSettings({ state, node, problems, triggerProblemsOf }: NodeSettingsPanelProps) {
  const { t } = useTranslation();
  const { draft, run } = state;
  const Specific = SETTINGS[node.type];
  const set = (patch: Record<string, unknown>) =>
    run(
      { type: 'setNodeData', id: node.id, data: patchData(node.data, patch) },
      `node:${node.id}:${Object.keys(patch).join()}`,
    );
  const problemsOf = (setting: string) =>
    problems
      .filter((p) => p.setting === setting || p.setting.startsWith(`${setting}.`))
      .map((p) => p.text);
  const general = problems.filter((p) => p.setting === '').map((p) => p.text);
  const isTask = node.type === 'form_task' || node.type === 'approval';
  const targets = draft.nodes.filter(
    (other) => hasInput(other.type) && canConnect(draft.edges, node.id, other.id),
  );

  return (
    <div data-testid="flow-node-settings" data-node-id={node.id}>
      <Space className="fw-flow-panel-title">
        <NodeTypeIcon type={node.type} />
        <Typography.Title level={3} className="fw-flow-panel-title">
          {isNodeType(node.type) ? t(`flows.nodeTypes.${node.type}`) : node.type}
        </Typography.Title>
        <Tag className="fw-key-tag">{node.id}</Tag>
      </Space>
      {general.length > 0 && (
        <ul
          className="fw-error-list fw-flow-panel-problems"
          data-testid="flow-node-settings-problems"
        >
          {general.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {!isTask && (
        <Setting label={t('flows.settings.label')} name="label" problems={problemsOf('label')}>
          <Input
            id={settingId('label')}
            data-testid={settingId('label')}
            value={textValue(node.data.label)}
            maxLength={200}
            placeholder={isNodeType(node.type) ? t(`flows.nodeTypes.${node.type}`) : undefined}
            onChange={(event) => set({ label: event.target.value || undefined })}
          />
        </Setting>
      )}
      {node.type === 'start' && (
        <TriggerSettings
          trigger={draft.trigger}
          app={state.appData}
          onChange={(trigger) => run({ type: 'setTrigger', trigger }, 'trigger')}
          problemsOf={triggerProblemsOf}
        />
      )}
      {Specific && <Specific node={node} app={state.appData} set={set} problemsOf={problemsOf} />}
      {hasOutput(node.type) && targets.length > 0 && (
        <Setting
          label={t('flows.settings.connectTo')}
          name="connect"
          hint={t('flows.settings.connectHint')}
        >
          <Select<string>
            id={settingId('connect')}
            data-testid={settingId('connect')}
            value={null}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('flows.settings.pickNode')}
            onChange={(target) =>
              run({ type: 'connect', edge: newEdge(node, target, draft.edges) })
            }
            options={targets.map((other) => ({
              value: other.id,
              label: `${nodeName(other)} (${other.id})`,
            }))}
          />
        </Setting>
      )}
      <Button
        danger
        icon={<DeleteOutlined aria-hidden />}
        onClick={() => run({ type: 'remove', nodeIds: [node.id], edgeIds: [] })}
        data-testid="flow-node-delete"
      >
        {t('flows.settings.deleteNode')}
      </Button>
    </div>
  );
}
