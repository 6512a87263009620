/** Baseline: a bare Fastify route answering GET /api/health with the engine's JSON (no database). */
import Fastify from 'fastify';
import { closeOnSignals, HEALTH_BODY, HEALTH_PATH, portFromEnv } from './shared.mjs';

const app = Fastify({ logger: false });
app.get(HEALTH_PATH, async () => HEALTH_BODY);

await app.listen({ port: portFromEnv(), host: '127.0.0.1' });
closeOnSignals(() => app.close());
