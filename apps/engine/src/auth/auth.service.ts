import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { LoginInput, User } from '@formwork/definitions';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { tooManyRequests, unauthorized } from '../common/problem.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { decoyPasswordHash, verifyPassword } from '../users/password-hasher.js';
import { UsersRepository } from '../users/users.repository.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import type { RequestActor } from './request-actor.js';
import { SessionsRepository, type ActiveSession } from './sessions.repository.js';
import { TokenSigner } from './token-signer.js';

export interface LoginOutcome {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

/** A client address may fail this many times more than one account before it is slowed down. */
const ADDRESS_ALLOWANCE_FACTOR = 5;

@Injectable()
export class AuthService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly audit: AuditRepository,
    private readonly tokens: TokenSigner,
  ) {}

  async login(input: LoginInput, client: ClientInfo): Promise<LoginOutcome> {
    const email = input.email.trim().toLowerCase();
    const throttleKeys = [`email:${email}`, `ip:${client.ip}`];
    const windowStart = this.currentWindowStart();
    await this.refuseWhenThrottled(throttleKeys, windowStart);

    const user = await this.users.findByEmail(email);
    const passwordMatches = await verifyPassword(
      user?.password_hash ?? (await decoyPasswordHash()),
      input.password,
    );
    if (!user || !user.active || !passwordMatches) {
      await this.throttle.recordFailure(throttleKeys, windowStart);
      await this.audit.record({
        actorId: null,
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user?.id,
        after: { email },
        ip: client.ip,
      });
      throw unauthorized('The email or password is incorrect.');
    }
    return this.openSession(user, client);
  }

  async logout(actor: RequestActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(actor.sessionId, manager);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'auth.logout',
          subjectType: 'session',
          subjectId: actor.sessionId,
          ip: actor.ip,
        },
        manager,
      );
    });
    this.sessions.forgetSession(actor.sessionId);
  }

  /** The live session a token names, or undefined for forged, expired or revoked tokens. */
  async authenticate(token: string): Promise<ActiveSession | undefined> {
    const claims = await this.tokens.verify(token);
    if (!claims) return undefined;
    const session = await this.sessions.findActive(claims.sessionId);
    return session?.userId === claims.userId ? session : undefined;
  }

  private async openSession(
    user: { id: string; email: string; name: string; roles: User['roles'] },
    client: ClientInfo,
  ): Promise<LoginOutcome> {
    const expiresAt = new Date(Date.now() + this.config.FORMWORK_SESSION_TTL);
    const csrfToken = randomBytes(24).toString('base64url');
    const sessionId = await this.dataSource.transaction(async (manager) => {
      const id = await this.sessions.create(
        { userId: user.id, csrfToken, expiresAt, ...client },
        manager,
      );
      await this.users.touchLastLogin(user.id, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'auth.login',
          subjectType: 'session',
          subjectId: id,
          ip: client.ip,
        },
        manager,
      );
      return id;
    });
    const token = await this.tokens.sign({ userId: user.id, sessionId }, expiresAt);
    return {
      token,
      csrfToken,
      expiresAt,
      user: { id: user.id, email: user.email, name: user.name, roles: user.roles },
    };
  }

  private currentWindowStart(): Date {
    const windowMs = this.config.FORMWORK_LOGIN_WINDOW;
    return new Date(Math.floor(Date.now() / windowMs) * windowMs);
  }

  private async refuseWhenThrottled(
    [emailKey, addressKey]: string[],
    windowStart: Date,
  ): Promise<void> {
    const failures = await this.throttle.failuresInWindow([emailKey!, addressKey!], windowStart);
    const limit = this.config.FORMWORK_LOGIN_MAX_FAILURES;
    const throttled =
      (failures.get(emailKey!) ?? 0) >= limit ||
      (failures.get(addressKey!) ?? 0) >= limit * ADDRESS_ALLOWANCE_FACTOR;
    if (!throttled) return;
    const retryAfter = Math.ceil(
      (windowStart.getTime() + this.config.FORMWORK_LOGIN_WINDOW - Date.now()) / 1000,
    );
    throw tooManyRequests('Too many failed logins. Try again later.', Math.max(retryAfter, 1));
  }
}
