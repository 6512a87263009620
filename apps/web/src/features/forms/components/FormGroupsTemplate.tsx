import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { Card } from 'antd';
import type { RendererContext } from '../utils/rendererContext';

/**
 * The form's root object, laid out by the Formwork extension: one list, titled sections, or the
 * current step only. Fields hidden by their `showWhen` are not rendered at all.
 */
export function FormGroupsTemplate({ properties, registry }: ObjectFieldTemplateProps) {
  const context = registry.formContext as RendererContext;
  const byName = new Map(properties.map((property) => [property.name, property]));
  const shown = (names: readonly string[]) =>
    names
      .filter((name) => !context.hidden.has(name))
      .map((name) => byName.get(name))
      .filter((property) => property !== undefined && !property.hidden)
      .map((property) => <div key={property?.name}>{property?.content}</div>);

  const groups =
    context.groups.length > 0
      ? context.groups
      : [{ id: 'main', title: '', fields: properties.map((property) => property.name) }];

  if (context.layout === 'steps') {
    const group = groups[context.step] ?? groups[0];
    return <div data-testid={`form-group-${group?.id ?? ''}`}>{shown(group?.fields ?? [])}</div>;
  }
  if (context.layout === 'sections')
    return groups.map((group) => (
      <Card
        key={group.id}
        title={group.title || undefined}
        size="small"
        className="fw-form-section"
        data-testid={`form-group-${group.id}`}
      >
        <section aria-label={group.title || undefined}>{shown(group.fields)}</section>
      </Card>
    ));
  return <div>{shown(groups.flatMap((group) => group.fields))}</div>;
}
