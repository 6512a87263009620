import { Injectable } from '@nestjs/common';
import type { Role } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidatedCache } from '../common/invalidated-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import { queryPrepared } from '../database/prepared-query.js';

export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  expiresAt: Date;
}

const MAX_CACHED_SESSIONS = 10_000;

@Injectable()
export class SessionsRepository {
  /** Every authenticated request asks for its session: kept per engine, dropped on change. */
  private readonly cache = new InvalidatedCache<ActiveSession>(MAX_CACHED_SESSIONS);

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
  ) {
    feed.subscribe('formwork_sessions', {
      changed: (payload) => {
        const [kind, id] = payload.split(':');
        if (kind === 'session') this.forgetSession(id!);
        else this.forgetUser(id!);
      },
      reset: () => this.cache.clear(),
    });
  }

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
    const session = await this.cache.get(
      sessionId,
      () => this.loadActive(sessionId),
      this.feed.isLive,
    );
    return session && session.expiresAt.getTime() > Date.now() ? session : undefined;
  }

  /** Call after a transaction that revoked sessions commits (other engines hear of it by NOTIFY). */
  forgetSession(sessionId: string): void {
    this.cache.delete(sessionId);
  }

  forgetUser(userId: string): void {
    this.cache.deleteWhere((session) => session.userId === userId);
  }

  private async loadActive(sessionId: string): Promise<ActiveSession | undefined> {
    const rows = await queryPrepared<ActiveSession>(
      this.dataSource,
      `SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", u.id AS "userId", u.email, u.name, u.roles,
              s.expires_at AS "expiresAt"
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
