import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { tooManyRequests } from '../common/problem.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { HitCounter } from './hit-counter.js';
import { PublicGuardsRepository } from './public-guards.repository.js';

const RATE_WINDOW_SECONDS = 60;
/** How long a hit counted here may stay unknown to the other engines. */
const FLUSH_INTERVAL_MS = 1_000;

/**
 * Public submissions per client and minute (`FORMWORK_PUBLIC_SUBMISSIONS_PER_MINUTE`): counted
 * per engine and flushed to `formwork.rate_limits`, whose totals every engine reads back, so the
 * limit holds across engines approximately and a client far from it costs no round trip (ADR 0010).
 */
@Injectable()
export class PublicRateLimiter implements OnApplicationShutdown {
  private readonly counter: HitCounter;

  constructor(
    @Inject(CONFIG) config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
    guards: PublicGuardsRepository,
  ) {
    this.counter = new HitCounter({
      limit: config.FORMWORK_PUBLIC_SUBMISSIONS_PER_MINUTE,
      windowSeconds: RATE_WINDOW_SECONDS,
      flushIntervalMs: FLUSH_INTERVAL_MS,
      send: (counts) => guards.addHits(counts),
      onFlushError: (error) =>
        this.logger.warn({ err: error }, 'rate-limit counts not flushed; they are sent again'),
    });
  }

  /** Counts a submission from `clientAddress`; a 429 with Retry-After past the limit. */
  async hit(clientAddress: string): Promise<void> {
    if (!(await this.counter.hit(`public-form:${clientAddress}`)))
      throw tooManyRequests(
        'Too many submissions from your network. Try again in a minute.',
        this.counter.secondsLeftInWindow(),
      );
  }

  /** After the HTTP server closed (every request answered), before the pool closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.counter
      .close()
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'rate-limit counts lost at shutdown'),
      );
  }
}
