import { Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingId } from './Setting';

const UNITS = ['seconds', 'minutes', 'hours', 'days', 'weeks'] as const;
type Unit = (typeof UNITS)[number];

const FORMAT: Record<Unit, (amount: number) => string> = {
  seconds: (n) => `PT${n}S`,
  minutes: (n) => `PT${n}M`,
  hours: (n) => `PT${n}H`,
  days: (n) => `P${n}D`,
  weeks: (n) => `P${n}W`,
};
const PATTERNS: [RegExp, Unit][] = [
  [/^PT(\d+)S$/, 'seconds'],
  [/^PT(\d+)M$/, 'minutes'],
  [/^PT(\d+)H$/, 'hours'],
  [/^P(\d+)D$/, 'days'],
  [/^P(\d+)W$/, 'weeks'],
];

function parseSimple(value: string): { amount: number; unit: Unit } | null {
  for (const [pattern, unit] of PATTERNS) {
    const match = pattern.exec(value);
    if (match) return { amount: Number(match[1]), unit };
  }
  return null;
}

interface DurationInputProps {
  name: string;
  /** An ISO 8601 duration (`P2D`, `PT4H`); undefined when none. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/** A number and a unit, written as an ISO duration; other ISO durations are edited as text. */
export function DurationInput({ name, value, onChange }: DurationInputProps) {
  const { t } = useTranslation();
  const parsed = value ? parseSimple(value) : null;
  const [unit, setUnit] = useState<Unit>(parsed?.unit ?? 'days');
  if (value && !parsed)
    return (
      <Input
        id={settingId(name)}
        data-testid={settingId(name)}
        value={value}
        onChange={(event) => onChange(event.target.value.trim() || undefined)}
      />
    );
  const shownUnit = parsed?.unit ?? unit;
  return (
    <Space.Compact className="fw-full-width">
      <InputNumber<number>
        id={settingId(name)}
        data-testid={settingId(name)}
        min={1}
        precision={0}
        value={parsed?.amount ?? null}
        placeholder={t('flows.duration.none')}
        onChange={(amount) => onChange(amount ? FORMAT[shownUnit](amount) : undefined)}
        className="fw-flow-duration-amount"
      />
      <Select<Unit>
        value={shownUnit}
        onChange={(next) => {
          setUnit(next);
          if (parsed) onChange(FORMAT[next](parsed.amount));
        }}
        options={UNITS.map((option) => ({
          value: option,
          label: t(`flows.duration.units.${option}`),
        }))}
        aria-label={t('flows.duration.unit')}
        data-testid={`${settingId(name)}-unit`}
        popupMatchSelectWidth={false}
        className="fw-flow-duration-unit"
      />
    </Space.Compact>
  );
}
