export * from './table.js';
export { evaluateTable, evaluateTableValues } from './evaluate-table.js';
