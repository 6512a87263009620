import { auditKey, fetchAuditPage } from '../api/audit';
import { usePagedList } from './usePagedList';

export function useAuditLog() {
  const { query, items } = usePagedList(auditKey, fetchAuditPage);
  return { query, entries: items };
}
