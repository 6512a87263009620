import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { PinoNestLogger } from './common/logger.js';
import type { Config } from './config/config.js';
import { createDataSource, migrate } from './database/data-source.js';
import { checkDatabaseReachable } from './database/database-connection.js';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from './database/embedded-postgres.js';
import { setUpOpenApi } from './openapi.js';
import { registerImportBodyParsers } from './records/import-upload.js';
import { registerXmlBodyParser } from './common/xml-body.js';
import { FirstAdmin, type CreatedAdmin } from './users/first-admin.js';
import { WebAssets } from './web/web-assets.js';

export interface RunningEngine {
  app: NestFastifyApplication;
  /** Where the engine listens, e.g. http://localhost:3000 */
  url: string;
  database: 'embedded' | 'server';
  firstAdmin: CreatedAdmin | undefined;
  /** Stops accepting requests, lets running ones finish, closes the pool, then stops embedded PostgreSQL. */
  stop(): Promise<void>;
}

/** Starts PostgreSQL when no server is configured, then the Nest application on top of it. */
export async function startEngine(config: Config, logger: Logger): Promise<RunningEngine> {
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(config.FORMWORK_DATA_DIR);
  try {
    const databaseUrl = config.DATABASE_URL ?? embedded!.url;
    await checkDatabaseReachable(databaseUrl);
    const dataSource = createDataSource(databaseUrl, config.FORMWORK_DB_POOL_SIZE);
    await dataSource.initialize();
    const applied = await migrate(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    return await startApplication(config, logger, dataSource, embedded);
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

async function startApplication(
  config: Config,
  logger: Logger,
  dataSource: DataSource,
  embedded: EmbeddedPostgresHandle | undefined,
): Promise<RunningEngine> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(config.LOG_LEVEL),
    }),
    bodyLimit: config.FORMWORK_BODY_LIMIT,
    trustProxy: config.FORMWORK_TRUST_PROXY,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, dataSource, logger }),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      bufferLogs: false,
    },
  );
  app.setGlobalPrefix('api');
  await app.register(fastifyCookie);
  await registerImportBodyParsers(app, config.FORMWORK_IMPORT_MAX_BYTES);
  registerXmlBodyParser(app, config.FORMWORK_BODY_LIMIT);
  const webAssets = app.get(WebAssets);
  if (webAssets.isAvailable)
    await app.register(fastifyStatic, { root: webAssets.root, wildcard: false, index: false });
  setUpOpenApi(app);
  const firstAdmin = await app.get(FirstAdmin).ensure();
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    app,
    url: `http://localhost:${port}`,
    database: embedded ? 'embedded' : 'server',
    firstAdmin,
    stop: async () => {
      await app.close();
      await embedded?.stop();
    },
  };
}
