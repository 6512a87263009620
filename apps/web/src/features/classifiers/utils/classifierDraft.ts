import type {
  ClassifierDefinition,
  ClassifierTrigger,
  HitPolicy,
  InputSource,
} from '@formwork/definitions';
import { assignRuleIds } from '@formwork/rules';

/** A column or row as the editor holds it: `uid` keeps React keys and focus across moves. */
export interface DraftInput {
  uid: string;
  key: string;
  source: InputSource;
}

export interface DraftOutput {
  uid: string;
  field: string;
  /** The value when no rule matches; undefined: none (the output becomes null). */
  default?: unknown;
}

export interface DraftRule {
  uid: string;
  /** The stored id; new rules get one derived from their cells when sent. */
  id?: string;
  when: string[];
  then: string[];
  description: string;
  disabled: boolean;
}

export interface ClassifierDraft {
  name: string;
  entity: string;
  hitPolicy: HitPolicy;
  inputs: DraftInput[];
  outputs: DraftOutput[];
  rules: DraftRule[];
  triggers: string[];
}

/** The parts of a definition a preset (or an import) replaces. */
export type TableParts = Pick<ClassifierDefinition, 'hitPolicy' | 'inputs' | 'outputs' | 'rules'>;

let lastUid = 0;
/** A fresh client-side id; only React keys and focus use it, it is never sent. */
export const newUid = (): string => `u${(lastUid += 1)}`;

export const ANY_CELL = '-';

export function emptyRule(inputs: number, outputs: number): DraftRule {
  return {
    uid: newUid(),
    when: Array.from({ length: inputs }, () => ANY_CELL),
    then: Array.from({ length: outputs }, () => ''),
    description: '',
    disabled: false,
  };
}

export function newDraft(entity: string, name: string): ClassifierDraft {
  return {
    name,
    entity,
    hitPolicy: 'UNIQUE',
    inputs: [],
    outputs: [],
    rules: [],
    triggers: ['manual'],
  };
}

export type DraftTable = Pick<ClassifierDraft, 'hitPolicy' | 'inputs' | 'outputs' | 'rules'>;

export function draftTableOf(parts: TableParts): DraftTable {
  return {
    hitPolicy: parts.hitPolicy,
    inputs: parts.inputs.map((input) => ({ uid: newUid(), key: input.key, source: input.source })),
    outputs: parts.outputs.map((output) => ({ uid: newUid(), ...output })),
    rules: parts.rules.map((rule) => ({
      uid: newUid(),
      ...(rule.id !== undefined ? { id: rule.id } : {}),
      when: [...rule.when],
      then: [...rule.then],
      description: rule.description ?? '',
      disabled: rule.disabled === true,
    })),
  };
}

export function draftFromClassifier(classifier: ClassifierDefinition): ClassifierDraft {
  return {
    name: classifier.name,
    entity: classifier.entity,
    ...draftTableOf(classifier),
    triggers: [...(classifier.triggers ?? [])],
  };
}

/**
 * The definition to send. Rules keep their order (so `/rules/3` is the fourth row) and every
 * rule gets an id, so that preview conflicts and matched rules name rows of this draft.
 */
export function definitionOf(draft: ClassifierDraft): ClassifierDefinition {
  const rules = assignRuleIds(
    draft.rules.map((rule) => ({
      ...(rule.id !== undefined ? { id: rule.id } : {}),
      when: rule.when,
      then: rule.then,
      ...(rule.description.trim() ? { description: rule.description.trim() } : {}),
      ...(rule.disabled ? { disabled: true } : {}),
    })),
  );
  return {
    name: draft.name.trim(),
    entity: draft.entity,
    hitPolicy: draft.hitPolicy,
    inputs: draft.inputs.map(({ key, source }) => ({ key, source })),
    outputs: draft.outputs.map(({ field, default: value }) =>
      value === undefined ? { field } : { field, default: value },
    ),
    rules,
    triggers: draft.triggers as ClassifierTrigger[],
  };
}

/** The rule ids a definition of this draft would carry, by row. */
export function ruleIdsOf(draft: ClassifierDraft): string[] {
  return definitionOf(draft).rules.map((rule) => rule.id ?? '');
}

export const sameDefinition = (a: ClassifierDraft, b: ClassifierDraft): boolean =>
  JSON.stringify(definitionOf(a)) === JSON.stringify(definitionOf(b));
