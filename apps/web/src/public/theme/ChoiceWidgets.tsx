import {
  ariaDescribedByIds,
  enumOptionsDeselectValue,
  enumOptionsIsSelected,
  enumOptionsSelectValue,
  optionId,
  type WidgetProps,
} from '@rjsf/utils';
import { labelId, publicFormContext } from './formContext';

const hasErrors = (props: WidgetProps) => (props.rawErrors?.length ?? 0) > 0 || undefined;

/** A native select (the phone's own picker); a multi-select becomes checkboxes. */
export function SelectWidget(props: WidgetProps) {
  if (props.multiple) return <CheckboxesWidget {...props} />;
  const value: unknown = props.value;
  const { id, htmlName, required, disabled, readonly, autofocus, options } = props;
  const { onChange, onBlur, onFocus, registry } = props;
  const choices = options.enumOptions ?? [];
  const selected = choices.findIndex((choice) => choice.value === value);
  const valueAt = (index: string): unknown =>
    index === '' ? options.emptyValue : choices[Number(index)]?.value;
  return (
    <select
      id={id}
      name={htmlName || id}
      className="fw-input fw-select"
      value={selected >= 0 ? String(selected) : ''}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      aria-invalid={hasErrors(props)}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(event) => onChange(valueAt(event.target.value))}
      onBlur={(event) => onBlur(id, valueAt(event.target.value))}
      onFocus={(event) => onFocus(id, valueAt(event.target.value))}
    >
      <option value="">{props.placeholder || publicFormContext(registry).messages.choose}</option>
      {choices.map((choice, index) => (
        <option key={index} value={String(index)}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

export function RadioWidget(props: WidgetProps) {
  const value: unknown = props.value;
  const { id, htmlName, required, disabled, readonly, options, onChange } = props;
  return (
    <div
      id={id}
      className="fw-choices"
      role="radiogroup"
      aria-labelledby={labelId(id)}
      aria-required={required || undefined}
      aria-invalid={hasErrors(props)}
      aria-describedby={ariaDescribedByIds(id)}
    >
      {(options.enumOptions ?? []).map((choice, index) => (
        <label key={index} className="fw-choice" htmlFor={optionId(id, index)}>
          <input
            type="radio"
            id={optionId(id, index)}
            name={htmlName || id}
            checked={enumOptionsIsSelected(choice.value, value)}
            required={required}
            disabled={disabled || readonly}
            onChange={() => onChange(choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

export function CheckboxesWidget(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, options, onChange } = props;
  const choices = options.enumOptions ?? [];
  const value: unknown[] = Array.isArray(props.value) ? props.value : [];
  const toggle = (index: number, checked: boolean) =>
    onChange(
      checked
        ? enumOptionsSelectValue(index, value, choices)
        : enumOptionsDeselectValue(index, value, choices),
    );
  return (
    <div
      id={id}
      className="fw-choices"
      role="group"
      aria-labelledby={labelId(id)}
      aria-invalid={hasErrors(props)}
      aria-describedby={ariaDescribedByIds(id)}
    >
      {choices.map((choice, index) => (
        <label key={index} className="fw-choice" htmlFor={optionId(id, index)}>
          <input
            type="checkbox"
            id={optionId(id, index)}
            name={htmlName || id}
            checked={enumOptionsIsSelected(choice.value, value)}
            disabled={disabled || readonly}
            onChange={(event) => toggle(index, event.target.checked)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

/** A yes/no field: one checkbox that carries the field's own label. */
export function CheckboxWidget(props: WidgetProps) {
  const value: unknown = props.value;
  const { id, htmlName, required, disabled, readonly, autofocus, label, onChange } = props;
  return (
    <label className="fw-choice fw-choice--single" htmlFor={id}>
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        checked={value === true}
        required={required}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        aria-invalid={hasErrors(props)}
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        {label}
        {required && (
          <span className="fw-required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </span>
    </label>
  );
}
