import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppsModule } from './apps/apps.module.js';
import { AuditModule } from './audit/audit.module.js';
import { EntitiesModule } from './entities/entities.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ProblemFilter } from './common/problem.filter.js';
import { ConfigModule } from './config/config.module.js';
import type { Config } from './config/config.js';
import { RecordsModule } from './records/records.module.js';
import { FormsModule } from './forms/forms.module.js';
import { ClassifiersModule } from './classifiers/classifiers.module.js';
import { FlowsModule } from './flows/flows.module.js';
import { QueueModule } from './queue/queue.module.js';
import { HealthController } from './health/health.controller.js';
import { UsersModule } from './users/users.module.js';
import { CoreModule } from './common/core.module.js';

export interface AppDependencies {
  config: Config;
  /** Initialised and migrated by the caller, so start-up errors are reported before Nest starts. */
  dataSource: DataSource;
  logger: Logger;
}

@Module({})
export class AppModule {
  static forRoot({ config, dataSource, logger }: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        CoreModule.forLogger(logger),
        QueueModule,
        AuthModule,
        UsersModule,
        AuditModule,
        AppsModule,
        EntitiesModule,
        RecordsModule,
        FormsModule,
        ClassifiersModule,
        FlowsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
