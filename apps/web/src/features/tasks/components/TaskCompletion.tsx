import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { EntityRecord, FlowTask, Form } from '@formwork/definitions';
import { Alert, Button, Form as AntForm, Input, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage';
import { FormRenderer, type FormData } from '../../forms/components/FormRenderer';
import { formFieldKeys } from '../../forms/utils/formLayout';
import { useTaskCompletion } from '../hooks/useTaskCompletion';

interface TaskCompletionProps {
  task: FlowTask;
  /** The task's form; null when it has none. */
  form: Form | null;
  record: EntityRecord | undefined;
  onDone: () => void;
}

type Outcome = 'approve' | 'reject';

/** The record's values of the form's fields: what the person starts from. */
const prefill = (record: EntityRecord | undefined, keys: string[]): FormData =>
  record
    ? Object.fromEntries(keys.filter((key) => record[key] != null).map((key) => [key, record[key]]))
    : {};

/** Doing the task: fill its form, or approve / reject (with the approval's form or a comment). */
export function TaskCompletion({ task, form, record, onDone }: TaskCompletionProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const fields = form ? formFieldKeys(form.schema) : ['comment'];
  const completion = useTaskCompletion(task, fields, onDone);
  const [data, setData] = useState<FormData>(() => prefill(record, fields));
  const [outcome, setOutcome] = useState<Outcome>('approve');
  const [comment, setComment] = useState('');
  const isApproval = task.kind === 'approval';

  const failure = completion.failure && (
    <Alert
      type="error"
      showIcon
      className="fw-block"
      title={completion.failure}
      role="alert"
      data-testid="task-error"
    />
  );

  if (!form && isApproval)
    return (
      <div data-testid="task-approval">
        {failure}
        <AntForm layout="vertical" component="div">
          <AntForm.Item label={t('flows.inbox.comment')} htmlFor="task-comment">
            <Input.TextArea
              id="task-comment"
              data-testid="task-comment"
              value={comment}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(event) => setComment(event.target.value)}
            />
          </AntForm.Item>
        </AntForm>
        <Space>
          {(['approve', 'reject'] as const).map((choice) => (
            <Button
              key={choice}
              type={choice === 'approve' ? 'primary' : 'default'}
              danger={choice === 'reject'}
              icon={
                choice === 'approve' ? <CheckOutlined aria-hidden /> : <CloseOutlined aria-hidden />
              }
              loading={completion.pending}
              onClick={() =>
                completion.submit({
                  outcome: choice,
                  data: comment.trim() ? { comment: comment.trim() } : {},
                })
              }
              data-testid={`task-${choice}`}
            >
              {t(`flows.edge.outcomes.${choice}`)}
            </Button>
          ))}
        </Space>
      </div>
    );

  if (!form)
    return (
      <div data-testid="task-no-form">
        {failure}
        <Typography.Paragraph type="secondary">{t('flows.inbox.noForm')}</Typography.Paragraph>
        <Button
          type="primary"
          loading={completion.pending}
          onClick={() => completion.submit({ data: {} })}
          data-testid="task-complete"
        >
          {t('flows.inbox.complete')}
        </Button>
      </div>
    );

  return (
    <div data-testid="task-form">
      {failure}
      {isApproval && (
        <Space className="fw-block">
          <Typography.Text strong>{t('flows.inbox.decision')}</Typography.Text>
          <Segmented<Outcome>
            value={outcome}
            onChange={setOutcome}
            options={[
              { value: 'approve', label: t('flows.edge.outcomes.approve') },
              { value: 'reject', label: t('flows.edge.outcomes.reject') },
            ]}
            data-testid="task-outcome"
          />
        </Space>
      )}
      <FormRenderer
        app={task.app}
        schema={form.schema}
        uiSchema={form.uiSchema}
        language={language}
        data={data}
        onChange={(next, changed) => {
          setData(next);
          completion.clearErrorsOf(changed);
        }}
        onSubmit={(answer) =>
          completion.submit(isApproval ? { data: answer, outcome } : { data: answer })
        }
        submitting={completion.pending}
        serverErrors={completion.serverErrors}
        idPrefix="task"
        testId="task-form-renderer"
      />
    </div>
  );
}
