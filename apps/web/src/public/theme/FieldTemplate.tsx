import type { FieldTemplateProps } from '@rjsf/utils';
import { labelId } from './formContext';

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel } = props;
  if (hidden) return <div hidden>{children}</div>;
  const hasErrors = (props.rawErrors?.length ?? 0) > 0;
  return (
    <div className={hasErrors ? 'fw-field fw-field--invalid' : 'fw-field'}>
      {displayLabel && label && (
        <label className="fw-label" id={labelId(id)} htmlFor={id}>
          {label}
          {required && (
            <span className="fw-required" aria-hidden="true">
              {' *'}
            </span>
          )}
        </label>
      )}
      {displayLabel && description}
      {children}
      {errors}
      {help}
    </div>
  );
}
