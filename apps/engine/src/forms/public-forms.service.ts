import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HONEYPOT_FIELD, type PublicForm } from '@formwork/definitions';
import {
  ProblemException,
  conflict,
  notFound,
  problemOf,
  unprocessable,
} from '../common/problem.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { IdempotencyKeyUsed } from '../records/records.repository.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { CustomerLinks } from './customer-links.js';
import { FormSubmissionsService, type Submitter } from './form-submissions.service.js';
import { FormsRepository, type StoredForm } from './forms.repository.js';
import { PublicGuardsRepository, type StoredResponse } from './public-guards.repository.js';
import { PublicRateLimiter } from './public-rate-limiter.js';

export interface PublicRequest {
  body: { data: Record<string, unknown>; [HONEYPOT_FIELD]?: string };
  bodyBytes: number;
  clientAddress: string;
  idempotencyKey?: string;
  customerToken?: string;
}

const gone = (detail: string) => new ProblemException(problemOf(410, detail));

interface KeyScope {
  scope: string;
  key: string;
}

/** Public forms: what a customer's browser may see and send, and nothing about other records. */
@Injectable()
export class PublicFormsService implements OnModuleInit {
  private links = new CustomerLinks('');
  private secret = '';
  /** Submissions running on this engine by scope and key: a double tap waits for the first. */
  private readonly answering = new Map<string, Promise<StoredResponse>>();

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly forms: FormsRepository,
    private readonly entities: EntitiesRepository,
    private readonly guards: PublicGuardsRepository,
    private readonly rateLimiter: PublicRateLimiter,
    private readonly submissions: FormSubmissionsService,
    private readonly settings: SettingsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const secret = await this.settings.getOrCreate('customer_link_secret', () =>
      randomBytes(32).toString('base64url'),
    );
    this.links = new CustomerLinks(secret);
    this.secret = secret;
  }

  get customerLinks(): CustomerLinks {
    return this.links;
  }

  async get(token: string): Promise<PublicForm> {
    const form = await this.openForm(token);
    return {
      name: form.name,
      ...(form.description ? { description: form.description } : {}),
      schema: form.schema,
      uiSchema: form.uiSchema,
      version: form.version,
    };
  }

  async submit(token: string, request: PublicRequest): Promise<StoredResponse> {
    if (request.bodyBytes > this.config.FORMWORK_PUBLIC_FORM_MAX_BYTES)
      throw new ProblemException(
        problemOf(
          413,
          `A submission may be at most ${this.config.FORMWORK_PUBLIC_FORM_MAX_BYTES} bytes.`,
        ),
      );
    await this.rateLimiter.hit(request.clientAddress);
    const form = await this.openForm(token);
    const key = request.idempotencyKey;
    if (!key) return this.accept(form, request);
    const scoped = { scope: `public-form:${form.app}/${form.key}`, key };
    const id = `${scoped.scope}\0${key}`;
    // A double tap on this engine: the first one's answer is the answer, as for a later repeat
    // (if it failed, the next one tries again, and the rest wait for that).
    for (let first = this.answering.get(id); first; first = this.answering.get(id)) {
      const answer = await first.catch(() => undefined);
      if (answer) return answer;
    }
    const attempt = this.acceptOnce(form, request, scoped);
    this.answering.set(id, attempt);
    try {
      return await attempt;
    } finally {
      if (this.answering.get(id) === attempt) this.answering.delete(id);
    }
  }

  /**
   * The key is claimed by the statement that writes the record (nothing is written when it was
   * used before); a submission that was not written answers what the key's first request did.
   */
  private async acceptOnce(
    form: StoredForm,
    request: PublicRequest,
    scoped: KeyScope,
  ): Promise<StoredResponse> {
    try {
      return await this.accept(form, request, scoped);
    } catch (error) {
      const used = error instanceof IdempotencyKeyUsed;
      const earlier = await this.guards
        .storedResponse(scoped.scope, scoped.key)
        .catch((lookupError: unknown) => {
          if (used) throw lookupError;
          return undefined;
        });
      if (earlier && earlier !== 'pending') return earlier;
      if (used || earlier === 'pending')
        throw conflict('This submission is still being processed. Wait a moment before retrying.');
      throw error;
    }
  }

  private async accept(
    form: StoredForm,
    request: PublicRequest,
    scoped?: KeyScope,
  ): Promise<StoredResponse> {
    // Bots fill every input; people never see this one. Answer as if it worked, keep nothing
    // (a repeat with the same key gets the same made-up id, as a real repeat would).
    if (request.body[HONEYPOT_FIELD])
      return { status: 201, body: { submissionId: scoped ? this.decoyId(scoped) : randomUUID() } };
    const submissionId = randomUUID();
    const response: StoredResponse = { status: 201, body: { submissionId } };
    const submitter: Submitter = { actor: null, isPublic: true, submissionId };
    if (scoped)
      submitter.idempotency = { ...scoped, status: response.status, response: response.body };
    if (request.customerToken)
      submitter.customer = await this.customerOf(form, request.customerToken);
    await this.submissions.submit(form, { data: request.body.data }, submitter);
    return response;
  }

  /** A stable uuid-shaped id for a honeypot answer with this key. */
  private decoyId({ scope, key }: KeyScope): string {
    const hex = createHmac('sha256', this.secret).update(`${scope}\0${key}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** The relation field that points at the linked customer (the first one to the token's entity). */
  private async customerOf(form: StoredForm, token: string): Promise<Submitter['customer']> {
    const recordId = this.links.verify({ app: form.app, form: form.key }, token);
    if (!recordId) throw unprocessable([{ path: '/c', message: 'is not a valid customer link' }]);
    const entity = form.entity ? await this.entities.find(form.app, form.entity) : undefined;
    const field = entity?.fields.find((candidate) => candidate.type === 'relation');
    if (!field)
      throw unprocessable([{ path: '/c', message: 'this form cannot be linked to a customer' }]);
    return { field: field.key, recordId };
  }

  private async openForm(token: string): Promise<StoredForm> {
    const form = /^[A-Za-z0-9_-]{10,64}$/.test(token)
      ? await this.forms.findByShareToken(token)
      : undefined;
    if (!form) throw notFound('There is no such form. Check the link you were given.');
    if (form.closed) throw gone('This form is closed and no longer accepts answers.');
    if (form.closesAt && new Date(form.closesAt).getTime() <= Date.now())
      throw gone('This form has expired and no longer accepts answers.');
    return form;
  }
}
