import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@formwork.local';

export interface CreatedAdmin {
  email: string;
  /** Set only when the password was generated: it must be shown once, then it is gone. */
  generatedPassword?: string;
}

/** Creates the first admin when the database has no user at all. */
@Injectable()
export class FirstAdmin {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
  ) {}

  async ensure(): Promise<CreatedAdmin | undefined> {
    if ((await this.users.count()) > 0) return undefined;
    const email = (this.config.FORMWORK_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
    const givenPassword = this.config.FORMWORK_ADMIN_PASSWORD;
    const password = givenPassword ?? randomBytes(12).toString('base64url');
    try {
      await this.usersService.create(
        { email, name: 'Administrator', password, roles: ['admin'] },
        null,
      );
    } catch (error) {
      if ((await this.users.count()) > 0) return undefined; // another engine process created it first
      throw error;
    }
    return { email, generatedPassword: givenPassword ? undefined : password };
  }
}
