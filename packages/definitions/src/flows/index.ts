export * from './edge-data.js';
export * from './flow.js';
export * from './flow-condition.js';
export * from './iso-duration.js';
export * from './node-data.js';
export * from './node-types.js';
export * from './trigger.js';
export * from './flow-resources.js';
