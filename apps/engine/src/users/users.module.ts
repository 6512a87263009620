import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FirstAdmin } from './first-admin.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, FirstAdmin],
  exports: [UsersService, FirstAdmin],
})
export class UsersModule {}
