import { PlusOutlined, TableOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { Alert, App as AntApp, Button, Card, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useId, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../lib/apiErrors';
import { problemText } from '../../../lib/problemText';
import { PageHeader } from '../../shell/components/PageHeader';
import { useUnsavedChangesPrompt } from '../../shell/hooks/useUnsavedChangesPrompt';
import { usePlanEntityChange, usePutEntity } from '../hooks/useEntityMutations';
import {
  countErrors,
  noErrors,
  placeDefinitionErrors,
  validateDraft,
  type DraftErrors,
} from '../utils/draftErrors';
import { draftReducer } from '../utils/draftReducer';
import {
  activeFields,
  archivedFields,
  draftFromEntity,
  emptyDraft,
  sameDefinition,
  toEntityInput,
  type EntityDraft,
} from '../utils/entityDraft';
import { conflictState, type ReviewState } from '../utils/reviewState';
import { ArchivedFields } from './ArchivedFields';
import { ChangePlanModal } from './ChangePlanModal';
import { FieldError } from './FieldError';
import { FieldRow } from './FieldRow';
import { IndexesEditor } from './IndexesEditor';

interface EntityDesignerProps {
  app: string;
  /** The stored entity; undefined when designing a new one. */
  entity: Entity | undefined;
  /** The app's entities, as relation targets. */
  entities: Entity[];
  /** Fetches the stored entity again (after someone else changed it). */
  reload: () => Promise<Entity | undefined>;
}

export function EntityDesigner({ app, entity, entities, reload }: EntityDesignerProps) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [baseline, setBaseline] = useState<EntityDraft>(() =>
    entity ? draftFromEntity(entity) : emptyDraft(),
  );
  const [draft, dispatch] = useReducer(draftReducer, baseline);
  const [errors, setErrors] = useState<DraftErrors>(noErrors);
  const [review, setReview] = useState<ReviewState>({ step: 'closed' });
  const [dragging, setDragging] = useState<string | null>(null);
  /** The draft that was reviewed: what Apply sends, and what the engine's errors point into. */
  const reviewed = useRef<EntityDraft>(draft);
  const plan = usePlanEntityChange(app);
  const put = usePutEntity(app);

  const dirty = !sameDefinition(draft, baseline);
  const { allowNextNavigation } = useUnsavedChangesPrompt(dirty);
  const fields = activeFields(draft);
  const archived = archivedFields(draft);
  const errorCount = countErrors(errors);
  const isNew = entity === undefined;

  const targets = useMemo(() => {
    const options = entities.map((other) => ({
      value: other.key,
      label: `${other.name} (${other.key})`,
    }));
    const ownKey = draft.key.trim();
    if (ownKey && !entities.some((other) => other.key === ownKey))
      options.push({ value: ownKey, label: `${draft.name || ownKey} (${ownKey})` });
    return options;
  }, [entities, draft.key, draft.name]);

  const onFailure = (error: unknown): void => {
    const conflict = conflictState(error);
    if (conflict) return setReview(conflict);
    if (isApiError(error) && error.fieldErrors.length > 0) {
      setErrors(placeDefinitionErrors(error.fieldErrors, reviewed.current));
      setReview({ step: 'closed' });
      void message.error(t('designer.fixErrors'));
      return;
    }
    setReview({ step: 'failed', message: problemText(error, t) });
  };

  const startReview = (): void => {
    const local = validateDraft(draft, t);
    setErrors(local);
    if (countErrors(local) > 0) {
      void message.error(t('designer.fixErrors'));
      return;
    }
    reviewed.current = draft;
    setReview({ step: 'planning' });
    plan.mutate(toEntityInput(draft), {
      onSuccess: (result) => setReview({ step: 'planned', plan: result }),
      onError: onFailure,
    });
  };

  const adopt = (saved: Entity): void => {
    const next = draftFromEntity(saved);
    setBaseline(next);
    dispatch({ type: 'reset', draft: next });
    setErrors(noErrors());
  };

  const apply = (): void => {
    put.mutate(
      { definition: toEntityInput(reviewed.current), expectedVersion: entity?.version },
      {
        onSuccess: (saved) => {
          void message.success(
            t('designer.appliedToast', { name: saved.name, version: saved.version }),
          );
          adopt(saved);
          setReview({ step: 'closed' });
          if (isNew) {
            allowNextNavigation();
            void navigate(`/apps/${app}/entities/${saved.key}/design`, { replace: true });
          }
        },
        onError: onFailure,
      },
    );
  };

  const reloadLatest = async (): Promise<void> => {
    const latest = await reload();
    if (latest) adopt(latest);
    setReview({ step: 'closed' });
    void message.info(t('designer.reloadedToast'));
  };

  return (
    <section data-testid="entity-designer">
      <PageHeader
        title={isNew ? t('designer.titleNew') : t('designer.title', { name: entity.name })}
        extra={
          <Space wrap>
            {dirty && (
              <Tag color="gold" data-testid="designer-dirty">
                {t('designer.unsaved')}
              </Tag>
            )}
            {!isNew && (
              <Button
                icon={<TableOutlined aria-hidden />}
                onClick={() => void navigate(`/apps/${app}/entities/${entity.key}/records`)}
                data-testid="designer-records"
              >
                {t('entities.records')}
              </Button>
            )}
            <Button
              type="primary"
              onClick={startReview}
              loading={plan.isPending}
              data-testid="entity-review"
            >
              {t('designer.review')}
            </Button>
          </Space>
        }
      />
      {errorCount > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('designer.errorCount', { count: errorCount })}
          description={
            errors.other.length > 0 && (
              <ul className="fw-error-list">
                {errors.other.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )
          }
          className="fw-block"
          data-testid="designer-errors"
        />
      )}
      <Card title={t('designer.entityCard')} className="fw-block">
        <div className="fw-entity-meta">
          <div className="fw-field-cell">
            <label className="fw-mini-label" htmlFor={`${id}-key`}>
              {t('designer.entityKey')}
            </label>
            <Tooltip title={isNew ? undefined : t('designer.keyLocked')}>
              <Input
                id={`${id}-key`}
                value={draft.key}
                disabled={!isNew}
                onChange={(event) =>
                  dispatch({ type: 'setEntity', patch: { key: event.target.value } })
                }
                status={errors.entity.key ? 'error' : undefined}
                aria-describedby={`${id}-key-hint`}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={40}
                placeholder="customer"
                data-testid="entity-key"
              />
            </Tooltip>
            {errors.entity.key ? (
              <FieldError id={`${id}-key-hint`} message={errors.entity.key} />
            ) : (
              <Typography.Text type="secondary" id={`${id}-key-hint`} className="fw-hint">
                {isNew ? t('designer.entityKeyHint') : t('designer.keyLocked')}
              </Typography.Text>
            )}
          </div>
          <div className="fw-field-cell">
            <label className="fw-mini-label" htmlFor={`${id}-name`}>
              {t('designer.entityName')}
            </label>
            <Input
              id={`${id}-name`}
              value={draft.name}
              onChange={(event) =>
                dispatch({ type: 'setEntity', patch: { name: event.target.value } })
              }
              status={errors.entity.name ? 'error' : undefined}
              aria-describedby={errors.entity.name ? `${id}-name-error` : undefined}
              autoComplete="off"
              maxLength={200}
              data-testid="entity-name"
            />
            <FieldError id={`${id}-name-error`} message={errors.entity.name} />
          </div>
          <div className="fw-field-cell fw-span-2">
            <label className="fw-mini-label" htmlFor={`${id}-description`}>
              {t('designer.entityDescription')}
            </label>
            <Input.TextArea
              id={`${id}-description`}
              value={draft.description}
              onChange={(event) =>
                dispatch({ type: 'setEntity', patch: { description: event.target.value } })
              }
              status={errors.entity.description ? 'error' : undefined}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2000}
              data-testid="entity-description"
            />
            <FieldError id={`${id}-description-error`} message={errors.entity.description} />
          </div>
        </div>
      </Card>
      <Card
        title={t('designer.fieldsCard', { count: fields.length })}
        className="fw-block"
        extra={
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => dispatch({ type: 'addField' })}
          >
            {t('designer.addField')}
          </Button>
        }
      >
        {fields.length === 0 && (
          <Typography.Paragraph type="secondary" data-testid="fields-empty">
            {t('designer.noFields')}
          </Typography.Paragraph>
        )}
        <ol
          className="fw-plain-list fw-field-list"
          data-testid="field-list"
          aria-label={t('designer.fieldsLabel')}
        >
          {fields.map((field, position) => (
            <FieldRow
              key={field.uid}
              app={app}
              field={field}
              position={position}
              count={fields.length}
              targets={targets}
              errors={errors.fields[field.uid] ?? {}}
              dispatch={dispatch}
              dragging={dragging}
              onDragStart={setDragging}
              onDragEnd={() => setDragging(null)}
            />
          ))}
        </ol>
        <Button
          type="dashed"
          block
          icon={<PlusOutlined aria-hidden />}
          onClick={() => dispatch({ type: 'addField' })}
          data-testid="field-add"
        >
          {t('designer.addField')}
        </Button>
        <ArchivedFields fields={archived} dispatch={dispatch} />
      </Card>
      <Card className="fw-block">
        <IndexesEditor
          indexes={draft.indexes}
          fields={fields}
          errors={errors.indexes}
          dispatch={dispatch}
        />
      </Card>
      <ChangePlanModal
        review={review}
        applying={put.isPending}
        onApply={apply}
        onReload={() => void reloadLatest()}
        onClose={() => setReview({ step: 'closed' })}
      />
    </section>
  );
}
