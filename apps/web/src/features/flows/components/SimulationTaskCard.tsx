import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { FlowNode } from '@formwork/definitions';
import type { TaskChoice } from '@formwork/flows';
import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formFieldKeys } from '../../forms/utils/formLayout';
import type { FlowAppData } from '../hooks/useFlowAppData';
import { displayName } from '../utils/describeProblem';

interface SimulationTaskCardProps {
  node: FlowNode | undefined;
  nodeId: string;
  app: FlowAppData;
  onChoose: (choice: TaskChoice) => void;
}

/** The task the simulated run waits at: approve or reject it, or answer its form (as JSON). */
export function SimulationTaskCard({ node, nodeId, app, onChoose }: SimulationTaskCardProps) {
  const { t } = useTranslation();
  const form = app.forms.find((candidate) => candidate.key === node?.data.form);
  const [answer, setAnswer] = useState(() =>
    JSON.stringify(
      Object.fromEntries((form ? formFieldKeys(form.schema) : []).map((key) => [key, null])),
      null,
      2,
    ),
  );
  let data: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(answer || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>;
  } catch {
    data = null;
  }
  const isApproval = node?.type === 'approval';

  return (
    <Card
      size="small"
      className="fw-block"
      title={displayName(node, nodeId, t)}
      data-testid={`flow-sim-task-${nodeId}`}
    >
      <Typography.Paragraph type="secondary">{t('flows.simulate.waitsFor')}</Typography.Paragraph>
      {(form || !isApproval) && (
        <Input.TextArea
          className="fw-json fw-block"
          aria-label={t('flows.simulate.answer')}
          value={answer}
          status={data ? undefined : 'error'}
          autoSize={{ minRows: 2, maxRows: 8 }}
          onChange={(event) => setAnswer(event.target.value)}
          data-testid={`flow-sim-answer-${nodeId}`}
        />
      )}
      {isApproval ? (
        <Space>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={!data}
            onClick={() => onChoose({ outcome: 'approve', data: data ?? {} })}
            data-testid={`flow-sim-approve-${nodeId}`}
          >
            {t('flows.edge.outcomes.approve')}
          </Button>
          <Button
            danger
            icon={<CloseOutlined aria-hidden />}
            disabled={!data}
            onClick={() => onChoose({ outcome: 'reject', data: data ?? {} })}
            data-testid={`flow-sim-reject-${nodeId}`}
          >
            {t('flows.edge.outcomes.reject')}
          </Button>
        </Space>
      ) : (
        <Button
          type="primary"
          disabled={!data}
          onClick={() => onChoose({ data: data ?? {} })}
          data-testid={`flow-sim-complete-${nodeId}`}
        >
          {t('flows.simulate.complete')}
        </Button>
      )}
    </Card>
  );
}
