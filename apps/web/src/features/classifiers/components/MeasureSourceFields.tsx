import {
  MEASURES,
  type Measure,
  type MeasureOrder,
  type MeasureSource,
} from '@formwork/definitions';
import { InputNumber, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DraftInput } from '../utils/classifierDraft';
import { Labeled } from './Labeled';

interface MeasureSourceFieldsProps {
  source: MeasureSource;
  /** The other inputs: a measure ranks one of them (not another measure). */
  others: DraftInput[];
  onChange: (source: MeasureSource) => void;
  testId: (name: string) => string;
}

/** A population measure of another input: percentile rank, cumulative share, n-tile. */
export function MeasureSourceFields({
  source,
  others,
  onChange,
  testId,
}: MeasureSourceFieldsProps) {
  const { t } = useTranslation();
  const label = (name: 'measure' | 'of' | 'n' | 'order' | 'asc' | 'desc') =>
    t(`classifiers.columns.measure.${name}`);
  const set = (patch: Partial<MeasureSource>) => {
    const next: MeasureSource = { ...source, ...patch };
    if (next.measure !== 'ntile') delete next.n;
    else next.n ??= 5;
    if (next.order !== 'desc') delete next.order;
    onChange(next);
  };

  return (
    <div className="fw-column-fields">
      <Labeled label={label('measure')}>
        <Select<Measure>
          size="small"
          aria-label={label('measure')}
          value={source.measure}
          popupMatchSelectWidth={false}
          options={MEASURES.map((value) => ({ value, label: t(`classifiers.measures.${value}`) }))}
          onChange={(measure) => set({ measure })}
          data-testid={testId('measure')}
        />
      </Labeled>
      <Labeled label={label('of')}>
        <Select
          size="small"
          aria-label={label('of')}
          value={source.of || undefined}
          popupMatchSelectWidth={false}
          options={others
            .filter((input) => !('measure' in input.source))
            .map((input) => ({ value: input.key, label: input.key }))}
          onChange={(of: string) => set({ of })}
          data-testid={testId('of')}
        />
      </Labeled>
      {source.measure === 'ntile' && (
        <Labeled label={label('n')}>
          <InputNumber
            size="small"
            aria-label={label('n')}
            min={2}
            max={1000}
            precision={0}
            value={source.n ?? 5}
            onChange={(n) => set({ n: n ?? 5 })}
            data-testid={testId('n')}
          />
        </Labeled>
      )}
      <Labeled label={label('order')}>
        <Segmented<MeasureOrder>
          size="small"
          value={source.order ?? 'asc'}
          options={[
            { value: 'asc', label: label('asc') },
            { value: 'desc', label: label('desc') },
          ]}
          onChange={(order) => set({ order })}
          data-testid={testId('order')}
        />
      </Labeled>
    </div>
  );
}
