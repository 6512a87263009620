import type { WidgetProps } from '@rjsf/utils';
import { Button } from 'antd';
import { useRef, type KeyboardEvent } from 'react';
import type { RendererContext } from '../utils/rendererContext';

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/**
 * Net Promoter Score 0–10 as a radio group: Tab enters it, arrow keys move and choose, as with
 * native radio buttons.
 */
export function NpsWidget({
  id,
  value,
  onChange,
  disabled,
  readonly,
  label,
  registry,
}: WidgetProps) {
  const { t } = registry.formContext as RendererContext;
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const selected = typeof value === 'number' ? value : undefined;
  const choose = (score: number) => {
    onChange(score);
    buttons.current[score]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, score: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    choose(Math.min(10, Math.max(0, score + step)));
  };
  return (
    <div className="fw-nps-scale">
      <div
        role="radiogroup"
        aria-label={label}
        id={id}
        className="fw-nps"
        data-testid={`nps-${id}`}
      >
        {SCORES.map((score) => (
          <Button
            key={score}
            ref={(element) => {
              buttons.current[score] = element as HTMLButtonElement | null;
            }}
            role="radio"
            aria-checked={selected === score}
            tabIndex={selected === score || (selected === undefined && score === 0) ? 0 : -1}
            type={selected === score ? 'primary' : 'default'}
            disabled={disabled || readonly}
            onClick={() => choose(score)}
            onKeyDown={(event) => onKeyDown(event, score)}
          >
            {score}
          </Button>
        ))}
      </div>
      <div className="fw-nps-ends" aria-hidden>
        <span>{t('forms.renderer.npsLow')}</span>
        <span>{t('forms.renderer.npsHigh')}</span>
      </div>
    </div>
  );
}
