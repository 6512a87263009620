import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service.js';

/** The durable job queue (pg-boss), shared by every module that has background work. */
@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class QueueModule {}
