import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import type { Classifier, Entity } from '@formwork/definitions';
import { Alert, Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/components/PageHeader';
import { useClassifierEditor } from '../hooks/useClassifierEditor';
import type { ClassifierDraft } from '../utils/classifierDraft';
import { ColumnsCard } from './ColumnsCard';
import { ExportDmnButton } from './ExportDmnButton';
import { PreviewPanel } from './PreviewPanel';
import { RulesCard } from './RulesCard';
import { RunPanel } from './RunPanel';
import { SettingsCard } from './SettingsCard';
import './classifiers.css';

interface ClassifierEditorProps {
  app: string;
  classifierKey: string;
  /** The published classifier; null while it has never been published. */
  stored: Classifier | null;
  initial: ClassifierDraft;
  entities: Entity[];
  /** Fetches the published classifier again (after someone else changed it). */
  reload: () => Promise<Classifier | undefined>;
}

/** Settings, columns and rules of a decision table; preview, publish, run, export. */
export function ClassifierEditor(props: ClassifierEditorProps) {
  const { app, classifierKey, entities } = props;
  const { t } = useTranslation();
  const state = useClassifierEditor(app, classifierKey, props.stored, props.initial, entities);
  const entity = entities.find((candidate) => candidate.key === state.draft.entity);
  const tableMessages = state.attempted ? state.errors.table : [];

  const reloadLatest = async () => {
    const latest = await props.reload();
    if (latest) state.adopt(latest);
  };

  return (
    <section className="fw-classifier-editor" data-testid="classifier-editor">
      <PageHeader
        title={t('classifiers.editor.title', { name: state.draft.name || classifierKey })}
        extra={
          <Space wrap>
            {state.classifier === null ? (
              <Tag data-testid="classifier-unpublished">{t('classifiers.editor.notPublished')}</Tag>
            ) : (
              <Tag data-testid="classifier-version">
                {t('classifiers.editor.version', { version: state.classifier.version })}
              </Tag>
            )}
            {state.dirty && state.classifier && (
              <Tag color="gold" data-testid="classifier-dirty">
                {t('classifiers.editor.unsaved')}
              </Tag>
            )}
            <ExportDmnButton app={app} classifier={state.classifier} dirty={state.dirty} />
            <Button
              icon={<EyeOutlined aria-hidden />}
              loading={state.preview.pending}
              onClick={state.preview.run}
              data-testid="classifier-preview"
            >
              {t('classifiers.editor.preview')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined aria-hidden />}
              loading={state.publishing}
              disabled={!state.dirty}
              onClick={state.publish}
              data-testid="classifier-publish"
            >
              {t('classifiers.editor.publish')}
            </Button>
          </Space>
        }
      />
      {state.conflict && (
        <Alert
          type="warning"
          showIcon
          className="fw-block"
          title={t('classifiers.editor.conflictTitle')}
          description={t('classifiers.editor.conflictText')}
          action={
            <Button onClick={() => void reloadLatest()} data-testid="classifier-reload">
              {t('classifiers.editor.reload')}
            </Button>
          }
          data-testid="classifier-conflict"
        />
      )}
      {state.saveFailure && (
        <Alert
          type="error"
          showIcon
          className="fw-block"
          title={state.saveFailure}
          data-testid="classifier-save-failed"
        />
      )}
      {tableMessages.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="fw-block"
          title={t('classifiers.editor.tableErrors')}
          description={
            <ul className="fw-error-list">
              {tableMessages.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
          data-testid="classifier-errors"
        />
      )}
      <SettingsCard state={state} entities={entities} />
      <ColumnsCard state={state} entity={entity} entities={entities} />
      <RulesCard state={state} entity={entity} />
      <PreviewPanel state={state} entity={entity} />
      <RunPanel app={app} classifier={state.classifier} dirty={state.dirty} />
    </section>
  );
}
