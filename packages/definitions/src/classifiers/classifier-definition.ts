import { z } from 'zod';
import { keySchema } from '../keys.js';
import {
  classifierInputSchema,
  classifierOutputSchema,
  classifierRuleSchema,
  isMeasureSource,
  triggerSchema,
} from './classifier.js';
import { HIT_POLICIES } from './constants.js';

/** The body of `PUT /api/apps/{app}/classifiers/{classifier}`: structure only, no FEEL parsing. */
export const classifierDefinitionSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    entity: keySchema,
    hitPolicy: z.enum(HIT_POLICIES, { error: `must be one of ${HIT_POLICIES.join(', ')}` }),
    inputs: z.array(classifierInputSchema).max(50, 'must have at most 50 inputs'),
    outputs: z
      .array(classifierOutputSchema)
      .min(1, 'must have at least one output')
      .max(20, 'must have at most 20 outputs'),
    rules: z.array(classifierRuleSchema).max(2000, 'must have at most 2000 rules'),
    triggers: z.array(triggerSchema).max(10, 'must have at most 10 triggers').optional(),
  })
  .superRefine((classifier, context) => {
    const issue = (path: PropertyKey[], message: string) =>
      context.addIssue({ code: 'custom', path, message });

    /** Too many cells: point at the first extra one; too few: at the row. */
    const checkCellCount = (count: number, wanted: number, path: PropertyKey[], what: string) => {
      if (count > wanted)
        issue([...path, wanted], `is one cell too many: there is one cell per ${what} (${wanted})`);
      else if (count < wanted)
        issue(path, `must have one cell per ${what} (${wanted}), not ${count}`);
    };

    const inputKeys = classifier.inputs.map((input) => input.key);
    inputKeys.forEach((key, index) => {
      if (inputKeys.indexOf(key) !== index)
        issue(['inputs', index, 'key'], `the input key ${key} is used twice`);
    });
    const fields = classifier.outputs.map((output) => output.field);
    fields.forEach((field, index) => {
      if (fields.indexOf(field) !== index)
        issue(['outputs', index, 'field'], `the output field ${field} is used twice`);
    });

    classifier.inputs.forEach((input, index) => {
      if (!isMeasureSource(input.source)) return;
      const of = input.source.of;
      const target = classifier.inputs.find((other) => other.key === of);
      if (!target) issue(['inputs', index, 'source', 'of'], `there is no input ${of}`);
      else if (target === input) issue(['inputs', index, 'source', 'of'], 'cannot measure itself');
      else if (isMeasureSource(target.source))
        issue(['inputs', index, 'source', 'of'], `${of} is itself a measure`);
      if (input.source.measure !== 'ntile' && input.source.n !== undefined)
        issue(['inputs', index, 'source', 'n'], 'only ntile takes n');
    });

    const ids = new Map<string, number>();
    classifier.rules.forEach((rule, index) => {
      checkCellCount(rule.when.length, classifier.inputs.length, ['rules', index, 'when'], 'input');
      checkCellCount(
        rule.then.length,
        classifier.outputs.length,
        ['rules', index, 'then'],
        'output',
      );
      if (rule.id === undefined) return;
      if (ids.has(rule.id)) issue(['rules', index, 'id'], `the rule id ${rule.id} is used twice`);
      ids.set(rule.id, index);
    });

    const hasMeasure = classifier.inputs.some((input) => isMeasureSource(input.source));
    const onChange = classifier.triggers?.indexOf('on_change') ?? -1;
    if (hasMeasure && onChange >= 0)
      issue(
        ['triggers', onChange],
        'a classifier with population measures cannot run on_change: schedule it or run it',
      );
  });

export type ClassifierDefinitionInput = z.input<typeof classifierDefinitionSchema>;
export type ClassifierDefinition = z.output<typeof classifierDefinitionSchema>;
