import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module.js';
import { EntitiesModule } from '../entities/entities.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { ExportService } from './export.service.js';
import { ImportRepository } from './import.repository.js';
import { ImportService } from './import.service.js';
import { RecordCreateBatcher } from './record-create-batcher.js';
import { RecordsController } from './records.controller.js';
import { RecordsRepository } from './records.repository.js';
import { RecordsService } from './records.service.js';
import { RecordWriteHooks } from './record-write-hooks.js';

@Module({
  imports: [AppsModule, EntitiesModule, JobsModule],
  controllers: [RecordsController],
  providers: [
    RecordsService,
    RecordsRepository,
    RecordCreateBatcher,
    RecordWriteHooks,
    ImportService,
    ImportRepository,
    ExportService,
  ],
  exports: [RecordsService, RecordsRepository, RecordWriteHooks],
})
export class RecordsModule {}
