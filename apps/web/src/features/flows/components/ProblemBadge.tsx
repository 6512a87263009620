import { WarningFilled } from '@ant-design/icons';
import { Tooltip } from 'antd';

/** The red mark on an invalid node or edge; hovering (or focusing) it lists the problems. */
export function ProblemBadge({
  problems,
  testId,
}: {
  problems: readonly string[];
  testId: string;
}) {
  if (problems.length === 0) return null;
  return (
    <Tooltip
      title={
        <ul className="fw-flow-tooltip-list">
          {problems.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      }
    >
      <span
        className="fw-flow-badge"
        role="img"
        tabIndex={0}
        aria-label={problems.join(' ')}
        data-testid={testId}
      >
        <WarningFilled aria-hidden /> {problems.length}
      </span>
    </Tooltip>
  );
}
