import type {
  App,
  AppInput,
  Entity,
  EntityChangePlan,
  EntityInput,
  EntityRecord,
  ImportResult,
  Page,
  RecordHistoryEntry,
  RecordListQuery,
  RecordValues,
} from '@formwork/definitions';
import type { HttpTransport } from './http.js';

const encode = encodeURIComponent;
const appPath = (app: string) => `/api/apps/${encode(app)}`;
const entityPath = (app: string, entity: string) => `${appPath(app)}/entities/${encode(entity)}`;
const recordsPath = (app: string, entity: string) => `${entityPath(app, entity)}/records`;

function listQuery(query: RecordListQuery): Record<string, string | number | undefined> {
  return {
    filter: query.filter ? JSON.stringify(query.filter) : undefined,
    sort: query.sort,
    limit: query.limit,
    cursor: query.cursor,
    search: query.search,
    expand: query.expand,
  };
}

const ifMatch = (version?: number) =>
  version === undefined ? undefined : { 'if-match': String(version) };

export function appsApi(http: HttpTransport) {
  return {
    list: (): Promise<{ items: App[] }> => http.request('GET', '/api/apps'),
    get: (app: string): Promise<App> => http.request('GET', appPath(app)),
    create: (input: AppInput): Promise<App> => http.request('POST', '/api/apps', { body: input }),
    delete: (app: string): Promise<void> =>
      http.request('DELETE', appPath(app), { query: { confirm: app } }),
  };
}

export function entitiesApi(http: HttpTransport) {
  return {
    list: (app: string): Promise<{ items: Entity[] }> =>
      http.request('GET', `${appPath(app)}/entities`),
    get: (app: string, entity: string): Promise<Entity> =>
      http.request('GET', entityPath(app, entity)),
    /** Creates or changes the entity to match `definition`; `expectedVersion` guards against overwriting. */
    put: (
      app: string,
      definition: EntityInput,
      options: { expectedVersion?: number } = {},
    ): Promise<Entity> =>
      http.request('PUT', entityPath(app, definition.key), {
        body: definition,
        headers: ifMatch(options.expectedVersion),
      }),
    /** What `put` would do, changing nothing (`?dryRun=true`). */
    plan: (
      app: string,
      definition: EntityInput,
      options: { expectedVersion?: number } = {},
    ): Promise<EntityChangePlan> =>
      http.request('PUT', entityPath(app, definition.key), {
        body: definition,
        query: { dryRun: true },
        headers: ifMatch(options.expectedVersion),
      }),
    /** Drops archived fields and their data for good. */
    purge: (app: string, entity: string, fields: string[]): Promise<Entity> =>
      http.request('POST', `${entityPath(app, entity)}/purge`, { body: { fields } }),
    delete: (app: string, entity: string): Promise<void> =>
      http.request('DELETE', entityPath(app, entity)),
  };
}

export function recordsApi(http: HttpTransport) {
  return {
    list: (app: string, entity: string, query: RecordListQuery = {}): Promise<Page<EntityRecord>> =>
      http.request('GET', recordsPath(app, entity), { query: listQuery(query) }),
    get: (app: string, entity: string, id: string, expand?: string): Promise<EntityRecord> =>
      http.request('GET', `${recordsPath(app, entity)}/${encode(id)}`, { query: { expand } }),
    create: (app: string, entity: string, values: RecordValues): Promise<EntityRecord> =>
      http.request('POST', recordsPath(app, entity), { body: values }),
    update: (
      app: string,
      entity: string,
      id: string,
      values: RecordValues,
      options: { expectedVersion?: number } = {},
    ): Promise<EntityRecord> =>
      http.request('PATCH', `${recordsPath(app, entity)}/${encode(id)}`, {
        body: values,
        headers: ifMatch(options.expectedVersion),
      }),
    delete: (app: string, entity: string, id: string): Promise<void> =>
      http.request('DELETE', `${recordsPath(app, entity)}/${encode(id)}`),
    restore: (app: string, entity: string, id: string): Promise<EntityRecord> =>
      http.request('POST', `${recordsPath(app, entity)}/${encode(id)}/restore`),
    history: (app: string, entity: string, id: string): Promise<{ items: RecordHistoryEntry[] }> =>
      http.request('GET', `${recordsPath(app, entity)}/${encode(id)}/history`),
    /** Imports CSV text, or a CSV/XLSX file with an optional column → field mapping. */
    importCsv: (
      app: string,
      entity: string,
      csv: string,
    ): Promise<ImportResult | { jobId: string }> =>
      http.request('POST', `${recordsPath(app, entity)}/import`, {
        rawBody: csv,
        contentType: 'text/csv; charset=utf-8',
      }),
    importFile: (
      app: string,
      entity: string,
      file: Blob,
      fileName: string,
      mapping?: Record<string, string>,
    ): Promise<ImportResult | { jobId: string }> => {
      const form = new FormData();
      form.append('file', file, fileName);
      if (mapping) form.append('mapping', JSON.stringify(mapping));
      return http.request('POST', `${recordsPath(app, entity)}/import`, { rawBody: form });
    },
    exportUrl: (
      app: string,
      entity: string,
      format: 'csv' | 'xlsx',
      query: Pick<RecordListQuery, 'filter' | 'sort' | 'search'> = {},
    ): string => http.url(`${recordsPath(app, entity)}/export`, { format, ...listQuery(query) }),
  };
}
