import type { FormSubmissionRequest } from '@formwork/client';
import type { FormInput } from '@formwork/definitions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { recordsKey } from '../../records/api/records';
import { deleteForm, formKey, formsKey, putForm, submitForm } from '../api/forms';

export function usePutForm(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { key: string; input: FormInput; expectedVersion?: number }) =>
      putForm(app, request.key, request.input, request.expectedVersion),
    onSuccess: async (saved) => {
      queryClient.setQueryData(formKey(app, saved.key), saved);
      await queryClient.invalidateQueries({ queryKey: formsKey(app) });
    },
  });
}

export function useDeleteForm(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: string) => deleteForm(app, form),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: formsKey(app) }),
  });
}

export function useSubmitForm(app: string, form: string, entity: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (submission: FormSubmissionRequest) => submitForm(app, form, submission),
    onSuccess: async () => {
      // The answer created or changed a record: grids of the entity are stale.
      if (entity) await queryClient.invalidateQueries({ queryKey: recordsKey(app, entity) });
    },
  });
}
