import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { publicFormContext } from './formContext';

/**
 * The form's root object is laid out by the page's sections (all of them, or the current step),
 * leaving out fields hidden by their conditions; nested objects are plain groups.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, fieldPathId, registry, title } = props;
  if (fieldPathId.path.length > 0)
    return (
      <fieldset className="fw-section" id={fieldPathId.$id}>
        {title && <legend className="fw-section__title">{title}</legend>}
        {properties.filter((property) => !property.hidden).map((property) => property.content)}
      </fieldset>
    );

  const { sections, showSectionTitles, hidden } = publicFormContext(registry);
  const contentByName = new Map(properties.map((property) => [property.name, property]));
  return (
    <>
      {sections.map((section) => {
        const shown = section.fields
          .filter((field) => !hidden.has(field))
          .map((field) => contentByName.get(field))
          .filter((property) => property && !property.hidden);
        if (shown.length === 0) return null;
        return (
          <fieldset key={section.id} className="fw-section">
            {showSectionTitles && section.title && (
              <legend className="fw-section__title">{section.title}</legend>
            )}
            {shown.map((property) => property?.content)}
          </fieldset>
        );
      })}
    </>
  );
}
