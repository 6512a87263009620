import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldOption } from '@formwork/definitions';
import { Button, Input, type InputRef } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface OptionsEditorProps {
  options: FieldOption[];
  onChange: (options: FieldOption[]) => void;
  invalid: boolean;
  describedBy?: string;
}

/** The choices of a select or multiselect field: a stored value and an optional label each. */
export function OptionsEditor({ options, onChange, invalid, describedBy }: OptionsEditorProps) {
  const { t } = useTranslation();
  const lastValue = useRef<InputRef>(null);
  const focusLast = useRef(false);

  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    lastValue.current?.focus();
  }, [options.length]);

  const update = (index: number, patch: Partial<FieldOption>) =>
    onChange(options.map((option, i) => (i === index ? { ...option, ...patch } : option)));
  const add = () => {
    focusLast.current = true;
    onChange([...options, { value: '' }]);
  };

  return (
    <fieldset className="fw-options" data-testid="field-options">
      <legend className="fw-mini-label">{t('designer.options')}</legend>
      <ol className="fw-plain-list">
        {options.map((option, index) => (
          <li key={index} className="fw-option-row" data-testid="field-option">
            <Input
              ref={index === options.length - 1 ? lastValue : undefined}
              value={option.value}
              onChange={(event) => update(index, { value: event.target.value })}
              onPressEnter={add}
              placeholder={t('designer.optionValue')}
              aria-label={t('designer.optionValueN', { n: index + 1 })}
              aria-describedby={describedBy}
              status={invalid && !option.value.trim() ? 'error' : undefined}
              data-testid="field-option-value"
            />
            <Input
              value={option.label ?? ''}
              onChange={(event) => update(index, { label: event.target.value })}
              onPressEnter={add}
              placeholder={t('designer.optionLabel')}
              aria-label={t('designer.optionLabelN', { n: index + 1 })}
              data-testid="field-option-label"
            />
            <Button
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('designer.removeOptionN', { n: index + 1 })}
              onClick={() => onChange(options.filter((_, i) => i !== index))}
              data-testid="field-option-remove"
            />
          </li>
        ))}
      </ol>
      <Button
        size="small"
        icon={<PlusOutlined aria-hidden />}
        onClick={add}
        data-testid="field-option-add"
      >
        {t('designer.addOption')}
      </Button>
    </fieldset>
  );
}
