import type { HitPolicy } from '@formwork/definitions';
import {
  emptyRule,
  type ClassifierDraft,
  type DraftInput,
  type DraftOutput,
  type DraftRule,
  type DraftTable,
} from './classifierDraft';

export type CellPart = 'when' | 'then';

export type DraftAction =
  | { type: 'reset'; draft: ClassifierDraft }
  | { type: 'replaceTable'; table: DraftTable }
  | { type: 'setName'; name: string }
  | { type: 'setEntity'; entity: string }
  | { type: 'setHitPolicy'; hitPolicy: HitPolicy }
  | { type: 'setTriggers'; triggers: string[] }
  | { type: 'addInput'; input: DraftInput }
  | { type: 'updateInput'; index: number; input: Omit<DraftInput, 'uid'> }
  | { type: 'removeInput'; index: number }
  | { type: 'addOutput'; output: DraftOutput }
  | { type: 'updateOutput'; index: number; output: Omit<DraftOutput, 'uid'> }
  | { type: 'removeOutput'; index: number }
  | { type: 'addRule'; at: number; uid: string }
  | { type: 'removeRule'; index: number }
  | { type: 'moveRule'; from: number; to: number }
  | { type: 'setCell'; rule: number; part: CellPart; column: number; value: string }
  | {
      type: 'updateRule';
      index: number;
      patch: Partial<Pick<DraftRule, 'description' | 'disabled'>>;
    }
  /** After publishing: rules sent without an id keep the one they were stored with (by uid). */
  | { type: 'assignRuleIds'; ids: Record<string, string> };

const without = <T>(items: readonly T[], index: number): T[] =>
  items.filter((_item, position) => position !== index);

const replaced = <T>(items: readonly T[], index: number, item: T): T[] =>
  items.map((current, position) => (position === index ? item : current));

/** Moves one item so that it ends up at index `to`. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const item = items[from];
  if (item === undefined || to < 0 || to >= items.length || from === to) return [...items];
  const rest = without(items, from);
  rest.splice(to, 0, item);
  return rest;
}

const mapRules = (draft: ClassifierDraft, change: (rule: DraftRule) => DraftRule) => ({
  ...draft,
  rules: draft.rules.map(change),
});

/** Edits of the decision table; pure. Adding or removing a column adds or removes its cells. */
export function draftReducer(draft: ClassifierDraft, action: DraftAction): ClassifierDraft {
  switch (action.type) {
    case 'reset':
      return action.draft;
    case 'replaceTable':
      return { ...draft, ...action.table };
    case 'setName':
      return { ...draft, name: action.name };
    case 'setEntity':
      return { ...draft, entity: action.entity };
    case 'setHitPolicy':
      return { ...draft, hitPolicy: action.hitPolicy };
    case 'setTriggers':
      return { ...draft, triggers: action.triggers };
    case 'addInput':
      return mapRules({ ...draft, inputs: [...draft.inputs, action.input] }, (rule) => ({
        ...rule,
        when: [...rule.when, '-'],
      }));
    case 'updateInput': {
      const current = draft.inputs[action.index];
      if (!current) return draft;
      const renamed = action.input.key !== current.key ? current.key : null;
      const inputs = replaced(draft.inputs, action.index, { ...action.input, uid: current.uid });
      // A measure follows the input it measures when that input is renamed.
      return {
        ...draft,
        inputs: renamed
          ? inputs.map((input) =>
              'measure' in input.source && input.source.of === renamed
                ? { ...input, source: { ...input.source, of: action.input.key } }
                : input,
            )
          : inputs,
      };
    }
    case 'removeInput':
      return mapRules({ ...draft, inputs: without(draft.inputs, action.index) }, (rule) => ({
        ...rule,
        when: without(rule.when, action.index),
      }));
    case 'addOutput':
      return mapRules({ ...draft, outputs: [...draft.outputs, action.output] }, (rule) => ({
        ...rule,
        then: [...rule.then, ''],
      }));
    case 'updateOutput': {
      const current = draft.outputs[action.index];
      if (!current) return draft;
      return {
        ...draft,
        outputs: replaced(draft.outputs, action.index, { ...action.output, uid: current.uid }),
      };
    }
    case 'removeOutput':
      return mapRules({ ...draft, outputs: without(draft.outputs, action.index) }, (rule) => ({
        ...rule,
        then: without(rule.then, action.index),
      }));
    case 'addRule': {
      const rule = { ...emptyRule(draft.inputs.length, draft.outputs.length), uid: action.uid };
      const rules = [...draft.rules];
      rules.splice(Math.min(Math.max(action.at, 0), rules.length), 0, rule);
      return { ...draft, rules };
    }
    case 'removeRule':
      return { ...draft, rules: without(draft.rules, action.index) };
    case 'moveRule':
      return { ...draft, rules: moved(draft.rules, action.from, action.to) };
    case 'setCell':
      return {
        ...draft,
        rules: draft.rules.map((rule, index) =>
          index === action.rule
            ? { ...rule, [action.part]: replaced(rule[action.part], action.column, action.value) }
            : rule,
        ),
      };
    case 'updateRule':
      return {
        ...draft,
        rules: draft.rules.map((rule, index) =>
          index === action.index ? { ...rule, ...action.patch } : rule,
        ),
      };
    case 'assignRuleIds':
      return mapRules(draft, (rule) => {
        const id = action.ids[rule.uid];
        return rule.id === undefined && id ? { ...rule, id } : rule;
      });
  }
}
