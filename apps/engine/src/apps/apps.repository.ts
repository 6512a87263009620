import { Injectable } from '@nestjs/common';
import type { App } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';

interface AppRow {
  key: string;
  name: string;
  description: string | null;
  created_at: Date;
  updated_at: Date;
}

const toApp = (row: AppRow): App => ({
  key: row.key,
  name: row.name,
  ...(row.description ? { description: row.description } : {}),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

@Injectable()
export class AppsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<App[]> {
    const rows: AppRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.apps ORDER BY created_at, key`,
    );
    return rows.map(toApp);
  }

  async find(
    key: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<App | undefined> {
    const rows: AppRow[] = await manager.query(`SELECT * FROM formwork.apps WHERE key = $1`, [key]);
    return rows[0] && toApp(rows[0]);
  }

  /** Returns undefined when the key is taken. */
  async insert(
    app: { key: string; name: string; description?: string; schemaName: string },
    manager: EntityManager,
  ): Promise<App | undefined> {
    const rows: AppRow[] = await manager.query(
      `INSERT INTO formwork.apps (key, name, description, schema_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO NOTHING RETURNING *`,
      [app.key, app.name, app.description ?? null, app.schemaName],
    );
    return rows[0] && toApp(rows[0]);
  }

  async delete(key: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM formwork.apps WHERE key = $1`, [key]);
  }
}
