export * from './constants.js';
export * from './classifier.js';
export * from './classifier-definition.js';
export * from './classifier-resources.js';
