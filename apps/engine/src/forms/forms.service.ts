import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  compileFormDesign,
  defaultFormDesign,
  type Entity,
  type FieldError,
  type Form,
  type FormDesign,
  type JsonSchema,
  type ParsedFormInput,
  type UiSchema,
} from '@formwork/definitions';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import type { RequestActor } from '../auth/request-actor.js';
import { canonicalJson } from '../common/canonical-json.js';
import { conflict, notFound, unprocessable } from '../common/problem.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { AppsRepository } from '../apps/apps.repository.js';
import { FormValidator } from './form-validator.js';
import { FormsRepository, type FormHeader, type StoredForm } from './forms.repository.js';

interface Definition {
  schema: JsonSchema;
  uiSchema: UiSchema;
  design: FormDesign | null;
}

const publicView = ({ app: _app, ...form }: StoredForm): Form => form;
const sameDefinition = (a: Definition, b: Definition) =>
  canonicalJson([a.schema, a.uiSchema, a.design]) ===
  canonicalJson([b.schema, b.uiSchema, b.design]);

/** Form definitions: versioned (a new version only when schema, uiSchema or design change). */
@Injectable()
export class FormsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apps: AppsRepository,
    private readonly entities: EntitiesRepository,
    private readonly forms: FormsRepository,
    private readonly validator: FormValidator,
    private readonly audit: AuditRepository,
  ) {}

  async list(app: string): Promise<{ items: Form[] }> {
    await this.requireApp(app);
    return { items: (await this.forms.list(app)).map(publicView) };
  }

  async get(app: string, key: string): Promise<Form> {
    return publicView(await this.find(app, key));
  }

  async find(app: string, key: string): Promise<StoredForm> {
    const form = await this.forms.find(app, key);
    if (form) return form;
    await this.requireApp(app);
    throw notFound(`There is no form ${key} in ${app}.`);
  }

  async put(
    app: string,
    key: string,
    input: ParsedFormInput,
    expectedVersion: number | undefined,
    actor: RequestActor,
  ): Promise<{ form: Form; created: boolean }> {
    await this.requireApp(app);
    const entity = input.entity ? await this.entities.find(app, input.entity) : undefined;
    if (input.entity && !entity)
      throw unprocessable([{ path: '/entity', message: `there is no entity ${input.entity}` }]);
    const definition = this.definitionOf(input, entity);
    const result = await this.dataSource.transaction(async (manager) => {
      const current = await this.forms.find(app, key, manager, true);
      if (expectedVersion !== undefined && current?.version !== expectedVersion)
        throw conflict(
          `The form was changed by someone else (now version ${current?.version ?? 'none'}). Reload it and try again.`,
        );
      const header = this.headerOf(input, current);
      const version = !current
        ? 1
        : sameDefinition(current, definition)
          ? current.version
          : current.version + 1;
      if (!current) await this.forms.insert(app, key, header, manager);
      if (version !== current?.version)
        await this.forms.insertVersion(
          { app, key, version, ...definition, actorId: actor.userId },
          manager,
        );
      if (current) await this.forms.update(app, key, header, version, manager);
      const saved = (await this.forms.find(app, key, manager))!;
      await this.audit.record(
        {
          actorId: actor.userId,
          action: current ? 'form.update' : 'form.create',
          subjectType: 'form',
          subjectId: `${app}/${key}`,
          before: current ? { version: current.version, public: current.public } : undefined,
          after: { version, public: saved.public, closed: saved.closed },
          ip: actor.ip,
        },
        manager,
      );
      return { form: publicView(saved), created: !current };
    });
    this.forms.forget(app, key);
    return result;
  }

  async delete(app: string, key: string, actor: RequestActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.forms.find(app, key, manager, true);
      if (!current) throw notFound(`There is no form ${key} in ${app}.`);
      await this.forms.delete(app, key, manager);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'form.delete',
          subjectType: 'form',
          subjectId: `${app}/${key}`,
          before: { version: current.version },
          ip: actor.ip,
        },
        manager,
      );
    });
    this.forms.forget(app, key);
  }

  /** The schema the form validates with: compiled from the design, generated, or as written. */
  private definitionOf(input: ParsedFormInput, entity: Entity | undefined): Definition {
    if (input.schema) {
      const uiSchema = input.uiSchema ?? {};
      const fieldKeys = entity && new Set(entity.fields.map((field) => field.key));
      this.refuse(this.validator.checkDefinition(input.schema, uiSchema, fieldKeys));
      return { schema: input.schema, uiSchema, design: null };
    }
    const design = input.design ?? defaultFormDesign(entity!);
    const compiled = compileFormDesign(entity!, design);
    this.refuse(compiled.errors);
    const uiSchema = { ...compiled.uiSchema, ...(input.uiSchema ?? {}) };
    this.refuse(this.validator.checkDefinition(compiled.schema, uiSchema));
    return { schema: compiled.schema, uiSchema, design };
  }

  private refuse(errors: FieldError[]): void {
    if (errors.length > 0) throw unprocessable(errors, 'The form definition is not valid.');
  }

  private headerOf(input: ParsedFormInput, current: StoredForm | undefined): FormHeader {
    const isPublic = input.public ?? current?.public ?? false;
    return {
      name: input.name,
      description: input.description ?? null,
      entity: input.entity ?? null,
      public: isPublic,
      // The link stays the same when a form is unpublished and published again.
      shareToken: current?.shareToken ?? (isPublic ? randomBytes(18).toString('base64url') : null),
      closed: input.closed ?? current?.closed ?? false,
      closesAt: input.closesAt === undefined ? (current?.closesAt ?? null) : input.closesAt,
    };
  }

  private async requireApp(app: string): Promise<void> {
    if (!(await this.apps.find(app))) throw notFound(`There is no app ${app}.`);
  }
}
