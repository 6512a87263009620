import type { AppInput } from '@formwork/definitions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appKey, appsListKey, createApp, deleteApp } from '../api/apps';

export function useCreateApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AppInput) => createApp(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsListKey }),
  });
}

/** After success, call `forget(app)` once the app's pages are left (they would refetch a 404). */
export function useDeleteApp() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (app: string) => deleteApp(app),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsListKey }),
  });
  const forget = (app: string) => queryClient.removeQueries({ queryKey: appKey(app) });
  return { ...mutation, forget };
}
