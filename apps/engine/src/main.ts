import { ConfigError, loadConfig } from './config/config.js';
import { createLogger, isExpectedShutdownError } from './common/logger.js';
import { startEngine, type RunningEngine } from './engine.js';

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
  // Signals are handled from the very start: a Ctrl-C during start-up waits for it to finish,
  // then stops cleanly, so the embedded PostgreSQL is never left behind.
  let engine: RunningEngine | undefined;
  let stopping = false;
  const stop = (running: RunningEngine) =>
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  const shutDown = (signal: string) => {
    if (stopping) {
      process.stderr.write(`Still shutting down cleanly (${signal} ignored)…\n`);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    if (engine) void stop(engine);
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);

  try {
    engine = await startEngine(config, logger);
  } catch (error) {
    process.stderr.write(
      `Formwork could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  if (stopping) {
    await stop(engine);
    return;
  }
  announce(engine.url, engine.database, engine.firstAdmin);

  process.on('unhandledRejection', (error) => {
    if (stopping && isExpectedShutdownError(error)) return;
    logger.error({ err: error }, 'unhandled rejection');
  });
}

await main();
