import type { AuditEntry, Page } from '@formwork/definitions';
import { client } from '../../../lib/client';

export const auditKey = ['admin', 'audit'] as const;

export function fetchAuditPage(cursor: string | null): Promise<Page<AuditEntry>> {
  return client.audit.list(cursor ? { cursor } : {});
}
