import { DownloadOutlined } from '@ant-design/icons';
import type { Classifier } from '@formwork/definitions';
import { App as AntApp, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problemText';
import { exportClassifierDmn } from '../api/classifiers';

/** Saves a string as a file through a temporary link. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

interface ExportDmnButtonProps {
  app: string;
  classifier: Classifier | null;
  dirty: boolean;
}

/** Downloads the published table as DMN 1.3 XML, for other DMN tools. */
export function ExportDmnButton({ app, classifier, dirty }: ExportDmnButtonProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const exportIt = async () => {
    if (!classifier) return;
    setBusy(true);
    try {
      const xml = await exportClassifierDmn(app, classifier.key);
      download(xml, `${classifier.key}.dmn`, 'application/xml');
    } catch (error) {
      void message.error(problemText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const hint = !classifier
    ? t('classifiers.dmn.exportPublishFirst')
    : dirty
      ? t('classifiers.dmn.exportPublished')
      : t('classifiers.dmn.exportHint');
  return (
    <Tooltip title={hint}>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        disabled={!classifier}
        loading={busy}
        onClick={() => void exportIt()}
        data-testid="classifier-export-dmn"
      >
        {t('classifiers.dmn.export')}
      </Button>
    </Tooltip>
  );
}
