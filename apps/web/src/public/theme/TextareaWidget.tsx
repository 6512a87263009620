import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';

export function TextareaWidget(props: WidgetProps) {
  const value: unknown = props.value;
  const { id, htmlName, required, disabled, readonly, autofocus, placeholder } = props;
  const { onChange, onBlur, onFocus, options, schema, rawErrors } = props;
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className="fw-input fw-textarea"
      rows={typeof options.rows === 'number' ? options.rows : 4}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      placeholder={placeholder}
      aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(event) =>
        onChange(event.target.value === '' ? options.emptyValue : event.target.value)
      }
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}
