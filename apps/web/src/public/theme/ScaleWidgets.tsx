import { ariaDescribedByIds, optionId, type WidgetProps } from '@rjsf/utils';
import { format } from '../locale/messages';
import { labelId, publicFormContext } from './formContext';

interface ScaleProps {
  widget: WidgetProps;
  values: number[];
  className: string;
  tileText: (value: number) => string;
  tileLabel?: (value: number) => string;
  ends?: [string, string];
}

/**
 * A row of numbered tiles. They are native radios (visually replaced), so the arrow keys move
 * between them and screen readers announce a radio group, at no cost in script.
 */
function Scale({ widget, values, className, tileText, tileLabel, ends }: ScaleProps) {
  const value: unknown = widget.value;
  const { id, htmlName, required, disabled, readonly, onChange, onBlur, onFocus } = widget;
  const invalid = (widget.rawErrors?.length ?? 0) > 0 || undefined;
  return (
    <div
      id={id}
      className={`fw-scale ${className}`}
      role="radiogroup"
      aria-labelledby={labelId(id)}
      aria-required={required || undefined}
      aria-invalid={invalid}
      aria-describedby={ariaDescribedByIds(id)}
    >
      <div className="fw-scale__tiles">
        {values.map((tile) => (
          <label
            key={tile}
            className="fw-scale__tile"
            htmlFor={optionId(id, tile)}
            data-selected={typeof value === 'number' && tile <= value ? 'up-to' : undefined}
          >
            <input
              type="radio"
              className="fw-visually-hidden"
              id={optionId(id, tile)}
              name={htmlName || id}
              value={tile}
              checked={value === tile}
              required={required}
              disabled={disabled || readonly}
              aria-label={tileLabel?.(tile)}
              onChange={() => onChange(tile)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <span aria-hidden={tileLabel ? true : undefined}>{tileText(tile)}</span>
          </label>
        ))}
      </div>
      {ends && (
        <div className="fw-scale__ends" aria-hidden="true">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      )}
    </div>
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);

/** Net Promoter Score: 0 (not at all likely) to 10 (extremely likely). */
export function NpsWidget(props: WidgetProps) {
  const { messages } = publicFormContext(props.registry);
  return (
    <Scale
      widget={props}
      values={range(0, 10)}
      className="fw-scale--nps"
      tileText={String}
      ends={[`0 · ${messages.npsLow}`, `10 · ${messages.npsHigh}`]}
    />
  );
}

/** Stars from the schema's minimum to its maximum (1–5 unless the form says otherwise). */
export function RatingWidget(props: WidgetProps) {
  const { messages } = publicFormContext(props.registry);
  const min = typeof props.schema.minimum === 'number' ? props.schema.minimum : 1;
  const max = typeof props.schema.maximum === 'number' ? props.schema.maximum : 5;
  return (
    <Scale
      widget={props}
      values={range(min, max)}
      className="fw-scale--rating"
      tileText={() => '★'}
      tileLabel={(value) => format(messages.ratingValue, { value, max })}
    />
  );
}
