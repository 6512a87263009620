import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { FlowError } from '@formwork/flows';
import { Badge, Button, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { describeProblem } from '../utils/describeProblem';

interface ProblemsListProps {
  state: FlowEditorState;
  /** Selects (and shows) what the problem is about. */
  onPick: (problem: FlowError) => void;
}

/** Everything the checks found; a click selects the node or edge it is about. */
export function ProblemsList({ state, onPick }: ProblemsListProps) {
  const { t } = useTranslation();
  const { errors } = state.problems;
  const nodes = state.draft.nodes;
  const texts = useMemo(() => {
    const byId = new Map(nodes.map((node) => [node.id, node]));
    return errors.map((error) => describeProblem(error, t, byId));
  }, [errors, nodes, t]);

  return (
    <section
      className="fw-flow-problems"
      aria-labelledby="flow-problems-title"
      data-testid="flow-problems"
      data-count={errors.length}
    >
      <Typography.Title level={3} id="flow-problems-title" className="fw-flow-panel-title">
        {t('flows.problemsList.title')}{' '}
        <Badge
          count={errors.length}
          showZero
          color={errors.length > 0 ? 'red' : 'green'}
          data-testid="flow-problems-count"
        />
      </Typography.Title>
      {errors.length === 0 ? (
        <Typography.Paragraph type="success" data-testid="flow-problems-none">
          <CheckCircleOutlined aria-hidden /> {t('flows.problemsList.none')}
        </Typography.Paragraph>
      ) : (
        <ol className="fw-plain-list fw-flow-problem-list">
          {errors.map((error, index) => (
            <li key={`${error.code}-${error.nodeId ?? ''}-${error.edgeId ?? ''}-${index}`}>
              <Button
                type="text"
                size="small"
                className="fw-flow-problem"
                icon={<WarningOutlined aria-hidden />}
                onClick={() => onPick(error)}
                data-testid={`flow-problem-${index}`}
                data-code={error.code}
                data-node-id={error.nodeId}
                data-edge-id={error.edgeId}
              >
                <span className="fw-flow-problem-text">{texts[index]}</span>
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
