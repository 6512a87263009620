import { CloseOutlined } from '@ant-design/icons';
import {
  AGGREGATES,
  type AggregateSource,
  type Aggregate,
  type Entity,
} from '@formwork/definitions';
import { AutoComplete, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { liveFields, relatedEntitiesOf, viaFieldsOf } from '../utils/checkDraft';
import { describeFilter } from '../utils/describeSource';
import { Labeled } from './Labeled';

interface AggregateSourceFieldsProps {
  source: AggregateSource;
  /** The classifier's entity: the related records point at it through `via`. */
  entity: string;
  entities: Entity[];
  onChange: (source: AggregateSource) => void;
  testId: (name: string) => string;
}

type AggregateLabel =
  | 'aggregate'
  | 'entity'
  | 'via'
  | 'field'
  | 'records'
  | 'window'
  | 'always'
  | 'dateField'
  | 'where'
  | 'removeWhere';

const DATES = new Set(['date', 'datetime']);
const WINDOWS = ['P30D', 'P90D', 'P365D'];

const fieldOptions = (entity: Entity | undefined, keep: (type: string) => boolean = () => true) =>
  liveFields(entity)
    .filter((field) => keep(field.type))
    .map((field) => ({ value: field.key, label: `${field.name} (${field.key})` }));

/** An input computed over related records: sum of order.amount in the last 365 days. */
export function AggregateSourceFields(props: AggregateSourceFieldsProps) {
  const { source, entity, entities, onChange, testId } = props;
  const { t } = useTranslation();
  const related = entities.find((candidate) => candidate.key === source.entity);
  const set = (patch: Partial<AggregateSource>) => {
    const next: AggregateSource = { ...source, ...patch };
    for (const key of ['field', 'window', 'dateField', 'where'] as const)
      if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  const label = (name: AggregateLabel) => t(`classifiers.columns.aggregate.${name}`);

  return (
    <div className="fw-column-fields">
      <Labeled label={label('aggregate')}>
        <Select<Aggregate>
          size="small"
          aria-label={label('aggregate')}
          value={source.aggregate}
          popupMatchSelectWidth={false}
          options={AGGREGATES.map((value) => ({
            value,
            label: t(`classifiers.aggregates.${value}`),
          }))}
          onChange={(aggregate) => set({ aggregate })}
          data-testid={testId('aggregate')}
        />
      </Labeled>
      <Labeled label={label('entity')}>
        <Select
          size="small"
          aria-label={label('entity')}
          value={source.entity || undefined}
          popupMatchSelectWidth={false}
          notFoundContent={t('classifiers.columns.aggregate.noRelated')}
          options={relatedEntitiesOf(entities, entity).map((other) => ({
            value: other.key,
            label: `${other.name} (${other.key})`,
          }))}
          onChange={(key: string) => {
            const other = entities.find((candidate) => candidate.key === key);
            set({ entity: key, via: viaFieldsOf(other, entity)[0]?.key ?? '', field: undefined });
          }}
          data-testid={testId('entity')}
        />
      </Labeled>
      <Labeled label={label('via')}>
        <Select
          size="small"
          aria-label={label('via')}
          value={source.via || undefined}
          popupMatchSelectWidth={false}
          options={viaFieldsOf(related, entity).map((field) => ({
            value: field.key,
            label: `${field.name} (${field.key})`,
          }))}
          onChange={(via: string) => set({ via })}
          data-testid={testId('via')}
        />
      </Labeled>
      <Labeled label={label('field')}>
        <Select
          size="small"
          aria-label={label('field')}
          allowClear={source.aggregate === 'count'}
          value={source.field}
          placeholder={source.aggregate === 'count' ? label('records') : undefined}
          popupMatchSelectWidth={false}
          options={fieldOptions(related)}
          onChange={(field?: string) => set({ field })}
          data-testid={testId('agg-field')}
        />
      </Labeled>
      <Labeled label={label('window')}>
        <AutoComplete
          size="small"
          aria-label={label('window')}
          allowClear
          value={source.window ?? ''}
          placeholder={label('always')}
          popupMatchSelectWidth={false}
          options={WINDOWS.map((value) => ({
            value,
            label: t('classifiers.columns.aggregate.windowDays', { days: value.slice(1, -1) }),
          }))}
          onChange={(text?: string) => {
            const window = text?.trim().toUpperCase() || undefined;
            const firstDate = fieldOptions(related, (type) => DATES.has(type))[0]?.value;
            set({ window, dateField: window ? (source.dateField ?? firstDate) : undefined });
          }}
          data-testid={testId('window')}
        />
      </Labeled>
      {source.window !== undefined && (
        <Labeled label={label('dateField')}>
          <Select
            size="small"
            aria-label={label('dateField')}
            value={source.dateField}
            popupMatchSelectWidth={false}
            options={fieldOptions(related, (type) => DATES.has(type))}
            onChange={(dateField: string) => set({ dateField })}
            data-testid={testId('date-field')}
          />
        </Labeled>
      )}
      {source.where && (
        <Tag
          closable
          closeIcon={<CloseOutlined aria-label={label('removeWhere')} />}
          onClose={() => set({ where: undefined })}
          data-testid={testId('where')}
        >
          {label('where')}: <code>{describeFilter(source.where)}</code>
        </Tag>
      )}
    </div>
  );
}
