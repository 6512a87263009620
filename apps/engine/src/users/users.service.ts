import { Injectable } from '@nestjs/common';
import type {
  CreateUserInput,
  PageQuery,
  UpdateUserInput,
  UserDetail,
} from '@formwork/definitions';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { conflict, notFound, unprocessable } from '../common/problem.js';
import type { RequestActor } from '../auth/request-actor.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { hashPassword } from './password-hasher.js';
import { toUserDetail, UsersRepository, type UserRow } from './users.repository.js';

type ParsedCreateUser = CreateUserInput & { roles: UserDetail['roles'] };
type ParsedUpdateUser = UpdateUserInput & { roles?: UserDetail['roles'] };

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  list(query: Required<Pick<PageQuery, 'limit'>> & PageQuery) {
    return this.users.list(query.limit, query.cursor);
  }

  async get(id: string): Promise<UserDetail> {
    const row = await this.users.findById(id);
    if (!row) throw notFound(`There is no user ${id}.`);
    return toUserDetail(row);
  }

  async create(input: ParsedCreateUser, actor: RequestActor | null): Promise<UserDetail> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.users.insert({ ...input, passwordHash }, manager);
      if (!row)
        throw conflict(`A user with the email ${input.email} already exists.`, [
          { path: '/email', message: 'is already taken' },
        ]);
      const user = toUserDetail(row);
      await this.audit.record(
        {
          actorId: actor?.userId ?? null,
          action: 'user.create',
          subjectType: 'user',
          subjectId: user.id,
          after: user,
          ip: actor?.ip,
        },
        manager,
      );
      return user;
    });
  }

  async update(id: string, input: ParsedUpdateUser, actor: RequestActor): Promise<UserDetail> {
    const passwordHash =
      input.password === undefined ? undefined : await hashPassword(input.password);
    const detail = await this.dataSource.transaction(async (manager) => {
      const current = await this.users.findById(id, manager, true);
      if (!current) throw notFound(`There is no user ${id}.`);
      this.refuseSelfLockout(current, input, actor);
      // A new password or a deactivation ends every session, so reactivating restores none.
      if (passwordHash || input.active === false) await this.sessions.revokeAllOf(id, manager);
      const updated = await this.users.update(
        id,
        { name: input.name, roles: input.roles, active: input.active, passwordHash },
        manager,
      );
      const before = toUserDetail(current);
      const after = toUserDetail(updated);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: passwordHash ? 'user.update_password' : 'user.update',
          subjectType: 'user',
          subjectId: id,
          before,
          after,
          ip: actor.ip,
        },
        manager,
      );
      return after;
    });
    this.sessions.forgetUser(id);
    return detail;
  }

  /** An admin must not remove their own admin role or deactivate themselves: no one could undo it. */
  private refuseSelfLockout(current: UserRow, input: ParsedUpdateUser, actor: RequestActor): void {
    if (current.id !== actor.userId) return;
    const errors = [];
    if (input.roles && current.roles.includes('admin') && !input.roles.includes('admin')) {
      errors.push({ path: '/roles', message: 'you cannot remove your own admin role' });
    }
    if (input.active === false)
      errors.push({ path: '/active', message: 'you cannot deactivate yourself' });
    if (errors.length > 0) throw unprocessable(errors);
  }
}
