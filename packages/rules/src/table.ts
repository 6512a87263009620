import type { HitPolicy } from '@formwork/definitions';
import type { JsonValue } from './feel/convert.js';
import type { ValueType } from './feel/values.js';

/** One input column. Cells of this column test the value found under `key`. */
export interface TableInput {
  /** A key of the evaluation input, or a dotted path into it (`customer.city`). */
  key: string;
  label?: string;
  /** How to read the input's value (text "12.50" as a number, "2024-05-01" as a date). */
  type?: ValueType;
  /** The values the input may take (select options, DMN inputValues); used by checks and gaps. */
  options?: JsonValue[];
}

/** One output column; `name` is the classifier's output field. */
export interface TableOutput {
  name: string;
  label?: string;
  type?: ValueType;
  /** Allowed output values, highest priority first (PRIORITY, OUTPUT_ORDER and validation). */
  values?: JsonValue[];
  /** The value when no rule matches; null when absent. */
  default?: JsonValue;
}

export interface TableRule {
  id?: string;
  /** FEEL unary tests, one per input. */
  when: string[];
  /** FEEL expressions, one per output. */
  then: string[];
  description?: string;
  disabled?: boolean;
}

/** A decision table: close to a classifier definition, plus types and allowed values. */
export interface DecisionTable {
  id?: string;
  name?: string;
  hitPolicy: HitPolicy;
  inputs: TableInput[];
  outputs: TableOutput[];
  rules: TableRule[];
}

/** An error or warning of an evaluation or a check. `path` is a JSON Pointer into the table. */
export interface TableMessage {
  code: string;
  message: string;
  path?: string;
  ruleId?: string;
  output?: string;
}
