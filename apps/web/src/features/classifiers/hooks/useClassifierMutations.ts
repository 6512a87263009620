import type { ClassifierDefinitionInput } from '@formwork/definitions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  classifierKey,
  classifiersKey,
  deleteClassifier,
  importClassifierDmn,
  previewClassifier,
  putClassifier,
  runClassifier,
} from '../api/classifiers';

export function usePutClassifier(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: {
      key: string;
      definition: ClassifierDefinitionInput;
      expectedVersion?: number;
    }) => putClassifier(app, request.key, request.definition, request.expectedVersion),
    onSuccess: async (saved) => {
      queryClient.setQueryData(classifierKey(app, saved.key), saved);
      await queryClient.invalidateQueries({ queryKey: classifiersKey(app) });
    },
  });
}

export function useDeleteClassifier(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => deleteClassifier(app, key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classifiersKey(app) }),
  });
}

export function useImportDmn(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { xml: string; key?: string; entity?: string }) =>
      importClassifierDmn(app, request.xml, { key: request.key, entity: request.entity }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(classifierKey(app, saved.key), saved);
      await queryClient.invalidateQueries({ queryKey: classifiersKey(app) });
    },
  });
}

/** What a run of an unsaved table would change; nothing is written. */
export function usePreviewClassifier(app: string, key: string) {
  return useMutation({
    mutationFn: (definition: ClassifierDefinitionInput) => previewClassifier(app, key, definition),
  });
}

export function useRunClassifier(app: string, key: string) {
  return useMutation({ mutationFn: () => runClassifier(app, key) });
}
