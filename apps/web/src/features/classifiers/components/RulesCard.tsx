import { PlusOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { Alert, Button, Card, Empty, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';
import { useGridKeys } from '../hooks/useGridKeys';
import { newUid } from '../utils/classifierDraft';
import { describeSource } from '../utils/describeSource';
import { RuleRow } from './RuleRow';

interface RulesCardProps {
  state: ClassifierEditorState;
  entity: Entity | undefined;
}

/** The rules grid: one row per rule, one FEEL cell per input and output column. */
export function RulesCard({ state, entity }: RulesCardProps) {
  const { t } = useTranslation();
  const { draft, dispatch } = state;
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const inputNames = draft.inputs.map((input) => input.key);
  const outputNames = draft.outputs.map(
    (output) => entity?.fields.find((field) => field.key === output.field)?.name ?? output.field,
  );
  const columns = inputNames.length + outputNames.length + 1;
  const { gridRef, focusAfterRender, onCellKeyDown } = useGridKeys(
    draft.rules.length,
    columns,
    dispatch,
  );
  // With no rules yet, "nothing matches" is no news.
  const gaps = draft.rules.length > 0 ? state.check.warnings.table : [];
  const hasColumns = draft.inputs.length > 0 || draft.outputs.length > 0;

  const addRule = () => {
    focusAfterRender(draft.rules.length, 0);
    dispatch({ type: 'addRule', at: draft.rules.length, uid: newUid() });
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= draft.rules.length) return;
    dispatch({ type: 'moveRule', from, to });
  };

  return (
    <Card
      size="small"
      className="fw-block"
      title={t('classifiers.rules.title', { count: draft.rules.length })}
      data-testid="classifier-rules"
    >
      <Typography.Paragraph type="secondary" className="fw-hint">
        {t('classifiers.rules.keyboardHint')}
      </Typography.Paragraph>
      {gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="fw-block"
          title={t('classifiers.rules.gapsTitle')}
          description={
            <ul className="fw-error-list">
              {gaps.map((gap) => (
                <li key={gap}>{gap}</li>
              ))}
            </ul>
          }
          data-testid="classifier-gaps"
        />
      )}
      {!hasColumns ? (
        <Empty description={t('classifiers.rules.noColumns')} data-testid="rules-no-columns" />
      ) : (
        <div className="fw-rules-scroll">
          <table ref={gridRef} className="fw-rules-grid" data-testid="rules-grid">
            <thead>
              <tr>
                <th rowSpan={2}>#</th>
                {inputNames.length > 0 && (
                  <th colSpan={inputNames.length}>{t('classifiers.rules.when')}</th>
                )}
                {outputNames.length > 0 && (
                  <th colSpan={outputNames.length} className="fw-then-col">
                    {t('classifiers.rules.then')}
                  </th>
                )}
                <th rowSpan={2}>{t('classifiers.rules.description')}</th>
                <th rowSpan={2}>{t('classifiers.rules.enabled')}</th>
                <th rowSpan={2}>
                  <span className="fw-visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
              <tr>
                {draft.inputs.map((input) => (
                  <th key={input.uid} className="fw-cell" scope="col">
                    {input.key}
                    <span className="fw-source">{describeSource(input.source, t)}</span>
                  </th>
                ))}
                {draft.outputs.map((output, index) => (
                  <th key={output.uid} className="fw-cell fw-then-col" scope="col">
                    {outputNames[index]}
                    <span className="fw-source">{output.field}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody onDragLeave={() => setDropTarget(null)}>
              {draft.rules.map((rule, index) => (
                <RuleRow
                  key={rule.uid}
                  state={state}
                  index={index}
                  inputNames={inputNames}
                  outputNames={outputNames}
                  isDropTarget={dropTarget === index}
                  onCellKeyDown={onCellKeyDown}
                  onMove={move}
                  onDragOver={setDropTarget}
                />
              ))}
            </tbody>
          </table>
          {draft.rules.length === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('classifiers.rules.empty')}
              data-testid="rules-empty"
            />
          )}
        </div>
      )}
      <Button
        className="fw-gap-top"
        icon={<PlusOutlined aria-hidden />}
        onClick={addRule}
        disabled={!hasColumns}
        data-testid="rule-add"
      >
        {t('classifiers.rules.add')}
      </Button>
    </Card>
  );
}
