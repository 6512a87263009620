import { ReloadOutlined } from '@ant-design/icons';
import type { EntityChangePlan } from '@formwork/definitions';
import { Alert, Button, Empty, Modal, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { isKnownStepAction, stepColor, type ReviewState } from '../utils/reviewState';
import { DataLossTable } from './DataLossTable';

type Step = EntityChangePlan['steps'][number];

interface ChangePlanModalProps {
  review: ReviewState;
  applying: boolean;
  onApply: () => void;
  onReload: () => void;
  onClose: () => void;
}

/** "What this change will do", then Apply; or why it cannot be applied. */
export function ChangePlanModal({
  review,
  applying,
  onApply,
  onReload,
  onClose,
}: ChangePlanModalProps) {
  const { t } = useTranslation();
  const plan = review.step === 'planned' ? review.plan : null;
  const nothingToDo = plan !== null && !plan.creates && plan.steps.length === 0;

  const columns: TableColumnsType<Step> = [
    {
      title: t('designer.planAction'),
      key: 'action',
      render: (_, step) => (
        <Tag color={stepColor(step.action)} title={step.action}>
          {isKnownStepAction(step.action) ? t(`designer.actions.${step.action}`) : step.action}
        </Tag>
      ),
    },
    {
      title: t('designer.planField'),
      key: 'field',
      render: (_, step) => step.field && <Tag className="fw-key-tag">{step.field}</Tag>,
    },
    { title: t('designer.planDetail'), dataIndex: 'detail', key: 'detail' },
  ];

  const footer = (
    <>
      <Button onClick={onClose} data-testid="plan-cancel">
        {t('common.cancel')}
      </Button>
      {review.step === 'stale' ? (
        <Button
          type="primary"
          icon={<ReloadOutlined aria-hidden />}
          onClick={onReload}
          data-testid="entity-reload"
        >
          {t('designer.reload')}
        </Button>
      ) : (
        <Button
          type="primary"
          onClick={onApply}
          loading={applying}
          disabled={!plan || nothingToDo}
          data-testid="entity-apply"
        >
          {t('designer.apply')}
        </Button>
      )}
    </>
  );

  return (
    <Modal
      open={review.step !== 'closed'}
      title={t('designer.planTitle')}
      onCancel={onClose}
      footer={footer}
      width={720}
      destroyOnHidden
    >
      <div data-testid="change-plan">
        {review.step === 'planning' && (
          <div className="fw-loading">
            <Spin />
          </div>
        )}
        {plan && (
          <>
            {plan.creates && (
              <Alert
                type="info"
                showIcon
                title={t('designer.planCreates', { entity: plan.entity })}
                className="fw-block"
              />
            )}
            {nothingToDo ? (
              <Empty description={t('designer.planNothing')} data-testid="plan-empty" />
            ) : (
              <div data-testid="plan-steps">
                <Table<Step>
                  rowKey={(step) => `${step.action}:${step.field ?? ''}:${step.detail}`}
                  size="small"
                  columns={columns}
                  dataSource={plan.steps}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                />
              </div>
            )}
          </>
        )}
        {review.step === 'stale' && (
          <Alert
            type="warning"
            showIcon
            title={t('designer.staleTitle')}
            description={t('designer.staleHint')}
            data-testid="entity-stale"
          />
        )}
        {review.step === 'dataLoss' && (
          <>
            <Alert
              type="error"
              showIcon
              title={t('designer.dataLossTitle')}
              description={review.detail || t('designer.dataLossHint')}
              className="fw-block"
              data-testid="entity-data-loss"
            />
            <DataLossTable report={review.report} />
          </>
        )}
        {review.step === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('designer.applyFailed')}
            description={review.message}
          />
        )}
      </div>
    </Modal>
  );
}
