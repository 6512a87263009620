import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { pageQuerySchema, type AuditEntry, type Page } from '@formwork/definitions';
import type { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { ValidQuery } from '../common/zod-validation.js';
import { AuditRepository } from './audit.repository.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Can('read', 'AuditLog')
  @Get()
  list(
    @ValidQuery(pageQuerySchema) query: z.output<typeof pageQuerySchema>,
  ): Promise<Page<AuditEntry>> {
    return this.audit.list(query.limit, query.cursor);
  }
}
