import type {
  Flow,
  FlowInput,
  FlowInstance,
  FlowOperations,
  FlowSaveResult,
  FlowTask,
  FlowVersion,
} from '@formwork/definitions';
import type { HttpTransport } from './http.js';

const encode = encodeURIComponent;
const flowsPath = (app: string) => `/api/apps/${encode(app)}/flows`;
const flowPath = (app: string, flow: string) => `${flowsPath(app)}/${encode(flow)}`;

export interface TaskQuery {
  assignee?: 'me';
  status?: 'open' | 'completed';
}

export function flowsApi(http: HttpTransport) {
  return {
    list: (app: string): Promise<{ items: Flow[] }> => http.request('GET', flowsPath(app)),
    get: (app: string, flow: string): Promise<Flow> => http.request('GET', flowPath(app, flow)),
    /** Saves the draft (valid or not); `expectedRevision` guards against overwriting (409). */
    put: (
      app: string,
      flow: string,
      input: FlowInput,
      options: { expectedRevision?: number } = {},
    ): Promise<FlowSaveResult> =>
      http.request('PUT', flowPath(app, flow), {
        body: input,
        headers:
          options.expectedRevision === undefined
            ? undefined
            : { 'if-match': String(options.expectedRevision) },
      }),
    delete: (app: string, flow: string): Promise<void> =>
      http.request('DELETE', flowPath(app, flow)),
    publish: (app: string, flow: string): Promise<{ version: number }> =>
      http.request('POST', `${flowPath(app, flow)}/publish`, { body: {} }),
    versions: (app: string, flow: string): Promise<{ items: FlowVersion[] }> =>
      http.request('GET', `${flowPath(app, flow)}/versions`),
    start: (
      app: string,
      flow: string,
      body: { recordId?: string; input?: Record<string, unknown> } = {},
    ): Promise<FlowInstance> => http.request('POST', `${flowPath(app, flow)}/instances`, { body }),
    instances: (
      app: string,
      flow: string,
      query: { status?: string } = {},
    ): Promise<{ items: FlowInstance[] }> =>
      http.request('GET', `${flowPath(app, flow)}/instances`, { query }),
    instance: (id: string): Promise<FlowInstance> =>
      http.request('GET', `/api/flow-instances/${encode(id)}`),
    cancel: (id: string): Promise<FlowInstance> =>
      http.request('POST', `/api/flow-instances/${encode(id)}/cancel`, { body: {} }),
    retry: (id: string): Promise<FlowInstance> =>
      http.request('POST', `/api/flow-instances/${encode(id)}/retry`, { body: {} }),
    tasks: (query: TaskQuery = { assignee: 'me', status: 'open' }): Promise<FlowTask[]> =>
      http.request('GET', '/api/tasks', { query: { ...query } }),
    task: (id: string): Promise<FlowTask> => http.request('GET', `/api/tasks/${encode(id)}`),
    completeTask: (
      id: string,
      body: { data?: Record<string, unknown>; outcome?: string },
    ): Promise<FlowTask> => http.request('POST', `/api/tasks/${encode(id)}/complete`, { body }),
    operations: (): Promise<FlowOperations> => http.request('GET', '/api/flow-operations'),
  };
}
