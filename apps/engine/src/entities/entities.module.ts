import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EntitiesController } from './entities.controller.js';
import { EntitiesRepository } from './entities.repository.js';
import { EntitiesService } from './entities.service.js';
import { EntitySchemaRunner } from './entity-schema-runner.js';

@Module({
  imports: [AuditModule, AppsModule],
  controllers: [EntitiesController],
  providers: [EntitiesService, EntitiesRepository, EntitySchemaRunner],
  exports: [EntitiesRepository],
})
export class EntitiesModule {}
