import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  filterSchema,
  type EntityRecord,
  type Page,
  type RecordHistoryEntry,
} from '@formwork/definitions';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { parseIfMatch } from '../common/if-match.js';
import { KeyParam } from '../common/key-param.js';
import { UuidParam } from '../common/uuid-param.js';
import { ValidQuery } from '../common/zod-validation.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { ExportService, type ExportFile } from './export.service.js';
import { IMPORT_CONTENT_TYPES, readImportUpload } from './import-upload.js';
import { ImportService } from './import.service.js';
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

const exportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx'], { error: 'must be csv or xlsx' }).default('csv'),
  filter: filterParam.optional(),
  sort: z.string().max(500).optional(),
  search: z.string().max(200).optional(),
});

const IMPORT_BODY = {
  schema: {
    type: 'object',
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: 'A CSV (UTF-8 or GB18030) or XLSX file',
      },
      mapping: {
        type: 'string',
        description:
          'JSON { "<column header>": "<field key>" | "id" | null }. Without it, columns match fields by key or display name.',
      },
    },
    required: ['file'],
  },
};

const RECORD_BODY = {
  schema: { type: 'object', additionalProperties: true, description: 'Field values by field key' },
};

@ApiTags('records')
@Controller('apps/:app/entities/:entity/records')
export class RecordsController {
  constructor(
    private readonly records: RecordsService,
    private readonly imports: ImportService,
    private readonly exports: ExportService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

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

  /**
   * Imports a CSV or XLSX file: `{ created, updated, failed: [{ row, errors }] }`, or 202
   * `{ jobId }` for files of more than 10,000 rows (see GET /api/jobs/{jobId}).
   */
  @Can('create', 'Record')
  @Post('import')
  @ApiConsumes('multipart/form-data', ...IMPORT_CONTENT_TYPES)
  @ApiBody(IMPORT_BODY)
  async import(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    const upload = await readImportUpload(request, this.config.FORMWORK_IMPORT_MAX_BYTES);
    const answer = await this.imports.import(app, entity, upload, actor);
    await reply.status('jobId' in answer ? 202 : 200).send(answer);
  }

  /** The records as a CSV (UTF-8 with BOM) or XLSX file, streamed; same filter/sort/search as the list. */
  @Can('read', 'Record')
  @Get('export')
  async export(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @ValidQuery(exportQuerySchema) query: z.output<typeof exportQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExportFile['body']> {
    const file = await this.exports.export(app, entity, query);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store');
    return file.body;
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
