import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { FirstAdmin } from './first-admin.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, SessionsRepository, FirstAdmin],
  exports: [UsersService, FirstAdmin],
})
export class UsersModule {}
