import type {
  ClassificationExplanation,
  Classifier,
  ClassifierDefinitionInput,
  ClassifierEvaluation,
  ClassifierPreview,
  RecordValues,
} from '@formwork/definitions';
import type { HttpTransport } from './http.js';

const encode = encodeURIComponent;
const classifiersPath = (app: string) => `/api/apps/${encode(app)}/classifiers`;
const classifierPath = (app: string, key: string) => `${classifiersPath(app)}/${encode(key)}`;

export interface ImportDmnOptions {
  key?: string;
  entity?: string;
}

export function classifiersApi(http: HttpTransport) {
  return {
    list: (app: string): Promise<{ items: Classifier[] }> =>
      http.request('GET', classifiersPath(app)),
    get: (app: string, key: string): Promise<Classifier> =>
      http.request('GET', classifierPath(app, key)),
    /** Creates or replaces the classifier; it is live as soon as this succeeds. */
    put: (
      app: string,
      key: string,
      definition: ClassifierDefinitionInput,
      options: { expectedVersion?: number } = {},
    ): Promise<Classifier> =>
      http.request('PUT', classifierPath(app, key), {
        body: definition,
        headers:
          options.expectedVersion === undefined
            ? undefined
            : { 'if-match': String(options.expectedVersion) },
      }),
    delete: (app: string, key: string): Promise<void> =>
      http.request('DELETE', classifierPath(app, key)),
    /** What the stored table gives for a record's values; nothing is written. */
    evaluate: (app: string, key: string, record: RecordValues): Promise<ClassifierEvaluation> =>
      http.request('POST', `${classifierPath(app, key)}/evaluate`, { body: { record } }),
    /** What a run would change; with `definition`, of that unsaved table instead of the stored one. */
    preview: (
      app: string,
      key: string,
      definition?: ClassifierDefinitionInput,
    ): Promise<ClassifierPreview> =>
      http.request('POST', `${classifierPath(app, key)}/preview`, {
        body: definition ? { definition } : {},
      }),
    run: (app: string, key: string): Promise<{ jobId: string }> =>
      http.request('POST', `${classifierPath(app, key)}/run`, { body: {} }),
    exportDmn: (app: string, key: string): Promise<string> =>
      http.request('GET', `${classifierPath(app, key)}/dmn`, {
        headers: { accept: 'application/xml' },
        responseType: 'text',
      }),
    importDmn: (app: string, xml: string, options: ImportDmnOptions = {}): Promise<Classifier> =>
      http.request('POST', `${classifiersPath(app)}/import-dmn`, {
        rawBody: xml,
        contentType: 'application/xml',
        query: { key: options.key, entity: options.entity },
      }),
    explain: (
      app: string,
      entity: string,
      recordId: string,
      classifier: string,
    ): Promise<ClassificationExplanation> =>
      http.request(
        'GET',
        `/api/apps/${encode(app)}/entities/${encode(entity)}/records/${encode(recordId)}/explain`,
        { query: { classifier } },
      ),
  };
}
