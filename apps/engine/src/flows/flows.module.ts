import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ClassifiersModule } from '../classifiers/classifiers.module.js';
import { EntitiesModule } from '../entities/entities.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { RecordsModule } from '../records/records.module.js';
import { FlowInstancesRepository } from './flow-instances.repository.js';
import { FlowRuntime } from './flow-runtime.js';
import { FlowSteps } from './flow-steps.js';
import { FlowTriggers } from './flow-triggers.js';
import { FlowInstancesController, FlowsController } from './flows.controller.js';
import { FlowsRepository } from './flows.repository.js';
import { FlowsService } from './flows.service.js';
import { Outbox } from './outbox.js';
import { TasksService } from './tasks.service.js';

/** Flows: drafts and versions, the durable runtime, triggers, tasks and the outbox (issue 6). */
@Module({
  imports: [AppsModule, AuditModule, ClassifiersModule, EntitiesModule, FormsModule, RecordsModule],
  controllers: [FlowsController, FlowInstancesController],
  providers: [
    FlowsService,
    FlowsRepository,
    FlowInstancesRepository,
    FlowRuntime,
    FlowSteps,
    FlowTriggers,
    Outbox,
    TasksService,
  ],
})
export class FlowsModule {}
