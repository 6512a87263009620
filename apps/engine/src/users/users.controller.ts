import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createUserInputSchema,
  pageQuerySchema,
  updateUserInputSchema,
  type Page,
  type UserDetail,
} from '@formwork/definitions';
import type { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { UuidParam } from '../common/uuid-param.js';
import { ValidBody, ValidQuery } from '../common/zod-validation.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Can('read', 'User')
  @Get()
  list(
    @ValidQuery(pageQuerySchema) query: z.output<typeof pageQuerySchema>,
  ): Promise<Page<UserDetail>> {
    return this.users.list(query);
  }

  @Can('create', 'User')
  @Post()
  create(
    @ValidBody(createUserInputSchema) input: z.output<typeof createUserInputSchema>,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserDetail> {
    return this.users.create(input, actor);
  }

  @Can('read', 'User')
  @Get(':id')
  get(@UuidParam('id') id: string): Promise<UserDetail> {
    return this.users.get(id);
  }

  @Can('update', 'User')
  @Patch(':id')
  update(
    @UuidParam('id') id: string,
    @ValidBody(updateUserInputSchema) input: z.output<typeof updateUserInputSchema>,
    @CurrentActor() actor: RequestActor,
  ): Promise<UserDetail> {
    return this.users.update(id, input, actor);
  }
}
