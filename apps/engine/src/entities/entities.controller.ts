import { Controller, Delete, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  entityInputSchema,
  keySchema,
  type Entity,
  type EntityChangePlan,
  type ParsedEntityInput,
} from '@formwork/definitions';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { KeyParam } from '../common/key-param.js';
import { badRequest, unprocessable } from '../common/problem.js';
import { parseIfMatch } from '../common/if-match.js';
import { ValidBody } from '../common/zod-validation.js';
import { EntitiesService } from './entities.service.js';

const purgeInputSchema = z.strictObject({
  fields: z.array(keySchema).min(1, 'must name at least one field').max(300),
});

@ApiTags('entities')
@Controller('apps/:app/entities')
export class EntitiesController {
  constructor(private readonly entities: EntitiesService) {}

  @Can('read', 'Entity')
  @Get()
  list(@KeyParam('app') app: string): Promise<{ items: Entity[] }> {
    return this.entities.list(app);
  }

  @Can('read', 'Entity')
  @Get(':entity')
  get(@KeyParam('app') app: string, @KeyParam('entity') entity: string): Promise<Entity> {
    return this.entities.get(app, entity);
  }

  @Can('manage', 'Entity')
  @Put(':entity')
  async put(
    @KeyParam('app') app: string,
    @KeyParam('entity') key: string,
    @ValidBody(entityInputSchema) input: ParsedEntityInput,
    @Query('dryRun') dryRun: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Entity | EntityChangePlan> {
    if (input.key !== key)
      throw unprocessable([{ path: '/key', message: `must equal the key in the URL (${key})` }]);
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
      throw badRequest('dryRun must be true or false.');
    const outcome = await this.entities.put(
      app,
      input,
      { dryRun: dryRun === 'true', expectedVersion: parseIfMatch(ifMatch) },
      actor,
    );
    if (outcome.kind === 'plan') return outcome.plan;
    void reply.status(outcome.created ? 201 : 200);
    return outcome.entity;
  }

  /** Drops archived fields and their data for good (`{ "fields": ["old_field"] }`). */
  @Can('manage', 'Entity')
  @Post(':entity/purge')
  @HttpCode(200)
  purge(
    @KeyParam('app') app: string,
    @KeyParam('entity') key: string,
    @ValidBody(purgeInputSchema) input: z.output<typeof purgeInputSchema>,
    @CurrentActor() actor: RequestActor,
  ): Promise<Entity> {
    return this.entities.purge(app, key, [...new Set(input.fields)], actor);
  }

  @Can('manage', 'Entity')
  @Delete(':entity')
  @HttpCode(204)
  delete(
    @KeyParam('app') app: string,
    @KeyParam('entity') key: string,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    return this.entities.delete(app, key, actor);
  }
}
