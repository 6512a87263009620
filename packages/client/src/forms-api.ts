import type { Form, FormInput, FormSubmissionResult } from '@formwork/definitions';
import type { HttpTransport } from './http.js';

const encode = encodeURIComponent;
const formsPath = (app: string) => `/api/apps/${encode(app)}/forms`;
const formPath = (app: string, form: string) => `${formsPath(app)}/${encode(form)}`;

const ifMatch = (version?: number) =>
  version === undefined ? undefined : { 'if-match': String(version) };

/** What staff submit through a form; with `recordId` the answer edits that record. */
export interface FormSubmissionRequest {
  data: Record<string, unknown>;
  formVersion?: number;
  recordId?: string;
  recordVersion?: number;
}

/** A public link that ties the answers to one customer record. */
export interface CustomerLink {
  token: string;
  url: string;
}

export function formsApi(http: HttpTransport) {
  return {
    list: (app: string): Promise<{ items: Form[] }> => http.request('GET', formsPath(app)),
    get: (app: string, form: string): Promise<Form> => http.request('GET', formPath(app, form)),
    /** Creates or replaces the form; `expectedVersion` guards against overwriting (409 when stale). */
    put: (
      app: string,
      form: string,
      input: FormInput,
      options: { expectedVersion?: number } = {},
    ): Promise<Form> =>
      http.request('PUT', formPath(app, form), {
        body: input,
        headers: ifMatch(options.expectedVersion),
      }),
    delete: (app: string, form: string): Promise<void> =>
      http.request('DELETE', formPath(app, form)),
    submit: (
      app: string,
      form: string,
      submission: FormSubmissionRequest,
    ): Promise<FormSubmissionResult> =>
      http.request('POST', `${formPath(app, form)}/submissions`, { body: submission }),
    customerLink: (app: string, form: string, recordId: string): Promise<CustomerLink> =>
      http.request('POST', `${formPath(app, form)}/customer-links`, { body: { recordId } }),
  };
}
