import { toFeelValue, formatFeelValue, type JsonValue } from '../feel/convert.js';
import type { ValueType } from '../feel/values.js';
import { assignRuleIds } from '../rule-ids.js';
import type { DecisionTable, TableRule } from '../table.js';
import { DMN_NAMESPACES } from './dmn-model.js';
import { typeRefName } from './dmn-types.js';
import { FORMWORK_NAMESPACE } from './read-decision-table.js';

export interface ExportDmnOptions {
  /** The model's namespace (default `https://formwork.dev/dmn/<decision id>`). */
  namespace?: string;
  /** The definitions' name (default: the decision's name). */
  modelName?: string;
}

const DMN13 = DMN_NAMESPACES['1.3'];

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A valid XML id (NCName) from any text. */
function toId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

const attributes = (entries: Record<string, string | undefined>) =>
  Object.entries(entries)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('');

const textElement = (name: string, text: string, indent: string) =>
  `${indent}<${name}>\n${indent}  <text>${escape(text)}</text>\n${indent}</${name}>`;

function valueList(values: JsonValue[], type: ValueType | undefined): string {
  return values.map((value) => formatFeelValue(toFeelValue(value, type))).join(', ');
}

const HIT_POLICY_XML: Record<
  DecisionTable['hitPolicy'],
  { hitPolicy: string; aggregation?: string }
> = {
  UNIQUE: { hitPolicy: 'UNIQUE' },
  FIRST: { hitPolicy: 'FIRST' },
  PRIORITY: { hitPolicy: 'PRIORITY' },
  ANY: { hitPolicy: 'ANY' },
  COLLECT: { hitPolicy: 'COLLECT' },
  COLLECT_SUM: { hitPolicy: 'COLLECT', aggregation: 'SUM' },
  COLLECT_MIN: { hitPolicy: 'COLLECT', aggregation: 'MIN' },
  COLLECT_MAX: { hitPolicy: 'COLLECT', aggregation: 'MAX' },
  COLLECT_COUNT: { hitPolicy: 'COLLECT', aggregation: 'COUNT' },
  RULE_ORDER: { hitPolicy: 'RULE ORDER' },
  OUTPUT_ORDER: { hitPolicy: 'OUTPUT ORDER' },
};

function ruleXml(rule: TableRule & { id: string }, hasAnnotations: boolean): string {
  const lines = [
    `      <rule${attributes({ id: rule.id, 'formwork:disabled': rule.disabled ? 'true' : undefined })}>`,
  ];
  rule.when.forEach((cell) => lines.push(textElement('inputEntry', cell, '        ')));
  rule.then.forEach((cell) => lines.push(textElement('outputEntry', cell, '        ')));
  if (hasAnnotations)
    lines.push(textElement('annotationEntry', rule.description ?? '', '        '));
  lines.push('      </rule>');
  return lines.join('\n');
}

/**
 * Writes a table as a DMN 1.3 model: one decision holding the table, one input data per input
 * (dotted keys read from the input data named by their first part). `importDmn` reads it back
 * as the same table; rules without an id get their generated one.
 */
export function exportDmn(table: DecisionTable, options: ExportDmnOptions = {}): string {
  const decisionId = toId(table.id ?? table.name ?? 'decision');
  const decisionName = table.name ?? table.id ?? 'decision';
  const namespace = options.namespace ?? `https://formwork.dev/dmn/${decisionId}`;
  const inputNames = [
    ...new Set(
      table.inputs.map((input) =>
        input.key.includes('.') ? (input.key.split('.')[0] ?? input.key).trim() : input.key,
      ),
    ),
  ];
  const inputTypes = new Map(
    table.inputs
      .filter((input) => !input.key.includes('.'))
      .map((input) => [input.key, input.type]),
  );
  const inputId = (name: string) => toId(`input_${name}`);
  const policy = HIT_POLICY_XML[table.hitPolicy];
  const hasAnnotations = table.rules.some((rule) => rule.description !== undefined);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<definitions${attributes({ xmlns: DMN13, 'xmlns:formwork': FORMWORK_NAMESPACE, id: `${decisionId}_definitions`, name: options.modelName ?? decisionName, namespace })}>`,
    ...inputNames.map((name) => {
      const type = inputTypes.get(name);
      return `  <inputData${attributes({ id: inputId(name), name })}>\n    <variable${attributes({ name, typeRef: type ? typeRefName(type) : undefined })}/>\n  </inputData>`;
    }),
    `  <decision${attributes({ id: decisionId, name: decisionName })}>`,
    `    <variable${attributes({ name: decisionName })}/>`,
    ...inputNames.map(
      (name) =>
        `    <informationRequirement>\n      <requiredInput href="#${inputId(name)}"/>\n    </informationRequirement>`,
    ),
    `    <decisionTable${attributes({ id: `${decisionId}_table`, hitPolicy: policy.hitPolicy, aggregation: policy.aggregation })}>`,
  ];
  table.inputs.forEach((input) => {
    lines.push(`      <input${attributes({ label: input.label })}>`);
    lines.push(
      `        <inputExpression${attributes({ typeRef: input.type ? typeRefName(input.type) : undefined })}>\n          <text>${escape(input.key)}</text>\n        </inputExpression>`,
    );
    if (input.options)
      lines.push(textElement('inputValues', valueList(input.options, input.type), '        '));
    lines.push('      </input>');
  });
  table.outputs.forEach((output) => {
    const parts: string[] = [];
    if (output.values)
      parts.push(textElement('outputValues', valueList(output.values, output.type), '        '));
    if (output.default !== undefined)
      parts.push(
        textElement(
          'defaultOutputEntry',
          formatFeelValue(toFeelValue(output.default, output.type)),
          '        ',
        ),
      );
    const open = `      <output${attributes({ name: output.name, label: output.label, typeRef: output.type ? typeRefName(output.type) : undefined })}`;
    lines.push(parts.length === 0 ? `${open}/>` : `${open}>\n${parts.join('\n')}\n      </output>`);
  });
  if (hasAnnotations) lines.push('      <annotation name="description"/>');
  for (const rule of assignRuleIds(table.rules)) lines.push(ruleXml(rule, hasAnnotations));
  lines.push('    </decisionTable>', '  </decision>', '</definitions>', '');
  return lines.join('\n');
}
