import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { appInputSchema, type App } from '@formwork/definitions';
import type { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { KeyParam } from '../common/key-param.js';
import { ValidBody } from '../common/zod-validation.js';
import { AppsService } from './apps.service.js';

@ApiTags('apps')
@Controller('apps')
export class AppsController {
  constructor(private readonly apps: AppsService) {}

  @Can('read', 'App')
  @Get()
  list(): Promise<{ items: App[] }> {
    return this.apps.list();
  }

  @Can('create', 'App')
  @Post()
  create(
    @ValidBody(appInputSchema) input: z.output<typeof appInputSchema>,
    @CurrentActor() actor: RequestActor,
  ): Promise<App> {
    return this.apps.create(input, actor);
  }

  @Can('read', 'App')
  @Get(':app')
  get(@KeyParam('app') key: string): Promise<App> {
    return this.apps.get(key);
  }

  @Can('delete', 'App')
  @Delete(':app')
  @HttpCode(204)
  delete(
    @KeyParam('app') key: string,
    @Query('confirm') confirm: string | undefined,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    return this.apps.delete(key, confirm, actor);
  }
}
