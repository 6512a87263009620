import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ChangeFeed } from '../database/change-feed.js';
import { WebAssets } from '../web/web-assets.js';
import { LOGGER } from './logger.js';

/** Infrastructure every feature may inject: the logger, the change feed and the built web app. */
@Global()
@Module({})
export class CoreModule {
  static forLogger(logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [WebAssets, ChangeFeed, { provide: LOGGER, useValue: logger }],
      exports: [WebAssets, ChangeFeed, LOGGER],
    };
  }
}
