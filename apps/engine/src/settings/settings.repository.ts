import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Engine-wide values kept in the database, such as generated secrets. */
@Injectable()
export class SettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns the stored value, storing `create()` first when there is none (race-safe). */
  async getOrCreate<T>(key: string, create: () => T): Promise<T> {
    await this.dataSource.query(
      `INSERT INTO formwork.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
      [key, JSON.stringify(create())],
    );
    const rows: { value: T }[] = await this.dataSource.query(
      `SELECT value FROM formwork.settings WHERE key = $1`,
      [key],
    );
    return rows[0]!.value;
  }
}
