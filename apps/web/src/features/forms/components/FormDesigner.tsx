import { SaveOutlined } from '@ant-design/icons';
import {
  FORM_LAYOUTS,
  type Entity,
  type Form,
  type FormDesign,
  type FormLayout,
} from '@formwork/definitions';
import { Alert, Button, Card, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../shell/components/PageHeader';
import { useFormDesigner } from '../hooks/useFormDesigner';
import { DesignGroups } from './DesignGroups';
import { FieldPalette } from './FieldPalette';
import { FieldSettingsPanel } from './FieldSettingsPanel';
import { FormPreview } from './FormPreview';
import { FormSettingsPanel } from './FormSettingsPanel';
import { SharePanel } from './SharePanel';

interface FormDesignerProps {
  app: string;
  form: Form;
  design: FormDesign;
  entity: Entity;
  /** Fetches the stored form again (after someone else changed it). */
  reload: () => Promise<Form | undefined>;
}

const LAYOUT_LABELS = {
  single: 'forms.designer.layoutSingle',
  sections: 'forms.designer.layoutSections',
  steps: 'forms.designer.layoutSteps',
} as const;

/** Fields and groups on the left, settings of the selection in the middle, live preview right. */
export function FormDesigner({ app, form, design, entity, reload }: FormDesignerProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useFormDesigner(app, form, design, entity);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState('field');
  const general = [...state.compileErrors.general, ...(state.serverErrors?.general ?? [])];

  const select = (key: string | null) => {
    setSelected(key);
    if (key) setTab('field');
  };
  const reloadLatest = async () => {
    const latest = await reload();
    if (latest) state.adopt(latest);
  };

  return (
    <section className="fw-form-designer" data-testid="form-designer">
      <PageHeader
        title={t('forms.designer.title', { name: state.form.name })}
        extra={
          <Space wrap>
            {state.dirty && (
              <Tag color="gold" data-testid="form-designer-dirty">
                {t('forms.designer.unsaved')}
              </Tag>
            )}
            <Button onClick={() => void navigate(`/apps/${app}/forms/${form.key}/fill`)}>
              {t('forms.fill')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined aria-hidden />}
              loading={state.saving}
              disabled={!state.dirty}
              onClick={state.save}
              data-testid="form-designer-save"
            >
              {t('forms.designer.save')}
            </Button>
          </Space>
        }
      />
      {state.conflict && (
        <Alert
          type="warning"
          showIcon
          className="fw-block"
          title={t('forms.designer.conflictTitle')}
          description={t('forms.designer.conflictText')}
          action={
            <Button onClick={() => void reloadLatest()} data-testid="form-designer-reload">
              {t('forms.designer.reload')}
            </Button>
          }
          data-testid="form-designer-conflict"
        />
      )}
      {state.saveFailure && (
        <Alert type="error" showIcon className="fw-block" title={state.saveFailure} />
      )}
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="fw-block"
          title={t('forms.designer.generalErrors')}
          description={general.join('; ')}
          data-testid="form-designer-errors"
        />
      )}
      <div className="fw-block">
        <Typography.Text id="form-designer-layout-label">
          {t('forms.designer.layout')}:{' '}
        </Typography.Text>
        <Segmented<FormLayout>
          aria-labelledby="form-designer-layout-label"
          value={state.draft.layout}
          onChange={(layout) => state.dispatch({ type: 'setLayout', layout })}
          options={FORM_LAYOUTS.map((layout) => ({
            value: layout,
            label: t(LAYOUT_LABELS[layout]),
          }))}
          data-testid="form-designer-layout"
        />
      </div>
      <div className="fw-form-designer-columns">
        <div>
          <Card size="small" className="fw-block">
            <FieldPalette state={state} entity={entity} onAdded={select} />
          </Card>
          <DesignGroups state={state} entity={entity} selected={selected} onSelect={select} />
        </div>
        <Card size="small" className="fw-sticky">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'field',
                label: t('forms.designer.tabField'),
                children: selected ? (
                  <FieldSettingsPanel
                    key={selected}
                    app={app}
                    state={state}
                    entity={entity}
                    selected={selected}
                  />
                ) : (
                  <Typography.Paragraph type="secondary">
                    {t('forms.designer.noSelection')}
                  </Typography.Paragraph>
                ),
              },
              {
                key: 'form',
                label: t('forms.designer.tabForm'),
                children: <FormSettingsPanel state={state} />,
              },
              {
                key: 'share',
                label: t('forms.designer.tabShare'),
                children: <SharePanel state={state} />,
              },
            ]}
          />
        </Card>
        <FormPreview app={app} compiled={state.compiled} />
      </div>
    </section>
  );
}
