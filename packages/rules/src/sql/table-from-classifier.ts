import {
  isAggregateSource,
  isMeasureSource,
  type ClassifierDefinition,
  type FieldType,
} from '@formwork/definitions';
import { valueTypeOfField } from '../check-table.js';
import type { JsonValue } from '../feel/convert.js';
import type { ValueType } from '../feel/values.js';
import type { DecisionTable, TableInput } from '../table.js';

/** What `tableFromClassifier` needs of a field. */
export interface ClassifierField {
  key: string;
  type: FieldType;
  options?: readonly { value: string }[];
}

function inputOf(
  input: ClassifierDefinition['inputs'][number],
  fields: ReadonlyMap<string, ClassifierField>,
  related: Readonly<Record<string, readonly ClassifierField[]>>,
): TableInput {
  const { source } = input;
  if (isMeasureSource(source)) return { key: input.key, type: 'number' };
  if (isAggregateSource(source)) {
    if (source.aggregate === 'count' || source.aggregate === 'sum' || source.aggregate === 'avg')
      return { key: input.key, type: 'number' };
    const field = related[source.entity]?.find((candidate) => candidate.key === source.field);
    return { key: input.key, type: field ? valueTypeOfField(field.type) : 'number' };
  }
  const field = fields.get(source.field);
  if (!field) return { key: input.key };
  const options = field.options?.map((option) => option.value);
  return {
    key: input.key,
    type: valueTypeOfField(field.type),
    ...(options && field.type === 'select' ? { options } : {}),
  };
}

/**
 * The decision table of a classifier: input types from the entity's fields (and the related
 * entities' for min/max aggregates), select options as input options and as the outputs'
 * allowed values (their order ranks PRIORITY and OUTPUT_ORDER), defaults from the outputs.
 */
export function tableFromClassifier(
  classifier: ClassifierDefinition,
  fields: readonly ClassifierField[],
  related: Readonly<Record<string, readonly ClassifierField[]>> = {},
): DecisionTable {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  return {
    name: classifier.name,
    hitPolicy: classifier.hitPolicy,
    inputs: classifier.inputs.map((input) => inputOf(input, byKey, related)),
    outputs: classifier.outputs.map((output) => {
      const field = byKey.get(output.field);
      const type: ValueType | undefined = field ? valueTypeOfField(field.type) : undefined;
      const values =
        field?.type === 'select' ? field.options?.map((option) => option.value) : undefined;
      return {
        name: output.field,
        ...(type && type !== 'any' ? { type } : {}),
        ...(values ? { values } : {}),
        ...(output.default !== undefined ? { default: output.default as JsonValue } : {}),
      };
    }),
    rules: classifier.rules.map((rule) => ({ ...rule })),
  };
}
