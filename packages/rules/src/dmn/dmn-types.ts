import type { ValueType } from '../feel/values.js';
import type { DmnItemDefinition } from './dmn-model.js';

/** FEEL type names as typeRefs spell them, including DMN 1.1's legacy XML Schema-style names. */
const BUILT_IN_TYPES: Record<string, ValueType> = {
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  date: 'date',
  time: 'time',
  'date and time': 'date and time',
  datetime: 'date and time',
  'days and time duration': 'days and time duration',
  daytimeduration: 'days and time duration',
  'years and months duration': 'years and months duration',
  yearmonthduration: 'years and months duration',
  any: 'any',
  context: 'any',
};

export function builtInType(typeRef: string): ValueType | undefined {
  return BUILT_IN_TYPES[
    typeRef
      .replace(/^(feel|FEEL):/, '')
      .trim()
      .toLowerCase()
  ];
}

/** The FEEL type behind a typeRef: a built-in name, or an item definition that comes down to one. */
export function resolveType(
  typeRef: string | undefined,
  items: readonly DmnItemDefinition[],
): ValueType | undefined {
  if (typeRef === undefined || typeRef.trim() === '') return undefined;
  const builtIn = builtInType(typeRef);
  if (builtIn) return builtIn;
  const item = items.find((candidate) => candidate.name === typeRef);
  if (!item) return undefined;
  return item.isCollection || item.components.length > 0 ? 'any' : item.type;
}

/** The typeRef names the text form of a built-in type would take in an exported model. */
export function typeRefName(type: ValueType): string {
  return type === 'any' ? 'Any' : type;
}
