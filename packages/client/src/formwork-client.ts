import type {
  AuditEntry,
  CreateUserInput,
  Health,
  Job,
  LoginInput,
  LoginResult,
  Page,
  PageQuery,
  UpdateUserInput,
  User,
  UserDetail,
} from '@formwork/definitions';
import { appsApi, entitiesApi, recordsApi } from './entities-api.js';
import { classifiersApi } from './classifiers-api.js';
import { flowsApi } from './flows-api.js';
import { formsApi } from './forms-api.js';
import { HttpTransport, type Authentication, type ClientOptions } from './http.js';

const encode = encodeURIComponent;

/** Typed client of the Formwork REST API (see /api/docs). */
export class FormworkClient {
  readonly http: HttpTransport;
  readonly apps: ReturnType<typeof appsApi>;
  readonly entities: ReturnType<typeof entitiesApi>;
  readonly records: ReturnType<typeof recordsApi>;
  readonly forms: ReturnType<typeof formsApi>;
  readonly classifiers: ReturnType<typeof classifiersApi>;
  readonly flows: ReturnType<typeof flowsApi>;

  constructor(options: ClientOptions = {}) {
    this.http = new HttpTransport(options);
    this.apps = appsApi(this.http);
    this.entities = entitiesApi(this.http);
    this.records = recordsApi(this.http);
    this.forms = formsApi(this.http);
    this.classifiers = classifiersApi(this.http);
    this.flows = flowsApi(this.http);
  }

  /** Switches to bearer authentication, e.g. after `auth.login` in a script. */
  useToken(token: string): this {
    this.http.setAuth({ kind: 'bearer', token });
    return this;
  }

  useAuth(auth: Authentication): this {
    this.http.setAuth(auth);
    return this;
  }

  health(): Promise<Health> {
    return this.http.request('GET', '/api/health');
  }

  readonly auth = {
    login: (input: LoginInput): Promise<LoginResult> =>
      this.http.request('POST', '/api/auth/login', { body: input }),
    me: (): Promise<User> => this.http.request('GET', '/api/auth/me'),
    logout: (): Promise<void> => this.http.request('POST', '/api/auth/logout'),
  };

  readonly users = {
    list: (query: PageQuery = {}): Promise<Page<UserDetail>> =>
      this.http.request('GET', '/api/users', { query }),
    get: (id: string): Promise<UserDetail> => this.http.request('GET', `/api/users/${encode(id)}`),
    create: (input: CreateUserInput): Promise<UserDetail> =>
      this.http.request('POST', '/api/users', { body: input }),
    update: (id: string, input: UpdateUserInput): Promise<UserDetail> =>
      this.http.request('PATCH', `/api/users/${encode(id)}`, { body: input }),
  };

  readonly jobs = {
    get: (id: string): Promise<Job> => this.http.request('GET', `/api/jobs/${encode(id)}`),
  };

  readonly audit = {
    list: (query: PageQuery = {}): Promise<Page<AuditEntry>> =>
      this.http.request('GET', '/api/audit', { query }),
  };
}
