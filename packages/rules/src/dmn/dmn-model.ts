import type { Expression } from '../feel/ast.js';
import type { ValueType } from '../feel/values.js';
import type { DecisionTable } from '../table.js';

export const DMN_NAMESPACES = {
  '1.3': 'https://www.omg.org/spec/DMN/20191111/MODEL/',
  '1.4': 'https://www.omg.org/spec/DMN/20211108/MODEL/',
  '1.5': 'https://www.omg.org/spec/DMN/20230324/MODEL/',
} as const;
export type DmnVersion = keyof typeof DMN_NAMESPACES;

/** A problem found while reading a model; `element` says where (`decision[name="X"]/literalExpression`). */
export interface DmnIssue {
  element: string;
  message: string;
}

export interface DmnItemDefinition {
  name: string;
  /** The FEEL type it comes down to; `any` for structures. */
  type: ValueType;
  isCollection: boolean;
  /** Allowed values (from `allowedValues`), if they are a plain list of literals. */
  allowedValues?: string;
  components: DmnItemDefinition[];
}

export interface DmnInputData {
  id: string;
  name: string;
  typeRef?: string;
}

export interface DmnDecision {
  id: string;
  name: string;
  typeRef?: string;
  /** Names of the decisions and input data this decision reads. */
  requiredDecisions: string[];
  requiredInputs: string[];
  /** The logic, when it is supported: a decision table or a simple literal expression. */
  logic?:
    | { kind: 'decisionTable'; table: DecisionTable }
    | { kind: 'literalExpression'; text: string; expression: Expression };
  /** Why the decision cannot be evaluated, when it cannot. */
  unsupported?: string;
}

export interface DmnModel {
  id?: string;
  name?: string;
  namespace?: string;
  version: DmnVersion;
  itemDefinitions: DmnItemDefinition[];
  inputData: DmnInputData[];
  decisions: DmnDecision[];
}

export interface ImportDmnResult {
  /** Undefined only when the document is not a DMN 1.3–1.5 model at all. */
  model?: DmnModel;
  /** Unsupported or invalid parts; the rest of the model still loads. */
  errors: DmnIssue[];
  warnings: DmnIssue[];
}
