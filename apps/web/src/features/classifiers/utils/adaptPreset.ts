import type {
  AggregateSource,
  ClassifierDefinition,
  Entity,
  Field,
  FieldType,
  InputSource,
} from '@formwork/definitions';
import { CLASSIFIER_PRESETS } from '@formwork/rules';
import { liveFields, relatedEntitiesOf, viaFieldsOf } from './checkDraft';
import type { TableParts } from './classifierDraft';

export type PresetKey = keyof typeof CLASSIFIER_PRESETS;
export const PRESET_KEYS = Object.keys(CLASSIFIER_PRESETS) as PresetKey[];

const NUMERIC: FieldType[] = ['money', 'number', 'integer', 'percent'];
const DATES: FieldType[] = ['datetime', 'date'];

/** The field of that key if the entity has it, else the first unused one of these types. */
function pickField(
  fields: readonly Field[],
  key: string | undefined,
  types: readonly FieldType[],
  used: Set<string>,
): string | undefined {
  if (key === undefined) return undefined;
  const exact = fields.find((field) => field.key === key);
  const picked =
    exact ??
    types
      .flatMap((type) => fields.filter((field) => field.type === type && !used.has(field.key)))
      .at(0);
  const chosen = picked?.key ?? key;
  used.add(chosen);
  return chosen;
}

/** What kind of field an output's cells want: a text, a yes/no, or a number. */
function outputTypes(preset: ClassifierDefinition, index: number): FieldType[] {
  const cell = preset.rules[0]?.then[index]?.trim() ?? '';
  if (cell.startsWith('"')) return ['select', 'text'];
  if (cell === 'true' || cell === 'false') return ['boolean'];
  return ['integer', 'number'];
}

/** The text values an output's cells give: `"active"`, `"lost"`… */
const literalsOf = (preset: ClassifierDefinition, index: number): string[] =>
  preset.rules.flatMap((rule) => {
    const match = /^"(.*)"$/.exec(rule.then[index]?.trim() ?? '');
    return match?.[1] !== undefined ? [match[1]] : [];
  });

/** The unused select whose options hold most of these values (lifecycle → a stage field). */
function selectWithValues(
  fields: readonly Field[],
  values: readonly string[],
  used: Set<string>,
): string | undefined {
  let best: { key: string; hits: number } | undefined;
  for (const field of fields) {
    if (field.type !== 'select' || used.has(field.key)) continue;
    const hits = values.filter((value) => field.options?.some((o) => o.value === value)).length;
    if (hits > 0 && hits > (best?.hits ?? 0)) best = { key: field.key, hits };
  }
  return best?.key;
}

interface Related {
  entity: Entity;
  via: string;
}

/** The entity an aggregate reads: the preset's (e.g. order) if it links here, else the first that does. */
function relatedFor(entities: readonly Entity[], entity: string, wanted: string): Related | null {
  const candidates = relatedEntitiesOf(entities, entity);
  const other = candidates.find((candidate) => candidate.key === wanted) ?? candidates[0];
  const via = viaFieldsOf(other, entity)[0];
  return other && via ? { entity: other, via: via.key } : null;
}

function adaptAggregate(source: AggregateSource, related: Related | null): AggregateSource {
  if (!related) return source;
  const fields = liveFields(related.entity);
  const used = new Set<string>();
  const types = source.aggregate === 'min' || source.aggregate === 'max' ? DATES : NUMERIC;
  const field = pickField(fields, source.field, [...types, ...NUMERIC], used);
  const dateField = pickField(fields, source.dateField, DATES, used);
  const whereField = source.where && 'field' in source.where ? source.where.field : undefined;
  const keepsWhere = whereField !== undefined && fields.some((f) => f.key === whereField);
  const { where, ...rest } = source;
  return {
    ...rest,
    entity: related.entity.key,
    via: related.via,
    ...(field !== undefined ? { field } : {}),
    ...(dateField !== undefined ? { dateField } : {}),
    ...(where && keepsWhere ? { where } : {}),
  };
}

/**
 * A preset's table fitted to an entity: its fields of the same key, or else the first of a
 * fitting type (an amount → a money field, a class → a select); its aggregates over an entity
 * that links to this one. What cannot be fitted stays as in the preset, and the checks say so.
 */
export function adaptPreset(
  key: PresetKey,
  entityKey: string,
  entities: readonly Entity[],
): TableParts {
  const preset: ClassifierDefinition = CLASSIFIER_PRESETS[key];
  const entity = entities.find((candidate) => candidate.key === entityKey);
  const fields = liveFields(entity);
  const used = new Set<string>();
  const renames = new Map<string, string>();
  const inputs = preset.inputs.map((input) => {
    let source: InputSource = input.source;
    if (!('measure' in source) && !('aggregate' in source)) {
      const field = pickField(fields, source.field, NUMERIC, used) ?? source.field;
      if (input.key === source.field) renames.set(input.key, field);
      source = { field };
    } else if ('aggregate' in source) {
      source = adaptAggregate(source, relatedFor(entities, entityKey, source.entity));
    }
    return { key: renames.get(input.key) ?? input.key, source };
  });
  const withRenamedMeasures = inputs.map((input) =>
    'measure' in input.source && renames.has(input.source.of)
      ? { ...input, source: { ...input.source, of: renames.get(input.source.of) ?? '' } }
      : input,
  );
  const outputs = preset.outputs.map((output, index) => {
    const byOptions = fields.some((field) => field.key === output.field)
      ? undefined
      : selectWithValues(fields, literalsOf(preset, index), used);
    if (byOptions) used.add(byOptions);
    const field = byOptions ?? pickField(fields, output.field, outputTypes(preset, index), used);
    return { ...output, field: field ?? output.field };
  });
  return {
    hitPolicy: preset.hitPolicy,
    inputs: withRenamedMeasures,
    outputs,
    rules: preset.rules.map((rule) => ({ ...rule, when: [...rule.when], then: [...rule.then] })),
  };
}
