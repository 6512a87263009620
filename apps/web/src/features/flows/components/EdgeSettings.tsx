import { DeleteOutlined } from '@ant-design/icons';
import { APPROVAL_OUTCOMES, type Filter, type FlowEdge } from '@formwork/definitions';
import { Button, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { displayName } from '../utils/describeProblem';
import { patchData, textValue } from '../utils/nodeData';
import { ConditionBuilder } from './ConditionBuilder';
import { Setting, settingId } from './Setting';

interface EdgeSettingsProps {
  state: FlowEditorState;
  edge: FlowEdge;
  problems: readonly string[];
}

/** A selected edge: a decision's condition or default, an approval's outcome, a label. */
export function EdgeSettings({ state, edge, problems }: EdgeSettingsProps) {
  const { t } = useTranslation();
  const { draft, run } = state;
  const data = edge.data ?? {};
  const source = draft.nodes.find((node) => node.id === edge.source);
  const target = draft.nodes.find((node) => node.id === edge.target);
  const set = (patch: Record<string, unknown>) =>
    run(
      { type: 'setEdgeData', id: edge.id, data: patchData(data, patch) },
      `edge:${edge.id}:${Object.keys(patch).join()}`,
    );

  return (
    <div data-testid="flow-edge-settings" data-edge-id={edge.id}>
      <Typography.Title level={3} className="fw-flow-panel-title">
        {t('flows.edge.title', {
          from: displayName(source, edge.source, t),
          to: displayName(target, edge.target, t),
        })}
      </Typography.Title>
      {problems.length > 0 && (
        <ul
          className="fw-error-list fw-flow-panel-problems"
          data-testid="flow-edge-settings-problems"
        >
          {problems.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {source?.type === 'decision' && (
        <>
          <Setting label={t('flows.edge.branch')} name="branch">
            <Radio.Group
              id={settingId('branch')}
              data-testid={settingId('branch')}
              value={data.default === true ? 'default' : 'condition'}
              onChange={(event) =>
                set(
                  event.target.value === 'default'
                    ? { default: true, condition: undefined }
                    : { default: undefined },
                )
              }
              options={[
                { value: 'condition', label: t('flows.edge.whenCondition') },
                { value: 'default', label: t('flows.edge.default') },
              ]}
            />
          </Setting>
          {data.default !== true && (
            <ConditionBuilder
              key={edge.id}
              app={state.appData}
              nodes={draft.nodes}
              value={data.condition as Filter | undefined}
              onChange={(condition) => set({ condition })}
            />
          )}
        </>
      )}
      {source?.type === 'approval' && (
        <Setting label={t('flows.edge.outcome')} name="outcome">
          <Select
            id={settingId('outcome')}
            data-testid={settingId('outcome')}
            value={textValue(data.outcome) || undefined}
            onChange={(outcome: string) => set({ outcome })}
            options={APPROVAL_OUTCOMES.map((outcome) => ({
              value: outcome,
              label: t(`flows.edge.outcomes.${outcome}`),
            }))}
          />
        </Setting>
      )}
      <Setting label={t('flows.edge.label')} name="edge-label" hint={t('flows.edge.labelHint')}>
        <Input
          id={settingId('edge-label')}
          data-testid={settingId('edge-label')}
          value={textValue(data.label)}
          maxLength={200}
          onChange={(event) => set({ label: event.target.value || undefined })}
        />
      </Setting>
      <Button
        danger
        icon={<DeleteOutlined aria-hidden />}
        onClick={() => run({ type: 'remove', nodeIds: [], edgeIds: [edge.id] })}
        data-testid="flow-edge-delete"
      >
        {t('flows.edge.delete')}
      </Button>
    </div>
  );
}
