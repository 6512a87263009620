// Decision tables for classifiers: FEEL cells, every DMN hit policy, checks for the editor,
// DMN 1.3–1.5 import and DMN 1.3 export. Pure and framework-free (the browser runs it too).
export type { DecisionTable, TableInput, TableOutput, TableRule, TableMessage } from './table.js';
export type {
  ArithmeticOperator,
  CompareOperator,
  CompareTest,
  Expression,
  IntervalTest,
  NullTest,
  Operand,
  ParseError,
  ParseResult,
  PositiveTest,
  Span,
  UnaryTests,
} from './feel/ast.js';
export { COMPARE_OPERATORS } from './feel/ast.js';
export { parseUnaryTests, type UnaryTestOptions } from './feel/parse-unary-tests.js';
export { parseExpression } from './feel/parse-expression.js';
export {
  evaluateExpression,
  matchesUnaryTests,
  scopeOf,
  type Scope,
  type EvaluationResult,
} from './feel/evaluate.js';
export {
  VALUE_TYPES,
  compareValues,
  valuesEqual,
  type FeelValue,
  type ValueType,
} from './feel/values.js';
export { toFeelValue, toJsonValue, formatFeelValue, type JsonValue } from './feel/convert.js';
export { parseDecimal, formatDecimal, type Decimal } from './feel/decimal.js';
export {
  evaluateTable,
  evaluateTableValues,
  type TableResult,
  type TableValuesResult,
} from './evaluate-table.js';
export {
  checkTable,
  valueTypeOfField,
  type CheckContext,
  type CheckResult,
} from './check-table.js';
export { assignRuleIds } from './rule-ids.js';
export { importDmn } from './dmn/import-dmn.js';
export { exportDmn, type ExportDmnOptions } from './dmn/export-dmn.js';
export { evaluateDecision, type DecisionResult } from './dmn/evaluate-decision.js';
export type {
  DmnDecision,
  DmnInputData,
  DmnIssue,
  DmnItemDefinition,
  DmnModel,
  DmnVersion,
  ImportDmnResult,
} from './dmn/dmn-model.js';
export { DMN_NAMESPACES } from './dmn/dmn-model.js';
export {
  SUPPORTED_TCK_EXTENSIONS,
  formatTckReport,
  runTck,
  type RunTckOptions,
  type TckCase,
  type TckCounts,
  type TckNodeResult,
  type TckReport,
  type TckSkip,
  type TckStatus,
} from './dmn/run-tck.js';
export {
  bindChunk,
  compileTableToSql,
  type CompileTableToSqlOptions,
  type CompiledTableSql,
  type SqlSlots,
} from './sql/compile-table-to-sql.js';
export type { SqlError } from './sql/compile-filter-to-sql.js';
export type { SqlEntityInfo, SqlFieldInfo, SqlSchemaInfo } from './sql/sql-schema.js';
export { tableFromClassifier, type ClassifierField } from './sql/table-from-classifier.js';
export { CLASSIFIER_PRESETS } from './presets/classifier-presets.js';
