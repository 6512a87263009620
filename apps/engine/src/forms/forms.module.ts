import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EntitiesModule } from '../entities/entities.module.js';
import { RecordsModule } from '../records/records.module.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { FormSubmissionsService } from './form-submissions.service.js';
import { FormValidator } from './form-validator.js';
import { FormsController } from './forms.controller.js';
import { FormsRepository } from './forms.repository.js';
import { FormsService } from './forms.service.js';
import { PublicFormsController } from './public-forms.controller.js';
import { PublicFormsService } from './public-forms.service.js';
import { PublicGuardsRepository } from './public-guards.repository.js';
import { PublicRateLimiter } from './public-rate-limiter.js';

@Module({
  imports: [AppsModule, AuditModule, EntitiesModule, RecordsModule],
  controllers: [FormsController, PublicFormsController],
  providers: [
    FormsService,
    FormsRepository,
    FormValidator,
    FormSubmissionsService,
    PublicFormsService,
    PublicGuardsRepository,
    PublicRateLimiter,
    SettingsRepository,
  ],
  exports: [FormValidator, FormsRepository],
})
export class FormsModule {}
