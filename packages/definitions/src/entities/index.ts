export * from './entity.js';
export * from './field-types.js';
export * from './filter.js';
export * from './record-values.js';
