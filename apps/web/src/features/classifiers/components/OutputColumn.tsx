import { DeleteOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { Button, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';
import { liveFields } from '../utils/checkDraft';
import { CellMessages } from './CellMessages';
import { DefaultValueInput } from './DefaultValueInput';
import { Labeled } from './Labeled';

interface OutputColumnProps {
  state: ClassifierEditorState;
  index: number;
  entity: Entity | undefined;
}

/** Not written by classifiers: system-managed or files. */
const NOT_WRITABLE = new Set(['file', 'relation', 'user']);

/** One output column: the field it writes and its default. */
export function OutputColumn({ state, index, entity }: OutputColumnProps) {
  const { t } = useTranslation();
  const { draft, dispatch } = state;
  const output = draft.outputs[index];
  if (!output) return null;
  const errors = state.errors.outputs[index] ?? [];
  const fields = liveFields(entity);
  const field = fields.find((candidate) => candidate.key === output.field);
  const testId = (name: string) => `classifier-output-${name}-${index}`;
  const fieldLabel = t('classifiers.columns.outputField');
  const defaultLabel = t('classifiers.columns.default');

  return (
    <div
      className={errors.length > 0 ? 'fw-column-card fw-has-error' : 'fw-column-card'}
      data-testid={`classifier-output-${index}`}
      data-output-field={output.field}
    >
      <div className="fw-column-fields">
        <Labeled label={fieldLabel}>
          <Select
            size="small"
            aria-label={fieldLabel}
            value={output.field || undefined}
            popupMatchSelectWidth={false}
            showSearch={{ optionFilterProp: 'label' }}
            options={fields
              .filter((candidate) => !NOT_WRITABLE.has(candidate.type))
              .map((candidate) => ({
                value: candidate.key,
                label: `${candidate.name} (${candidate.key})`,
                disabled: draft.outputs.some(
                  (other, at) => at !== index && other.field === candidate.key,
                ),
              }))}
            onChange={(next: string) =>
              dispatch({ type: 'updateOutput', index, output: { field: next } })
            }
            data-testid={testId('field')}
          />
        </Labeled>
        <Labeled label={defaultLabel}>
          <DefaultValueInput
            field={field}
            value={output.default}
            label={defaultLabel}
            testId={testId('default')}
            onChange={(value) =>
              dispatch({
                type: 'updateOutput',
                index,
                output:
                  value === undefined
                    ? { field: output.field }
                    : { field: output.field, default: value },
              })
            }
          />
        </Labeled>
        <Tooltip title={t('classifiers.columns.removeOutput', { field: output.field })}>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('classifiers.columns.removeOutput', { field: output.field })}
            onClick={() => dispatch({ type: 'removeOutput', index })}
            data-testid={testId('remove')}
          />
        </Tooltip>
      </div>
      <CellMessages errors={errors} testId={testId('error')} />
    </div>
  );
}
