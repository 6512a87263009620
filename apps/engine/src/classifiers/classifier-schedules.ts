import { Injectable, type OnModuleInit } from '@nestjs/common';
import { cronMatches, parseCron, type ClassifierDefinition } from '@formwork/definitions';
import { DataSource } from 'typeorm';
import { QueueService } from '../queue/queue.service.js';
import { ClassifierRunner } from './classifier-runner.js';

const TICK_QUEUE = 'classifier-schedule-tick';
const SCHEDULE_PREFIX = 'schedule:';

/**
 * `schedule:<cron>` triggers: a queue job ticks every minute (pg-boss sends one per minute
 * across all engines) and starts a run of each classifier whose schedule is due, unless one of
 * its runs is still unfinished. Schedules are read in the engine's local time (TZ).
 */
@Injectable()
export class ClassifierSchedules implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly runner: ClassifierRunner,
  ) {}

  onModuleInit(): void {
    this.queue.register({
      queue: TICK_QUEUE,
      policy: 'singleton',
      retryLimit: 0,
      cron: '* * * * *',
      handle: async () => {
        await this.tick(new Date());
      },
    });
  }

  /** Starts every run due at `at`'s minute; answers the classifiers started. */
  async tick(at: Date): Promise<string[]> {
    const rows: {
      app_key: string;
      key: string;
      definition: ClassifierDefinition;
      busy: boolean;
    }[] = await this.dataSource.query(
      `SELECT c.app_key, c.key, c.definition,
                EXISTS (SELECT FROM formwork.jobs j WHERE j.kind = 'classifier.run' AND j.app_key = c.app_key
                          AND j.params->>'classifier' = c.key AND j.status IN ('queued', 'running')) AS busy
           FROM formwork.classifiers c
          WHERE EXISTS (SELECT FROM jsonb_array_elements_text(c.definition->'triggers') t WHERE t LIKE 'schedule:%')`,
    );
    const started: string[] = [];
    for (const row of rows) {
      if (row.busy || !isDue(row.definition, at)) continue;
      await this.runner.start(row.app_key, row.key, null, 'schedule');
      started.push(`${row.app_key}/${row.key}`);
    }
    return started;
  }
}

function isDue(definition: ClassifierDefinition, at: Date): boolean {
  return (definition.triggers ?? []).some((trigger) => {
    if (!trigger.startsWith(SCHEDULE_PREFIX)) return false;
    const parsed = parseCron(trigger.slice(SCHEDULE_PREFIX.length));
    return 'schedule' in parsed && cronMatches(parsed.schedule, at);
  });
}
