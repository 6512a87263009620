/**
 * Baseline for record creation: CONCURRENCY loops of parameterised single-row INSERTs into TABLE
 * through a pg Pool of POOL_SIZE connections (the engine's default is 10), for WARMUP_SECONDS
 * (discarded) then DURATION_SECONDS. Prints one line `RESULT {json}` and exits.
 *
 * Env: DATABASE_URL, TABLE (quoted, schema-qualified), USER_ID (created_by / owner_id),
 * POOL_SIZE, CONCURRENCY, WARMUP_SECONDS, DURATION_SECONDS.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CUSTOMER_COLUMNS, customerValues, randomCustomer } from '../lib/seed.mjs';

const MAX_INSERTS_PER_PHASE = 5_000_000;

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
};
const positive = (name) => {
  const value = Number(env(name));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

const table = env('TABLE');
const userId = env('USER_ID');
const concurrency = positive('CONCURRENCY');
const pool = new pg.Pool({
  connectionString: env('DATABASE_URL'),
  max: positive('POOL_SIZE'),
  application_name: 'formwork-bench-raw-insert',
});
pool.on('error', () => {}); // an idle client's error surfaces on its next query

const columns = ['created_by', 'owner_id', ...CUSTOMER_COLUMNS].map((name) => `"${name}"`);
const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`;

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'])
  process.once(signal, () => {
    stopping = true;
  });

async function phase(seconds) {
  const latencies = [];
  let errors = 0;
  let firstError;
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1_000;
  const loop = async () => {
    while (!stopping && performance.now() < deadline && latencies.length < MAX_INSERTS_PER_PHASE) {
      const values = [userId, userId, ...customerValues(randomCustomer())];
      const sent = performance.now();
      try {
        await pool.query(text, values);
        latencies.push(performance.now() - sent);
      } catch (error) {
        errors += 1;
        firstError ??= error.message;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - startedAt) / 1_000;
  latencies.sort((a, b) => a - b);
  const at = (fraction) =>
    latencies.length === 0
      ? null
      : Math.round(
          latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] * 100,
        ) / 100;
  return {
    inserts: latencies.length,
    errors,
    firstError,
    seconds: Math.round(elapsed * 100) / 100,
    insertsPerSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    latencyP50Ms: at(0.5),
    latencyP99Ms: at(0.99),
  };
}

let exitCode = 0;
try {
  await phase(positive('WARMUP_SECONDS'));
  const result = await phase(positive('DURATION_SECONDS'));
  console.log(`RESULT ${JSON.stringify(result)}`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await pool.end();
}
process.exit(exitCode);
