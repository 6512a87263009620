import { useQuery } from '@tanstack/react-query';
import {
  classifierKey,
  classifiersKey,
  fetchClassifier,
  fetchClassifiers,
} from '../api/classifiers';

export function useClassifiers(app: string, enabled = true) {
  return useQuery({
    queryKey: classifiersKey(app),
    queryFn: () => fetchClassifiers(app),
    enabled,
  });
}

export function useClassifier(app: string, key: string) {
  return useQuery({ queryKey: classifierKey(app, key), queryFn: () => fetchClassifier(app, key) });
}
