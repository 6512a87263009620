import type { FormSubmissionRequest } from '@formwork/client';
import type { Form, FormInput, FormSubmissionResult } from '@formwork/definitions';
import { client } from '../../../lib/client';
import { appKey } from '../../apps/api/apps';

export const formsKey = (app: string) => [...appKey(app), 'form-list'] as const;
export const formKey = (app: string, form: string) => [...appKey(app), 'forms', form] as const;

export async function fetchForms(app: string): Promise<Form[]> {
  return (await client.forms.list(app)).items;
}

export function fetchForm(app: string, form: string): Promise<Form> {
  return client.forms.get(app, form);
}

export function putForm(
  app: string,
  form: string,
  input: FormInput,
  expectedVersion: number | undefined,
): Promise<Form> {
  return client.forms.put(app, form, input, { expectedVersion });
}

export function deleteForm(app: string, form: string): Promise<void> {
  return client.forms.delete(app, form);
}

export function submitForm(
  app: string,
  form: string,
  submission: FormSubmissionRequest,
): Promise<FormSubmissionResult> {
  return client.forms.submit(app, form, submission);
}
