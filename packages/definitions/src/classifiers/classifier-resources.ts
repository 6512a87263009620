import type { ClassifierDefinition } from './classifier-definition.js';

/** A stored classifier: its definition (rule ids filled in) and its version, counting from 1. */
export interface Classifier extends ClassifierDefinition {
  key: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `POST …/classifiers/{c}/evaluate`: what the table gives for one record, nothing written. */
export interface ClassifierEvaluation {
  /** Each output field's value (a list for COLLECT, RULE_ORDER and OUTPUT_ORDER). */
  outputs: Record<string, unknown>;
  /** The matched rule ids, in rule order. */
  matchedRules: string[];
  /** The input values the table saw. */
  inputs: Record<string, unknown>;
}

/** One kind of change a preview or run would make to the first output ("B → A": 312). */
export interface ClassificationTransition {
  from: unknown;
  to: unknown;
  count: number;
}

/** An affected record in a preview sample. */
export interface ClassificationSampleRow {
  id: string;
  /** The record's display value (its first text field), when it has one. */
  title: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  matchedRules: string[];
}

/** `POST …/classifiers/{c}/preview`: what a run would do, nothing written. */
export interface ClassifierPreview {
  total: number;
  /** Records per value of the first output after the run (`null` is the key "null"). */
  distribution: Record<string, number>;
  /** Records whose outputs would change. */
  changes: number;
  /** Distribution of every output, keyed by field. */
  distributions: Record<string, Record<string, number>>;
  transitions: ClassificationTransition[];
  sample: ClassificationSampleRow[];
  /** Records the table cannot classify (UNIQUE overlap, failing output expression). */
  conflicts: { id: string; rules: string[]; problem: 'overlap' | 'evaluation' }[];
}

/** A classifier run's job result. */
export interface ClassifierRunResult {
  total: number;
  changed: number;
  conflicts?: number;
}

/** `GET …/records/{id}/explain?classifier=`: the last evaluation of a record. */
export interface ClassificationExplanation {
  classifier: string;
  version: number;
  inputs: Record<string, unknown>;
  matchedRules: string[];
  outputs: Record<string, unknown>;
  at: string;
}
