import type { Field } from '@formwork/definitions';
import type { WidgetProps } from '@rjsf/utils';
import { RelationSelect } from '../../records/components/RelationSelect';
import type { RendererContext } from '../utils/rendererContext';

/** A relation field: searches the related entity's records (`ui:options.relation` names it). */
export function RelationWidget({
  id,
  name,
  value,
  onChange,
  options,
  label,
  rawErrors,
  registry,
}: WidgetProps) {
  const { app } = registry.formContext as RendererContext;
  const field: Field = {
    key: name,
    name: label,
    type: 'relation',
    target: typeof options.relation === 'string' ? options.relation : undefined,
  };
  return (
    <RelationSelect
      app={app}
      field={field}
      id={id}
      value={value as unknown}
      onChange={(next) => onChange(next ?? undefined)}
      status={rawErrors && rawErrors.length > 0 ? 'error' : undefined}
      ariaLabel={label}
      testId={`relation-${name}`}
    />
  );
}
