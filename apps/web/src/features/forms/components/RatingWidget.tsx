import type { WidgetProps } from '@rjsf/utils';
import { Rate } from 'antd';

/** 1–5 stars; antd's Rate is keyboard operable (arrow keys) on its own. */
export function RatingWidget({ id, value, onChange, disabled, readonly, label }: WidgetProps) {
  return (
    <Rate
      id={id}
      aria-label={label}
      value={typeof value === 'number' ? value : 0}
      onChange={(next) => onChange(next === 0 ? undefined : next)}
      disabled={disabled || readonly}
      data-testid={`rating-${id}`}
    />
  );
}
