import {
  errorId,
  helpId,
  type DescriptionFieldProps,
  type FieldErrorProps,
  type FieldHelpProps,
} from '@rjsf/utils';

export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <p id={id} className="fw-description">
      {description}
    </p>
  );
}

export function FieldHelpTemplate({ help, fieldPathId }: FieldHelpProps) {
  if (!help) return null;
  return (
    <p id={helpId(fieldPathId)} className="fw-help">
      {help}
    </p>
  );
}

/** Errors sit under their field, named by its aria-describedby, and are announced as they appear. */
export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const shown = errors.filter(Boolean);
  return (
    <div id={errorId(fieldPathId)} className="fw-error" aria-live="polite">
      {shown.map((error, index) => (
        <p key={index}>{error}</p>
      ))}
    </div>
  );
}
