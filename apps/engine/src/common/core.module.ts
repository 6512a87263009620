import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { WebAssets } from '../web/web-assets.js';
import { LOGGER } from './logger.js';

/** Infrastructure every feature may inject: the logger and the built web app. */
@Global()
@Module({})
export class CoreModule {
  static forLogger(logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [WebAssets, { provide: LOGGER, useValue: logger }],
      exports: [WebAssets, LOGGER],
    };
  }
}
