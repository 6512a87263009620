import { Injectable } from '@nestjs/common';
import type { Role } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-query.js';

export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  userId: string;
  email: string;
  name: string;
  roles: Role[];
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    session: {
      userId: string;
      csrfToken: string;
      expiresAt: Date;
      ip: string;
      userAgent: string | undefined;
    },
    manager: EntityManager,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO formwork.sessions (user_id, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        session.userId,
        session.csrfToken,
        session.expiresAt,
        session.ip,
        session.userAgent?.slice(0, 500) ?? null,
      ],
    );
    return rows[0]!.id;
  }

  /** The session and its user, if the session is neither revoked nor expired and the user is active. */
  async findActive(sessionId: string): Promise<ActiveSession | undefined> {
    // Every authenticated request runs this: prepared once per connection.
    const rows = await queryPrepared<ActiveSession>(
      this.dataSource,
      `SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", u.id AS "userId", u.email, u.name, u.roles
         FROM formwork.sessions s JOIN formwork.users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId],
      0,
    );
    return rows[0];
  }

  async revoke(sessionId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE formwork.sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** Ends every session of a user, e.g. when an admin deactivates them or resets their password. */
  async revokeAllOf(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE formwork.sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }
}
