import { FIELD_TYPES, type FieldType } from '@formwork/definitions';
import type { TFunction } from 'i18next';

export function fieldTypeLabel(type: FieldType, t: TFunction): string {
  return t(`fieldTypes.${type}`);
}

/** All field types for a select, searchable by label or by API name. */
export function fieldTypeOptions(t: TFunction): { value: FieldType; label: string }[] {
  return FIELD_TYPES.map((type) => ({ value: type, label: fieldTypeLabel(type, t) }));
}
