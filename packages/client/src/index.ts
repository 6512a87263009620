export { ApiError } from './api-error.js';
export { FormworkClient } from './formwork-client.js';
export type { Authentication, ClientOptions, RequestOptions } from './http.js';
export type { CustomerLink, FormSubmissionRequest } from './forms-api.js';
export type { ImportDmnOptions } from './classifiers-api.js';
export type { TaskQuery } from './flows-api.js';
