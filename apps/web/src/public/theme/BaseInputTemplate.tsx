import { ariaDescribedByIds, getInputProps, type BaseInputTemplateProps } from '@rjsf/utils';
import type { ChangeEvent, HTMLInputTypeAttribute } from 'react';

/** Keyboards and autofill that suit each kind of value on a phone. */
function inputHints(type: HTMLInputTypeAttribute | undefined, format: string | undefined) {
  if (format === 'phone') return { type: 'tel', inputMode: 'tel', autoComplete: 'tel' } as const;
  if (type === 'email') return { type, inputMode: 'email', autoComplete: 'email' } as const;
  if (type === 'number') return { type, inputMode: 'decimal' } as const;
  if (type === 'integer') return { type: 'number', inputMode: 'numeric' } as const;
  return { type };
}

/** Every single-line input: text, email, phone, number, date, url. */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const value: unknown = props.value;
  const { id, htmlName, required, disabled, readonly, autofocus, placeholder } = props;
  const { onChange, onBlur, onFocus, options, schema, type, rawErrors } = props;
  const {
    type: inputType,
    step,
    min,
    max,
  } = getInputProps(schema, typeof type === 'string' ? type : undefined, options);
  const hints = inputHints(inputType, schema.format);
  const shownValue = typeof value === 'string' || typeof value === 'number' ? value : '';
  const handleChange = (event: ChangeEvent<HTMLInputElement>) =>
    onChange(event.target.value === '' ? options.emptyValue : event.target.value);

  return (
    <input
      id={id}
      name={htmlName || id}
      className="fw-input"
      {...hints}
      step={step}
      min={min}
      max={max}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      value={shownValue}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      placeholder={placeholder}
      aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={handleChange}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}
