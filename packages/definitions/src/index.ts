export * from './common.js';
export * from './keys.js';
export * from './roles.js';
export * from './user.js';
export * from './zod-errors.js';
export * from './entities/index.js';
