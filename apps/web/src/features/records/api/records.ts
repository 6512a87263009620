import type {
  EntityRecord,
  ImportResult,
  Page,
  RecordHistoryEntry,
  RecordListQuery,
  RecordValues,
} from '@formwork/definitions';
import { client } from '../../../lib/client';
import { entityKey } from '../../entities/api/entities';

export const PAGE_SIZE = 50;

export const recordsKey = (app: string, entity: string) =>
  [...entityKey(app, entity), 'records'] as const;
export const recordKey = (app: string, entity: string, id: string) =>
  [...recordsKey(app, entity), 'one', id] as const;

export type ListQuery = Pick<RecordListQuery, 'filter' | 'sort' | 'search' | 'expand'>;

export function fetchRecordsPage(
  app: string,
  entity: string,
  query: ListQuery & { limit?: number },
  cursor: string | null,
): Promise<Page<EntityRecord>> {
  return client.records.list(app, entity, {
    limit: PAGE_SIZE,
    ...query,
    cursor: cursor ?? undefined,
  });
}

export function fetchRecord(
  app: string,
  entity: string,
  id: string,
  expand?: string,
): Promise<EntityRecord> {
  return client.records.get(app, entity, id, expand);
}

export async function fetchHistory(
  app: string,
  entity: string,
  id: string,
): Promise<RecordHistoryEntry[]> {
  return (await client.records.history(app, entity, id)).items;
}

export function createRecord(
  app: string,
  entity: string,
  values: RecordValues,
): Promise<EntityRecord> {
  return client.records.create(app, entity, values);
}

export function updateRecord(
  app: string,
  entity: string,
  id: string,
  values: RecordValues,
  expectedVersion: number,
): Promise<EntityRecord> {
  return client.records.update(app, entity, id, values, { expectedVersion });
}

export function deleteRecord(app: string, entity: string, id: string): Promise<void> {
  return client.records.delete(app, entity, id);
}

export function restoreRecord(app: string, entity: string, id: string): Promise<EntityRecord> {
  return client.records.restore(app, entity, id);
}

export function importRecords(
  app: string,
  entity: string,
  file: File,
  mapping: Record<string, string> | undefined,
): Promise<ImportResult | { jobId: string }> {
  return client.records.importFile(app, entity, file, file.name, mapping);
}

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface Job<Result = unknown> {
  id?: string;
  status: JobStatus;
  /** 0–1 (or 0–100 from older engines); absent when unknown. */
  progress?: number | null;
  result?: Result | null;
  error?: string | null;
}

export const jobKey = (id: string) => ['jobs', id] as const;

export function fetchJob<Result>(id: string): Promise<Job<Result>> {
  return client.http.request('GET', `/api/jobs/${encodeURIComponent(id)}`);
}

export function exportUrl(
  app: string,
  entity: string,
  format: 'csv' | 'xlsx',
  query: Pick<RecordListQuery, 'filter' | 'sort' | 'search'>,
): string {
  return client.records.exportUrl(app, entity, format, query);
}
