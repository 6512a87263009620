import { DeleteOutlined } from '@ant-design/icons';
import type { Entity, InputSource } from '@formwork/definitions';
import { Button, Input, Segmented, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';
import { defaultSource, kindOf, SOURCE_KINDS, type SourceKind } from '../utils/sourceDefaults';
import { AggregateSourceFields } from './AggregateSourceFields';
import { CellMessages } from './CellMessages';
import { FieldSourceFields } from './FieldSourceFields';
import { MeasureSourceFields } from './MeasureSourceFields';

interface InputColumnProps {
  state: ClassifierEditorState;
  index: number;
  entity: Entity | undefined;
  entities: Entity[];
}

/** One input column: its key and where its value comes from. */
export function InputColumn({ state, index, entity, entities }: InputColumnProps) {
  const { t } = useTranslation();
  const { draft, dispatch } = state;
  const input = draft.inputs[index];
  if (!input) return null;
  const errors = state.errors.inputs[index] ?? [];
  const kind = kindOf(input.source);
  const testId = (name: string) => `classifier-input-${name}-${index}`;
  const update = (change: { key?: string; source?: InputSource }) =>
    dispatch({
      type: 'updateInput',
      index,
      input: { key: change.key ?? input.key, source: change.source ?? input.source },
    });

  return (
    <div
      className={errors.length > 0 ? 'fw-column-card fw-has-error' : 'fw-column-card'}
      data-testid={`classifier-input-${index}`}
      data-input-key={input.key}
    >
      <div className="fw-column-head">
        <Input
          size="small"
          value={input.key}
          aria-label={t('classifiers.columns.inputKey', { number: index + 1 })}
          onChange={(event) => update({ key: event.target.value })}
          spellCheck={false}
          autoCapitalize="none"
          maxLength={40}
          data-testid={testId('key')}
        />
        <Segmented<SourceKind>
          size="small"
          value={kind}
          options={SOURCE_KINDS.map((value) => ({
            value,
            label: t(`classifiers.columns.kind.${value}`),
          }))}
          onChange={(next) => update({ source: defaultSource(next, draft, entities, input.key) })}
          data-testid={testId('kind')}
        />
        <Tooltip title={t('classifiers.columns.removeInput', { key: input.key })}>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('classifiers.columns.removeInput', { key: input.key })}
            onClick={() => dispatch({ type: 'removeInput', index })}
            data-testid={testId('remove')}
          />
        </Tooltip>
      </div>
      {'measure' in input.source ? (
        <MeasureSourceFields
          source={input.source}
          others={draft.inputs.filter((other) => other.uid !== input.uid)}
          onChange={(source) => update({ source })}
          testId={testId}
        />
      ) : 'aggregate' in input.source ? (
        <AggregateSourceFields
          source={input.source}
          entity={draft.entity}
          entities={entities}
          onChange={(source) => update({ source })}
          testId={testId}
        />
      ) : (
        <FieldSourceFields
          source={input.source}
          entity={entity}
          onChange={(source) => update({ source })}
          testId={testId}
        />
      )}
      <CellMessages errors={errors} testId={testId('error')} />
    </div>
  );
}
