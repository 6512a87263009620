/** What every baseline server shares: its port, its answer, and a clean stop on SIGTERM/SIGINT. */

/** The body of the engine's GET /api/health when all is well. */
export const HEALTH_BODY = { status: 'ok', db: 'ok' };

export const HEALTH_PATH = '/api/health';

export function portFromEnv() {
  const port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error('PORT must be set to the port to listen on');
  return port;
}

/** Runs `close` once on SIGTERM or SIGINT, then exits. */
export function closeOnSignals(close) {
  let closing = false;
  const onSignal = () => {
    if (closing) return;
    closing = true;
    Promise.resolve(close()).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
