/**
 * Baseline for the engine's database-backed routes: a bare Fastify route that runs `SELECT 1`
 * through a pg Pool (as large as the engine's) against DATABASE_URL, then answers the health JSON.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { closeOnSignals, HEALTH_BODY, HEALTH_PATH, portFromEnv } from './shared.mjs';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE || 10),
  application_name: 'formwork-bench-baseline',
});

const app = Fastify({ logger: false });
app.get(HEALTH_PATH, async () => {
  await pool.query('SELECT 1');
  return HEALTH_BODY;
});

await app.listen({ port: portFromEnv(), host: '127.0.0.1' });
closeOnSignals(async () => {
  await app.close();
  await pool.end();
});
