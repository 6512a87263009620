import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AppsController } from './apps.controller.js';
import { AppsRepository } from './apps.repository.js';
import { AppsService } from './apps.service.js';

@Module({
  imports: [AuditModule],
  controllers: [AppsController],
  providers: [AppsService, AppsRepository],
  exports: [AppsRepository],
})
export class AppsModule {}
