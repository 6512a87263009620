export * from './compile-form-design.js';
export * from './form-conditions.js';
export * from './form-design.js';
export * from './form-visibility.js';
export * from './form.js';
