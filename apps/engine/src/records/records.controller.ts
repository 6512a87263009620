import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  filterSchema,
  type EntityRecord,
  type Page,
  type RecordHistoryEntry,
} from '@formwork/definitions';
import { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { parseIfMatch } from '../common/if-match.js';
import { KeyParam } from '../common/key-param.js';
import { UuidParam } from '../common/uuid-param.js';
import { ValidQuery } from '../common/zod-validation.js';
import { RecordsService } from './records.service.js';

const filterParam = z
  .string()
  .max(20_000, 'is too long')
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(filterSchema);

const listQuerySchema = z.strictObject({
  filter: filterParam.optional(),
  sort: z.string().max(500).optional(),
  search: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(50),
  cursor: z.string().max(4000, 'is not a valid cursor').optional(),
  expand: z.string().max(500).optional(),
});

const getQuerySchema = z.strictObject({ expand: z.string().max(500).optional() });

const RECORD_BODY = {
  schema: { type: 'object', additionalProperties: true, description: 'Field values by field key' },
};

@ApiTags('records')
@Controller('apps/:app/entities/:entity/records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Can('read', 'Record')
  @Get()
  list(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @ValidQuery(listQuerySchema) query: z.output<typeof listQuerySchema>,
  ): Promise<Page<EntityRecord>> {
    return this.records.list(app, entity, query);
  }

  @Can('create', 'Record')
  @Post()
  @ApiBody(RECORD_BODY)
  create(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @Body() body: unknown,
    @CurrentActor() actor: RequestActor,
  ): Promise<EntityRecord> {
    return this.records.create(app, entity, body, actor);
  }

  @Can('read', 'Record')
  @Get(':id')
  get(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @UuidParam('id') id: string,
    @ValidQuery(getQuerySchema) query: z.output<typeof getQuerySchema>,
  ): Promise<EntityRecord> {
    return this.records.get(app, entity, id, query.expand);
  }

  @Can('update', 'Record')
  @Patch(':id')
  @ApiBody(RECORD_BODY)
  update(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @UuidParam('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: RequestActor,
  ): Promise<EntityRecord> {
    return this.records.update(app, entity, id, body, parseIfMatch(ifMatch), actor);
  }

  @Can('delete', 'Record')
  @Delete(':id')
  @HttpCode(204)
  delete(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @UuidParam('id') id: string,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    return this.records.delete(app, entity, id, actor);
  }

  @Can('update', 'Record')
  @Post(':id/restore')
  @HttpCode(200)
  restore(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @UuidParam('id') id: string,
    @CurrentActor() actor: RequestActor,
  ): Promise<EntityRecord> {
    return this.records.restore(app, entity, id, actor);
  }

  @Can('read', 'Record')
  @Get(':id/history')
  history(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @UuidParam('id') id: string,
  ): Promise<{ items: RecordHistoryEntry[] }> {
    return this.records.history(app, entity, id);
  }
}
