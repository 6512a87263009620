import { randomBytes, randomUUID } from 'node:crypto';
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

/** Public forms: what a customer's browser may see and send, and nothing about other records. */
@Injectable()
export class PublicFormsService implements OnModuleInit {
  private links = new CustomerLinks('');

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
    const scope = `public-form:${form.app}/${form.key}`;
    const key = request.idempotencyKey;
    if (key) {
      const earlier = await this.guards.claim(scope, key);
      if (earlier === 'pending')
        throw conflict('This submission is still being processed. Wait a moment before retrying.');
      if (earlier) return earlier;
    }
    try {
      const response = await this.accept(form, request);
      if (key) await this.guards.remember(scope, key, response);
      return response;
    } catch (error) {
      if (key) await this.guards.release(scope, key);
      throw error;
    }
  }

  private async accept(form: StoredForm, request: PublicRequest): Promise<StoredResponse> {
    // Bots fill every input; people never see this one. Answer as if it worked, keep nothing.
    if (request.body[HONEYPOT_FIELD]) return { status: 201, body: { submissionId: randomUUID() } };
    const submitter: Submitter = { actor: null, isPublic: true };
    if (request.customerToken)
      submitter.customer = await this.customerOf(form, request.customerToken);
    const { submissionId } = await this.submissions.submit(
      form,
      { data: request.body.data },
      submitter,
    );
    return { status: 201, body: { submissionId } };
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
