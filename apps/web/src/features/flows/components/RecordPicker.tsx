import type { Entity, Field } from '@formwork/definitions';
import { RelationSelect } from '../../records/components/RelationSelect';

interface RecordPickerProps {
  app: string;
  entity: Entity;
  value: string | null;
  onChange: (id: string | null) => void;
  id?: string;
  testId: string;
  ariaLabel: string;
}

/** Searches and picks one record of an entity (the relation picker, over a stand-in field). */
export function RecordPicker({
  app,
  entity,
  value,
  onChange,
  id,
  testId,
  ariaLabel,
}: RecordPickerProps) {
  const field: Field = { key: 'record', name: entity.name, type: 'relation', target: entity.key };
  return (
    <RelationSelect
      app={app}
      field={field}
      value={value}
      onChange={onChange}
      id={id}
      testId={testId}
      ariaLabel={ariaLabel}
    />
  );
}
