import { PlusOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { Button, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';
import { liveFields } from '../utils/checkDraft';
import { newUid } from '../utils/classifierDraft';
import { defaultSource, keyForSource } from '../utils/sourceDefaults';
import { InputColumn } from './InputColumn';
import { OutputColumn } from './OutputColumn';
import { PresetPicker } from './PresetPicker';

interface ColumnsCardProps {
  state: ClassifierEditorState;
  entity: Entity | undefined;
  entities: Entity[];
}

/** The table's input columns (what it looks at) and output columns (what it writes). */
export function ColumnsCard({ state, entity, entities }: ColumnsCardProps) {
  const { t } = useTranslation();
  const { draft, dispatch } = state;

  const addInput = () => {
    const source = defaultSource('field', draft, entities);
    const key = keyForSource(
      source,
      draft.inputs.map((input) => input.key),
    );
    dispatch({ type: 'addInput', input: { uid: newUid(), key, source } });
  };
  const addOutput = () => {
    const used = new Set(draft.outputs.map((output) => output.field));
    const fields = liveFields(entity).filter((field) => !used.has(field.key));
    const field = fields.find((candidate) => candidate.type === 'select') ?? fields[0];
    dispatch({ type: 'addOutput', output: { uid: newUid(), field: field?.key ?? '' } });
  };

  return (
    <Card
      size="small"
      className="fw-block"
      title={t('classifiers.columns.title')}
      extra={<PresetPicker state={state} entities={entities} />}
      data-testid="classifier-columns"
    >
      <div className="fw-columns">
        <div>
          <Typography.Title level={3} className="fw-subsection-title">
            {t('classifiers.columns.inputs')}
          </Typography.Title>
          {draft.inputs.length === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('classifiers.columns.noInputs')}
              data-testid="classifier-inputs-empty"
            />
          )}
          {draft.inputs.map((input, index) => (
            <InputColumn
              key={input.uid}
              state={state}
              index={index}
              entity={entity}
              entities={entities}
            />
          ))}
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={addInput}
            disabled={!entity}
            data-testid="classifier-input-add"
          >
            {t('classifiers.columns.addInput')}
          </Button>
        </div>
        <div>
          <Typography.Title level={3} className="fw-subsection-title">
            {t('classifiers.columns.outputs')}
          </Typography.Title>
          {draft.outputs.length === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('classifiers.columns.noOutputs')}
              data-testid="classifier-outputs-empty"
            />
          )}
          {draft.outputs.map((output, index) => (
            <OutputColumn key={output.uid} state={state} index={index} entity={entity} />
          ))}
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={addOutput}
            disabled={!entity}
            data-testid="classifier-output-add"
          >
            {t('classifiers.columns.addOutput')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
