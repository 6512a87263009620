import { useQuery } from '@tanstack/react-query';
import { explanationKey, fetchExplanation } from '../api/classifiers';

/** The last evaluation of one record by one classifier; fetched fresh each time it is shown. */
export function useExplanation(app: string, entity: string, id: string, classifier: string) {
  return useQuery({
    queryKey: explanationKey(app, entity, id, classifier),
    queryFn: () => fetchExplanation(app, entity, id, classifier),
    staleTime: 0,
  });
}
