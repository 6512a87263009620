import { useQuery } from '@tanstack/react-query';
import { appKey, appsListKey, fetchApp, fetchApps } from '../api/apps';

export function useApps() {
  return useQuery({ queryKey: appsListKey, queryFn: fetchApps });
}

export function useApp(app: string) {
  return useQuery({ queryKey: [...appKey(app), 'detail'], queryFn: () => fetchApp(app) });
}
