import { Typography } from 'antd';
import { Link } from 'react-router';
import { useEntity } from '../../entities/hooks/useEntities';
import { useRecord } from '../../records/hooks/useRecords';
import { recordLabel } from '../../records/utils/formatValue';

interface RecordCellProps {
  app: string;
  entity: string;
  id: string;
}

/** The customer a task is about, by name, linking to the record. */
export function RecordCell({ app, entity, id }: RecordCellProps) {
  const definition = useEntity(app, entity);
  const record = useRecord(app, entity, id);
  const label = record.data ? recordLabel(definition.data, record.data) : id.slice(0, 8);
  return (
    <span>
      <Link to={`/apps/${app}/entities/${entity}/records?record=${id}`}>{label}</Link>{' '}
      <Typography.Text type="secondary">{definition.data?.name ?? entity}</Typography.Text>
    </span>
  );
}
