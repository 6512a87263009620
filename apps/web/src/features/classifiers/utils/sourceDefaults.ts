import type { Entity, InputSource } from '@formwork/definitions';
import { liveFields, relatedEntitiesOf, viaFieldsOf } from './checkDraft';
import type { ClassifierDraft } from './classifierDraft';

export const SOURCE_KINDS = ['field', 'aggregate', 'measure'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const kindOf = (source: InputSource): SourceKind =>
  'measure' in source ? 'measure' : 'aggregate' in source ? 'aggregate' : 'field';

/** `base`, or `base_2`, `base_3`… whichever no other column uses. */
export function uniqueKey(base: string, taken: readonly string[]): string {
  const clean = base.slice(0, 36) || 'input';
  if (!taken.includes(clean)) return clean;
  for (let suffix = 2; ; suffix += 1) {
    const key = `${clean}_${suffix}`;
    if (!taken.includes(key)) return key;
  }
}

const NUMERIC = new Set(['money', 'number', 'integer', 'percent']);

/** A first source of that kind: the first numeric field, a count over the first related entity… */
export function defaultSource(
  kind: SourceKind,
  draft: ClassifierDraft,
  entities: readonly Entity[],
  self?: string,
): InputSource {
  const entity = entities.find((candidate) => candidate.key === draft.entity);
  switch (kind) {
    case 'field': {
      const fields = liveFields(entity);
      const field = fields.find((candidate) => NUMERIC.has(candidate.type)) ?? fields[0];
      return { field: field?.key ?? '' };
    }
    case 'aggregate': {
      const related = relatedEntitiesOf(entities, draft.entity)[0];
      const via = viaFieldsOf(related, draft.entity)[0];
      return { aggregate: 'count', entity: related?.key ?? '', via: via?.key ?? '' };
    }
    case 'measure': {
      const measured = draft.inputs.find(
        (input) => input.key !== self && !('measure' in input.source),
      );
      return { measure: 'percent_rank', of: measured?.key ?? '' };
    }
  }
}

/** The key a new input of this source would get. */
export function keyForSource(source: InputSource, taken: readonly string[]): string {
  if ('measure' in source) return uniqueKey(`${source.measure}_${source.of}`, taken);
  if ('aggregate' in source)
    return uniqueKey(
      [source.aggregate, source.entity, source.field].filter(Boolean).join('_'),
      taken,
    );
  return uniqueKey(source.field, taken);
}
