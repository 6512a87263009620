import { Injectable } from '@nestjs/common';
import type { Form, FormDesign, JsonSchema, UiSchema } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidatedCache } from '../common/invalidated-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import { queryPrepared } from '../database/prepared-query.js';

interface FormRow {
  app_key: string;
  key: string;
  name: string;
  description: string | null;
  entity_key: string | null;
  version: number;
  public: boolean;
  share_token: string | null;
  closed: boolean;
  closes_at: Date | null;
  created_at: Date;
  updated_at: Date;
  schema: JsonSchema;
  ui_schema: UiSchema;
  design: FormDesign | null;
}

/** A stored form with the app it belongs to (public links name no app). */
export type StoredForm = Form & { app: string };

function toForm(row: FormRow): StoredForm {
  return {
    app: row.app_key,
    key: row.key,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    entity: row.entity_key,
    version: row.version,
    schema: row.schema,
    uiSchema: row.ui_schema,
    design: row.design,
    public: row.public,
    ...(row.public && row.share_token ? { shareToken: row.share_token } : {}),
    closed: row.closed,
    closesAt: row.closes_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const SELECT_FORM = `SELECT f.*, v.schema, v.ui_schema, v.design
  FROM formwork.forms f JOIN formwork.form_versions v
    ON v.app_key = f.app_key AND v.form_key = f.key AND v.version = f.version`;

export interface FormHeader {
  name: string;
  description: string | null;
  entity: string | null;
  public: boolean;
  shareToken: string | null;
  closed: boolean;
  closesAt: string | null;
}

const MAX_CACHED_FORMS = 2_000;

@Injectable()
export class FormsRepository {
  /** Public forms by share token, read on every public request: dropped on change (NOTIFY). */
  private readonly byShareToken = new InvalidatedCache<StoredForm>(MAX_CACHED_FORMS);

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
  ) {
    feed.subscribe('formwork_forms', {
      changed: (payload) => this.forgetWhere(payload),
      reset: () => this.byShareToken.clear(),
    });
  }

  /** Call after a transaction that changed a form commits; other engines hear of it by NOTIFY. */
  forget(app: string, key: string): void {
    this.forgetWhere(`${app}/${key}`);
  }

  private forgetWhere(appAndKey: string): void {
    this.byShareToken.deleteWhere((form) => `${form.app}/${form.key}` === appAndKey);
  }

  async list(app: string): Promise<StoredForm[]> {
    const rows: FormRow[] = await this.dataSource.query(
      `${SELECT_FORM} WHERE f.app_key = $1 ORDER BY f.created_at, f.key`,
      [app],
    );
    return rows.map(toForm);
  }

  async find(
    app: string,
    key: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<StoredForm | undefined> {
    const rows: FormRow[] = await manager.query(
      `${SELECT_FORM} WHERE f.app_key = $1 AND f.key = $2${lock ? ' FOR UPDATE OF f' : ''}`,
      [app, key],
    );
    return rows[0] && toForm(rows[0]);
  }

  /** The public form a share link names (the hot path of public submissions: cached, prepared). */
  async findByShareToken(token: string): Promise<StoredForm | undefined> {
    return this.byShareToken.get(
      token,
      async () => {
        const rows = await queryPrepared<FormRow>(
          this.dataSource,
          `${SELECT_FORM} WHERE f.share_token = $1 AND f.public`,
          [token],
          0,
        );
        return rows[0] && toForm(rows[0]);
      },
      this.feed.isLive,
    );
  }

  async insert(app: string, key: string, header: FormHeader, manager: EntityManager) {
    await manager.query(
      `INSERT INTO formwork.forms (app_key, key, name, description, entity_key, version, public, share_token, closed, closes_at)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9)`,
      [app, key, ...headerValues(header)],
    );
  }

  async update(
    app: string,
    key: string,
    header: FormHeader,
    version: number,
    manager: EntityManager,
  ) {
    await manager.query(
      `UPDATE formwork.forms SET name = $3, description = $4, entity_key = $5, public = $6, share_token = $7,
              closed = $8, closes_at = $9, version = $10, updated_at = now()
        WHERE app_key = $1 AND key = $2`,
      [app, key, ...headerValues(header), version],
    );
  }

  async insertVersion(
    version: {
      app: string;
      key: string;
      version: number;
      schema: JsonSchema;
      uiSchema: UiSchema;
      design: FormDesign | null;
      actorId: string;
    },
    manager: EntityManager,
  ) {
    await manager.query(
      `INSERT INTO formwork.form_versions (app_key, form_key, version, schema, ui_schema, design, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        version.app,
        version.key,
        version.version,
        JSON.stringify(version.schema),
        JSON.stringify(version.uiSchema),
        version.design === null ? null : JSON.stringify(version.design),
        version.actorId,
      ],
    );
  }

  async delete(app: string, key: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM formwork.forms WHERE app_key = $1 AND key = $2`, [app, key]);
  }
}

const headerValues = (header: FormHeader) => [
  header.name,
  header.description,
  header.entity,
  header.public,
  header.shareToken,
  header.closed,
  header.closesAt,
];
