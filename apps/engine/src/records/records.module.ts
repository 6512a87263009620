import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module.js';
import { EntitiesModule } from '../entities/entities.module.js';
import { RecordsController } from './records.controller.js';
import { RecordsRepository } from './records.repository.js';
import { RecordsService } from './records.service.js';

@Module({
  imports: [AppsModule, EntitiesModule],
  controllers: [RecordsController],
  providers: [RecordsService, RecordsRepository],
  exports: [RecordsService, RecordsRepository],
})
export class RecordsModule {}
