import { Injectable } from '@nestjs/common';
import type { Role, UserDetail } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: Role[];
  active: boolean;
  created_at: Date;
  last_login_at: Date | null;
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
}

export interface UserChanges {
  name?: string;
  roles?: Role[];
  passwordHash?: string;
  active?: boolean;
}

const COLUMNS = 'id, email, name, password_hash, roles, active, created_at, last_login_at';

type UserCursor = [string, string];
const isUserCursor = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length === 2 &&
  value.every((part) => typeof part === 'string') &&
  !Number.isNaN(Date.parse(String(value[0])));

export function toUserDetail(row: UserRow): UserDetail {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM formwork.users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0];
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<UserRow | undefined> {
    const rows: UserRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM formwork.users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async count(): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM formwork.users`,
    );
    return rows[0]!.count;
  }

  /** Inserts the user unless the email is taken; returns undefined for a duplicate. */
  async insert(user: NewUser, manager: EntityManager): Promise<UserRow | undefined> {
    const rows: UserRow[] = await manager.query(
      `INSERT INTO formwork.users (email, name, password_hash, roles) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING ${COLUMNS}`,
      [user.email, user.name, user.passwordHash, user.roles],
    );
    return rows[0];
  }

  async update(id: string, changes: UserChanges, manager: EntityManager): Promise<UserRow> {
    const rows: [UserRow[], number] = await manager.query(
      `UPDATE formwork.users SET
          name = COALESCE($2, name),
          roles = COALESCE($3, roles),
          password_hash = COALESCE($4, password_hash),
          active = COALESCE($5, active),
          version = version + 1,
          updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        changes.name ?? null,
        changes.roles ?? null,
        changes.passwordHash ?? null,
        changes.active ?? null,
      ],
    );
    return rows[0][0]!;
  }

  async touchLastLogin(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE formwork.users SET last_login_at = now() WHERE id = $1`, [id]);
  }

  /** Keyset-paged by (created_at, id). */
  async list(
    limit: number,
    cursor?: string,
  ): Promise<{ items: UserDetail[]; nextCursor: string | null }> {
    const after =
      cursor === undefined ? undefined : decodeCursor<UserCursor>(cursor, 'users', isUserCursor);
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM formwork.users
        WHERE $1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid)
        ORDER BY created_at, id
        LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor('users', [last.created_at.toISOString(), last.id])
        : null;
    return { items: page.map(toUserDetail), nextCursor };
  }
}
