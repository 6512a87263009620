import { ConfigError, loadConfig } from './config/config.js';
import { createLogger, isExpectedShutdownError } from './common/logger.js';
import { startEngine } from './engine.js';

function announce(
  url: string,
  database: string,
  admin: { email: string; generatedPassword?: string } | undefined,
) {
  const lines = [`Formwork is running at ${url} (PostgreSQL: ${database})`];
  if (admin?.generatedPassword) {
    lines.push(
      `First admin created: ${admin.email} / ${admin.generatedPassword}  (shown once: write it down)`,
    );
  } else if (admin) {
    lines.push(`First admin created: ${admin.email}`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  let engine;
  try {
    engine = await startEngine(config, logger);
  } catch (error) {
    process.stderr.write(
      `Formwork could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  announce(engine.url, engine.database, engine.firstAdmin);

  let stopping = false;
  const shutDown = (signal: string) => {
    if (stopping) {
      process.stderr.write(`Still shutting down cleanly (${signal} ignored)…\n`);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    engine.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);
  process.on('unhandledRejection', (error) => {
    if (stopping && isExpectedShutdownError(error)) return;
    logger.error({ err: error }, 'unhandled rejection');
  });
}

await main();
