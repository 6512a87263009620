import {
  classifierDefinitionSchema,
  isAggregateSource,
  isMeasureSource,
  toFieldErrors,
  type Entity,
  type Field,
} from '@formwork/definitions';
import { checkTable, tableFromClassifier } from '@formwork/rules';
import type { TFunction } from 'i18next';
import { definitionOf, type ClassifierDraft } from './classifierDraft';
import { placeMessages, type PathMessage, type PlacedMessages } from './placeErrors';

export interface DraftCheck {
  errors: PlacedMessages;
  warnings: PlacedMessages;
}

const NUMERIC = new Set(['integer', 'number', 'money', 'percent']);
const DATES = new Set(['date', 'datetime']);

export const liveFields = (entity: Entity | undefined): Field[] =>
  entity?.fields.filter((field) => !field.archived) ?? [];

/** Relation fields of `other` that point at `entity`: the `via` of an aggregate. */
export const viaFieldsOf = (other: Entity | undefined, entity: string): Field[] =>
  liveFields(other).filter((field) => field.type === 'relation' && field.target === entity);

/** Entities with a relation to `entity`: the ones an aggregate can count or sum. */
export const relatedEntitiesOf = (entities: readonly Entity[], entity: string): Entity[] =>
  entities.filter((other) => viaFieldsOf(other, entity).length > 0);

/** Do the columns name fields and relations that exist? */
function checkColumns(draft: ClassifierDraft, entities: readonly Entity[], t: TFunction) {
  const messages: PathMessage[] = [];
  const entity = entities.find((candidate) => candidate.key === draft.entity);
  if (!entity) return [{ path: '/entity', message: t('classifiers.check.noEntity') }];
  const has = (of: Entity | undefined, key: string | undefined) =>
    key === undefined || liveFields(of).some((field) => field.key === key);
  draft.inputs.forEach(({ source }, index) => {
    const at = (name: string) => `/inputs/${index}/source/${name}`;
    if (isMeasureSource(source)) return;
    if (!isAggregateSource(source)) {
      if (source.field && !has(entity, source.field))
        messages.push({
          path: at('field'),
          message: t('classifiers.check.noField', { field: source.field, entity: entity.key }),
        });
      return;
    }
    const other = entities.find((candidate) => candidate.key === source.entity);
    if (!other) {
      messages.push({
        path: at('entity'),
        message: t('classifiers.check.noRelated', { entity: source.entity }),
      });
      return;
    }
    if (!viaFieldsOf(other, entity.key).some((field) => field.key === source.via))
      messages.push({
        path: at('via'),
        message: t('classifiers.check.noVia', {
          via: source.via,
          other: other.key,
          entity: entity.key,
        }),
      });
    const field = liveFields(other).find((candidate) => candidate.key === source.field);
    if (source.field && !field)
      messages.push({
        path: at('field'),
        message: t('classifiers.check.noField', { field: source.field, entity: other.key }),
      });
    else if (field && (source.aggregate === 'sum' || source.aggregate === 'avg'))
      if (!NUMERIC.has(field.type))
        messages.push({
          path: at('field'),
          message: t('classifiers.check.notNumeric', { field: field.key }),
        });
    const dateField = liveFields(other).find((candidate) => candidate.key === source.dateField);
    if (source.dateField && !(dateField && DATES.has(dateField.type)))
      messages.push({
        path: at('dateField'),
        message: t('classifiers.check.notDate', { field: source.dateField, entity: other.key }),
      });
  });
  draft.outputs.forEach((output, index) => {
    if (output.field && !has(entity, output.field))
      messages.push({
        path: `/outputs/${index}/field`,
        message: t('classifiers.check.noField', { field: output.field, entity: entity.key }),
      });
  });
  return messages;
}

/**
 * Everything the editor can tell before asking the engine: the definition's shape, fields and
 * relations the columns name, and the table itself (cells, types, options, UNIQUE overlaps and
 * gaps) through `checkTable`.
 */
export function checkDraft(
  draft: ClassifierDraft,
  entities: readonly Entity[],
  t: TFunction,
): DraftCheck {
  const definition = definitionOf(draft);
  const shape = classifierDefinitionSchema.safeParse(definition);
  const related = Object.fromEntries(
    entities.map((other) => [other.key, liveFields(other)] as const),
  );
  const entity = entities.find((candidate) => candidate.key === draft.entity);
  const table = tableFromClassifier(definition, liveFields(entity), related);
  const checked = checkTable(table);
  return {
    errors: placeMessages([
      ...(shape.success ? [] : toFieldErrors(shape.error)),
      ...checkColumns(draft, entities, t),
      ...checked.errors,
    ]),
    warnings: placeMessages(checked.warnings),
  };
}
