import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EntitiesModule } from '../entities/entities.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ClassificationReader } from './classification-reader.js';
import { ClassifierCompiler } from './classifier-compiler.js';
import { ClassifierDmnService } from './classifier-dmn.service.js';
import { ClassifierRunner } from './classifier-runner.js';
import { ClassifierSchedules } from './classifier-schedules.js';
import { ClassifiersController, ExplainController } from './classifiers.controller.js';
import { ClassifiersRepository } from './classifiers.repository.js';
import { ClassifiersService } from './classifiers.service.js';
import { OnChangeClassification } from './on-change-classification.js';

/** Decision tables that classify records: on change, by run, on a schedule (issue 5). */
@Module({
  imports: [AppsModule, AuditModule, EntitiesModule, JobsModule, RecordsModule],
  controllers: [ClassifiersController, ExplainController],
  providers: [
    ClassifiersService,
    ClassifiersRepository,
    ClassifierCompiler,
    ClassificationReader,
    ClassifierDmnService,
    ClassifierRunner,
    ClassifierSchedules,
    OnChangeClassification,
  ],
  exports: [OnChangeClassification],
})
export class ClassifiersModule {}
