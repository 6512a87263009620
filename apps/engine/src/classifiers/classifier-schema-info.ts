import type { Entity } from '@formwork/definitions';
import type { ClassifierField, SqlSchemaInfo } from '@formwork/rules';
import { quoteIdentifier, tableOf } from '../entities/physical-names.js';

/** Physical names of an app's entities, as the classifier SQL compiler reads them. */
export function schemaInfoFor(app: string, entities: readonly Entity[]): SqlSchemaInfo {
  return {
    entities: Object.fromEntries(
      entities.map((entity) => [
        entity.key,
        {
          table: tableOf(app, entity.key),
          fields: Object.fromEntries(
            entity.fields.map((field) => [
              field.key,
              {
                column: quoteIdentifier(field.key),
                type: field.type,
                options: field.options?.map((option) => option.value),
                target: field.target,
              },
            ]),
          ),
        },
      ]),
    ),
  };
}

/** Fields of every entity by key, as `tableFromClassifier` takes the related ones. */
export const fieldsByEntity = (
  entities: readonly Entity[],
): Record<string, readonly ClassifierField[]> =>
  Object.fromEntries(entities.map((entity) => [entity.key, entity.fields]));
