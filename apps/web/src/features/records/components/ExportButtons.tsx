import { DownloadOutlined } from '@ant-design/icons';
import type { RecordListQuery } from '@formwork/definitions';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api/records';

interface ExportButtonsProps {
  app: string;
  entity: string;
  /** The view being exported: the grid's filter, sort and search. */
  query: Pick<RecordListQuery, 'filter' | 'sort' | 'search'>;
}

/** Plain download links: the session cookie authorises the GET. */
export function ExportButtons({ app, entity, query }: ExportButtonsProps) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        href={exportUrl(app, entity, 'csv', query)}
        download={`${entity}.csv`}
        data-testid="export-csv"
      >
        {t('records.exportCsv')}
      </Button>
      <Button
        href={exportUrl(app, entity, 'xlsx', query)}
        download={`${entity}.xlsx`}
        data-testid="export-xlsx"
      >
        {t('records.exportXlsx')}
      </Button>
    </Space.Compact>
  );
}
