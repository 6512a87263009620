import { Controller, Delete, Get, Headers, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  flowInputSchema,
  type Flow,
  type FlowDefinition,
  type FlowInstance,
  type FlowOperations,
  type FlowSaveResult,
  type FlowTask,
  type FlowVersion,
} from '@formwork/definitions';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { parseIfMatch } from '../common/if-match.js';
import { KeyParam } from '../common/key-param.js';
import { UuidParam } from '../common/uuid-param.js';
import { ValidBody, ValidQuery } from '../common/zod-validation.js';
import { FlowsService } from './flows.service.js';
import { TasksService } from './tasks.service.js';

const startSchema = z.strictObject({
  recordId: z.uuid({ error: 'must be a record id' }).optional(),
  input: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional(),
});
const instancesQuerySchema = z.strictObject({
  status: z.enum(['running', 'waiting', 'completed', 'failed', 'cancelled']).optional(),
});
const tasksQuerySchema = z.strictObject({
  assignee: z.literal('me', { error: 'must be me' }).optional(),
  status: z.enum(['open', 'completed'], { error: 'must be open or completed' }).optional(),
});
const completeSchema = z.strictObject({
  data: z.record(z.string(), z.unknown(), { error: 'must be an object of answers' }).optional(),
  outcome: z.string().min(1).max(100).optional(),
});

@ApiTags('flows')
@Controller('apps/:app/flows')
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  @Can('read', 'Flow')
  @Get()
  list(@KeyParam('app') app: string): Promise<{ items: Flow[] }> {
    return this.flows.list(app);
  }

  @Can('read', 'Flow')
  @Get(':flow')
  get(@KeyParam('app') app: string, @KeyParam('flow') key: string): Promise<Flow> {
    return this.flows.get(app, key);
  }

  /** Saves the draft, valid or not; answers what is wrong with it. */
  @Can('manage', 'Flow')
  @Put(':flow')
  async put(
    @KeyParam('app') app: string,
    @KeyParam('flow') key: string,
    @ValidBody(flowInputSchema) draft: FlowDefinition,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FlowSaveResult> {
    const { result, created } = await this.flows.put(app, key, draft, parseIfMatch(ifMatch), actor);
    void reply.status(created ? 201 : 200);
    return result;
  }

  @Can('manage', 'Flow')
  @Delete(':flow')
  @HttpCode(204)
  delete(
    @KeyParam('app') app: string,
    @KeyParam('flow') key: string,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    return this.flows.delete(app, key, actor);
  }

  @Can('manage', 'Flow')
  @Post(':flow/publish')
  @HttpCode(200)
  publish(
    @KeyParam('app') app: string,
    @KeyParam('flow') key: string,
    @CurrentActor() actor: RequestActor,
  ): Promise<{ version: number }> {
    return this.flows.publish(app, key, actor);
  }

  @Can('read', 'Flow')
  @Get(':flow/versions')
  versions(
    @KeyParam('app') app: string,
    @KeyParam('flow') key: string,
  ): Promise<{ items: FlowVersion[] }> {
    return this.flows.versions(app, key);
  }

  @Can('create', 'Record')
  @Post(':flow/instances')
  start(
    @KeyParam('app') app: string,
    @KeyParam('flow') key: string,
    @ValidBody(startSchema) body: z.output<typeof startSchema>,
    @CurrentActor() actor: RequestActor,
  ): Promise<FlowInstance> {
    return this.flows.start(app, key, body, actor);
  }

  @Can('read', 'Flow')
  @Get(':flow/instances')
  instances(
    @KeyParam('app') app: string,
    @KeyParam('flow') key: string,
    @ValidQuery(instancesQuerySchema) query: z.output<typeof instancesQuerySchema>,
  ): Promise<{ items: FlowInstance[] }> {
    return this.flows.listInstances(app, key, query.status);
  }
}

@ApiTags('flows')
@Controller()
export class FlowInstancesController {
  constructor(
    private readonly flows: FlowsService,
    private readonly tasks: TasksService,
  ) {}

  @Can('read', 'Flow')
  @Get('flow-instances/:id')
  instance(@UuidParam('id') id: string): Promise<FlowInstance> {
    return this.flows.instance(id);
  }

  @Can('manage', 'Flow')
  @Post('flow-instances/:id/cancel')
  @HttpCode(200)
  cancel(@UuidParam('id') id: string, @CurrentActor() actor: RequestActor): Promise<FlowInstance> {
    return this.flows.cancel(id, actor);
  }

  @Can('manage', 'Flow')
  @Post('flow-instances/:id/retry')
  @HttpCode(200)
  retry(@UuidParam('id') id: string, @CurrentActor() actor: RequestActor): Promise<FlowInstance> {
    return this.flows.retry(id, actor);
  }

  @Can('manage', 'Flow')
  @Get('flow-operations')
  operations(): Promise<FlowOperations> {
    return this.flows.operations();
  }

  /** Tasks assigned to me, to a role I hold, or to me as the record's owner. */
  @Can('read', 'Task')
  @Get('tasks')
  myTasks(
    @ValidQuery(tasksQuerySchema) query: z.output<typeof tasksQuerySchema>,
    @CurrentActor() actor: RequestActor,
  ): Promise<FlowTask[]> {
    return this.tasks.mine(actor, query.status ?? 'open');
  }

  @Can('read', 'Task')
  @Get('tasks/:id')
  task(@UuidParam('id') id: string, @CurrentActor() actor: RequestActor): Promise<FlowTask> {
    return this.tasks.get(id, actor);
  }

  @Can('update', 'Task')
  @Post('tasks/:id/complete')
  @HttpCode(200)
  complete(
    @UuidParam('id') id: string,
    @ValidBody(completeSchema) body: z.output<typeof completeSchema>,
    @CurrentActor() actor: RequestActor,
  ): Promise<FlowTask> {
    return this.tasks.complete(id, body, actor);
  }
}
