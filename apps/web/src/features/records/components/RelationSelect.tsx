import type { Field } from '@formwork/definitions';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntity } from '../../entities/hooks/useEntities';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useRecord, useRecordList } from '../hooks/useRecords';
import { recordLabel, relationId } from '../utils/formatValue';

interface RelationSelectProps {
  app: string;
  field: Field;
  value?: unknown;
  onChange?: (value: string | null) => void;
  id?: string;
  status?: 'error';
  testId?: string;
  ariaLabel?: string;
}

/** Picks the target record of a relation by searching the target entity's records. */
export function RelationSelect({
  app,
  field,
  value,
  onChange,
  id,
  status,
  testId,
  ariaLabel,
}: RelationSelectProps) {
  const { t } = useTranslation();
  const target = field.target ?? '';
  const targetEntity = useEntity(app, target);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const { list, records } = useRecordList(app, target, {
    search: debounced || undefined,
    limit: 20,
  });
  const selectedId = relationId(value);
  const selectedInList = records.some((record) => record.id === selectedId);
  const selected = useRecord(app, target, selectedInList ? null : selectedId);

  const options = useMemo(() => {
    const shown = records.map((record) => ({
      value: record.id,
      label: recordLabel(targetEntity.data, record),
    }));
    if (selected.data && !selectedInList)
      shown.unshift({
        value: selected.data.id,
        label: recordLabel(targetEntity.data, selected.data),
      });
    return shown;
  }, [records, selected.data, selectedInList, targetEntity.data]);

  return (
    <Select<string>
      id={id}
      status={status}
      data-testid={testId}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={selectedId ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={list.isFetching}
      placeholder={t('records.relationPlaceholder', {
        entity: targetEntity.data?.name ?? target,
      })}
      notFoundContent={list.isFetching ? t('app.loading') : t('records.noMatches')}
      className="fw-full-width"
    />
  );
}
