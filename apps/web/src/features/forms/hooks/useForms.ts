import type { Form } from '@formwork/definitions';
import { useQuery } from '@tanstack/react-query';
import { fetchForm, fetchForms, formKey, formsKey } from '../api/forms';

export function useForms(app: string, enabled = true) {
  return useQuery({ queryKey: formsKey(app), queryFn: () => fetchForms(app), enabled });
}

export function useForm(app: string, form: string) {
  return useQuery({ queryKey: formKey(app, form), queryFn: () => fetchForm(app, form) });
}

/** The forms that fill in records of this entity (none while they load). */
export function useEntityForms(app: string, entity: string): Form[] {
  const forms = useForms(app);
  return (forms.data ?? []).filter((form) => form.entity === entity);
}
