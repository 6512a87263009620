import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { UuidParam } from '../common/uuid-param.js';
import { JobsService, type JobView } from './jobs.service.js';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** A background job's status, progress (0..1) and result; only its starter or an admin sees it. */
  @Can('read', 'Record')
  @Get(':jobId')
  get(@UuidParam('jobId') id: string, @CurrentActor() actor: RequestActor): Promise<JobView> {
    return this.jobs.get(id, actor);
  }
}
