/**
 * Classifiers: batch classification of many customers (ABC by Pareto share + lifecycle + RFM)
 * through the engine's runs, beside hand-written SQL doing the same work and json-rules-engine
 * evaluating row by row in Node with batched reads and writes, all on the same seeded data; and
 * the added latency of a record write when three classifiers run on change.
 *
 * Env: BENCH_CLASSIFIERS_CUSTOMERS (1,000,000), BENCH_CLASSIFIERS_ORDERS_PER_CUSTOMER (5),
 * BENCH_CLASSIFIERS_JRE_ROWS (customers json-rules-engine classifies; default all),
 * BENCH_CLASSIFIERS_WRITES (sequential writes per on-change round, 400).
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { CLASSIFIER_PRESETS } from '@formwork/rules';
import { Engine } from 'json-rules-engine';
import pg from 'pg';
import { createDataDir, embeddedDatabaseUrl, removeDataDir } from './data-dirs.mjs';
import { logIn, startReadyEngine, stopEngine } from './engine.mjs';
import { createApi } from './records-api.mjs';
import { CITIES } from './seed.mjs';
import { median, roundTo } from './stats.mjs';

const STATEMENT_TIMEOUT_MS = 30 * 60_000;
const JRE_BATCH = 10_000;

const customerEntity = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text' },
    { key: 'city', name: '城市', type: 'select', options: CITIES.map((value) => ({ value })) },
    { key: 'total_amount', name: '累计金额', type: 'money' },
    {
      key: 'tier',
      name: '等级',
      type: 'select',
      options: ['A', 'B', 'C'].map((value) => ({ value })),
    },
    {
      key: 'lifecycle',
      name: '生命周期',
      type: 'select',
      options: ['active', 'lapsing', 'lost'].map((value) => ({ value })),
    },
    { key: 'segment', name: 'RFM 分群', type: 'text' },
    { key: 'rfm_score', name: 'RFM 分数', type: 'integer' },
    { key: 'vip', name: 'VIP', type: 'boolean' },
  ],
};

const orderEntity = {
  key: 'order',
  name: '订单',
  fields: [
    { key: 'customer', name: '客户', type: 'relation', target: 'customer', indexed: true },
    { key: 'amount', name: '金额', type: 'money' },
    {
      key: 'status',
      name: '状态',
      type: 'select',
      options: [{ value: 'paid' }, { value: 'refunded' }],
    },
    { key: 'ordered_at', name: '下单时间', type: 'datetime' },
  ],
};

const BATCH_CLASSIFIERS = {
  abc_pareto: CLASSIFIER_PRESETS.abc_pareto,
  lifecycle: CLASSIFIER_PRESETS.lifecycle,
  rfm: CLASSIFIER_PRESETS.rfm,
};
const OUTPUTS = ['tier', 'lifecycle', 'segment', 'rfm_score'];

/** Three on-change classifiers for the write-latency figure: a field, an aggregate, a flag. */
const ON_CHANGE_CLASSIFIERS = {
  oc_tier: { ...CLASSIFIER_PRESETS.abc_amount, triggers: ['on_change'] },
  oc_segment: {
    name: '消费分层',
    entity: 'customer',
    hitPolicy: 'FIRST',
    inputs: [
      {
        key: 'spend',
        source: {
          aggregate: 'sum',
          entity: 'order',
          via: 'customer',
          field: 'amount',
          window: 'P365D',
          dateField: 'ordered_at',
        },
      },
    ],
    outputs: [{ field: 'segment', default: '无消费' }],
    rules: [
      { id: 'big', when: ['>= 100000'], then: ['"大客户"'] },
      { id: 'small', when: ['> 0'], then: ['"小客户"'] },
    ],
    triggers: ['on_change'],
  },
  oc_vip: {
    name: 'VIP',
    entity: 'customer',
    hitPolicy: 'UNIQUE',
    inputs: [
      { key: 'amount', source: { field: 'total_amount' } },
      { key: 'city', source: { field: 'city' } },
    ],
    outputs: [{ field: 'vip', default: false }],
    rules: [{ id: 'vip', when: ['>= 90000', '"上海","北京"'], then: ['true'] }],
    triggers: ['on_change'],
  },
};

export function classifiersSettings(suite) {
  const number = (name, fallback) => Number(process.env[name] ?? fallback);
  const customers = number('BENCH_CLASSIFIERS_CUSTOMERS', 1_000_000);
  return {
    rounds: suite.rounds,
    customers,
    ordersPerCustomer: number('BENCH_CLASSIFIERS_ORDERS_PER_CUSTOMER', 5),
    jreRows: Math.min(customers, number('BENCH_CLASSIFIERS_JRE_ROWS', customers)),
    writes: number('BENCH_CLASSIFIERS_WRITES', 400),
  };
}

/** suite: { rounds, databaseUrl?, log, issues } */
export async function measureClassifiers(suite) {
  const settings = classifiersSettings(suite);
  const { log } = suite;
  const dataDir = suite.databaseUrl ? undefined : await createDataDir();
  const engine = await startReadyEngine({ dataDir, databaseUrl: suite.databaseUrl });
  const url = suite.databaseUrl ?? (await embeddedDatabaseUrl(dataDir));
  // The engine turns JIT off for its connections; the baselines run with the same setting.
  const pool = new pg.Pool({
    connectionString: url,
    max: 3,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    options: '-c jit=off',
  });
  pool.on('error', () => {});
  const token = await logIn(engine.port);
  const api = createApi(engine.port, token);
  const app = suite.databaseUrl ? `bench_cls_${randomBytes(4).toString('hex')}` : 'bench_cls';
  const ctx = { api, pool, app, settings, log: (line) => log(`  ${line}`) };
  try {
    await api.call('POST', '/api/apps', {
      json: { key: app, name: '分类基准 (classifiers bench)' },
    });
    await api.call('PUT', `/api/apps/${app}/entities/customer`, {
      json: customerEntity,
      timeoutMs: 60_000,
    });
    await api.call('PUT', `/api/apps/${app}/entities/order`, {
      json: orderEntity,
      timeoutMs: 60_000,
    });
    const seedMs = await seed(ctx);
    log(
      `seeded ${settings.customers.toLocaleString('en-US')} customers and ${(settings.customers * settings.ordersPerCustomer).toLocaleString('en-US')} orders in ${Math.round(seedMs / 1000)} s`,
    );
    for (const [key, definition] of Object.entries(BATCH_CLASSIFIERS))
      await api.call('PUT', `/api/apps/${app}/classifiers/${key}`, {
        json: { ...definition, triggers: ['manual'] },
      });
    const batch = await measureBatch(ctx);
    const jre = await measureJsonRulesEngine(ctx, batch.referenceChecksum);
    const onChange = await measureOnChange(ctx);
    return { settings, seedSeconds: Math.round(seedMs / 1000), batch, jre, onChange };
  } finally {
    api.close();
    await pool.end().catch(() => {});
    const problem = await stopEngine(engine.handle, { dataDir });
    if (problem) suite.issues.push(`classifiers: ${problem}`);
    if (dataDir) await removeDataDir(dataDir);
  }
}

const table = (ctx, entity) => `"app_${ctx.app}"."${entity}"`;

async function seed(ctx) {
  const { pool, settings } = ctx;
  const startedAt = performance.now();
  const customers = table(ctx, 'customer');
  const orders = table(ctx, 'order');
  const cities = `ARRAY[${CITIES.map((city) => `'${city}'`).join(', ')}]`;
  await pool.query(
    `INSERT INTO ${customers} (name, city, total_amount)
     SELECT '客户' || g, (${cities})[1 + (hashint4(g) & 7)], round((random() * 100000)::numeric, 2)
       FROM generate_series(1, $1::int) AS g`,
    [settings.customers],
  );
  // Orders over the last two years; one in ten refunded; some customers get none at all.
  await pool.query(
    `INSERT INTO ${orders} (customer, amount, status, ordered_at)
     SELECT c.id, round((random() * 5000)::numeric, 2),
            CASE WHEN random() < 0.1 THEN 'refunded' ELSE 'paid' END,
            now() - random() * interval '730 days'
       FROM ${customers} c, generate_series(1, $1::int) AS n
      WHERE hashtext(c.name) & 15 <> 0`,
    [settings.ordersPerCustomer],
  );
  await pool.query(`VACUUM ANALYZE ${customers}`);
  await pool.query(`VACUUM ANALYZE ${orders}`);
  return performance.now() - startedAt;
}

async function resetOutputs(ctx) {
  const customers = table(ctx, 'customer');
  await ctx.pool.query(
    `UPDATE ${customers} SET ${OUTPUTS.map((field) => `"${field}" = NULL`).join(', ')}`,
  );
  await ctx.pool.query(`VACUUM ANALYZE ${customers}`);
  await ctx.pool.query(`CHECKPOINT`).catch(() => {});
}

/** A fingerprint of every customer's outputs, to check that the ways of classifying agree. */
async function checksum(ctx) {
  const { rows } = await ctx.pool.query(
    `SELECT md5(string_agg(concat_ws('|', id, ${OUTPUTS.map((field) => `"${field}"`).join(', ')}), ',' ORDER BY id)) AS sum
       FROM ${table(ctx, 'customer')}`,
  );
  return rows[0].sum;
}

async function runThroughEngine(ctx) {
  const startedAt = performance.now();
  for (const key of Object.keys(BATCH_CLASSIFIERS)) {
    const { data } = await ctx.api.call('POST', `/api/apps/${ctx.app}/classifiers/${key}/run`, {
      expect: [202],
    });
    for (;;) {
      const job = (await ctx.api.call('GET', `/api/jobs/${data.jobId}`)).data;
      if (job.status === 'completed') break;
      if (job.status !== 'queued' && job.status !== 'running')
        throw new Error(`the ${key} run ended ${job.status}: ${job.error}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return performance.now() - startedAt;
}

/** The same three classifications written by hand: one UPDATE each, only changed rows. */
function handStatements(ctx) {
  const customers = table(ctx, 'customer');
  const orders = table(ctx, 'order');
  const update = (cte, sets) =>
    `${cte}
     UPDATE ${customers} t SET ${sets.map((field) => `"${field}" = o."${field}"`).join(', ')}
       FROM out o WHERE t.id = o.id AND (${sets.map((field) => `t."${field}" IS DISTINCT FROM o."${field}"`).join(' OR ')})`;
  const share = `SUM(revenue) OVER (PARTITION BY revenue IS NULL ORDER BY revenue DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::float8
                 / NULLIF(SUM(revenue) OVER (PARTITION BY revenue IS NULL), 0)::float8`;
  const tile = (column) =>
    `CASE WHEN ${column} IS NULL THEN NULL ELSE NTILE(5) OVER (PARTITION BY ${column} IS NULL ORDER BY ${column}) END`;
  return [
    update(
      `WITH rev AS (SELECT customer AS id, sum(amount) AS revenue FROM ${orders} WHERE deleted_at IS NULL AND status = 'paid' GROUP BY customer),
       ranked AS (SELECT c.id, r.revenue, CASE WHEN r.revenue IS NULL THEN NULL ELSE ${share} END AS share
                    FROM ${customers} c LEFT JOIN rev r ON r.id = c.id WHERE c.deleted_at IS NULL),
       out AS (SELECT id, CASE WHEN share <= 0.7 THEN 'A' WHEN share <= 0.9 THEN 'B' ELSE 'C' END AS tier FROM ranked)`,
      ['tier'],
    ),
    update(
      `WITH agg AS (SELECT customer AS id,
                      count(*) FILTER (WHERE ordered_at >= now() - interval '30 days' AND ordered_at <= now()) AS d30,
                      count(*) FILTER (WHERE ordered_at >= now() - interval '365 days' AND ordered_at <= now()) AS d365
                    FROM ${orders} WHERE deleted_at IS NULL GROUP BY customer),
       out AS (SELECT c.id, CASE WHEN COALESCE(a.d30, 0) > 0 THEN 'active' WHEN COALESCE(a.d365, 0) > 0 THEN 'lapsing' ELSE 'lost' END AS lifecycle
                 FROM ${customers} c LEFT JOIN agg a ON a.id = c.id WHERE c.deleted_at IS NULL)`,
      ['lifecycle'],
    ),
    update(
      `WITH agg AS (SELECT customer AS id, max(ordered_at) AS last_order, count(*) AS frequency,
                           sum(amount) FILTER (WHERE status = 'paid') AS revenue
                      FROM ${orders} WHERE deleted_at IS NULL GROUP BY customer),
       base AS (SELECT c.id, a.last_order, COALESCE(a.frequency, 0) AS frequency, a.revenue
                  FROM ${customers} c LEFT JOIN agg a ON a.id = c.id WHERE c.deleted_at IS NULL),
       tiles AS (SELECT b.*, ${tile('last_order')} AS nr, ${tile('frequency')} AS nf, ${tile('revenue')} AS nm FROM base b),
       peers AS (SELECT id, MIN(nr) OVER (PARTITION BY last_order) AS r, MIN(nf) OVER (PARTITION BY frequency) AS f,
                        MIN(nm) OVER (PARTITION BY revenue) AS m FROM tiles),
       out AS (SELECT id, CASE WHEN r >= 4 AND f >= 4 AND m >= 4 THEN 'champion' WHEN r <= 2 AND f >= 3 THEN 'at risk' ELSE 'other' END AS segment,
                      (r * 100 + f * 10 + m)::int AS rfm_score FROM peers)`,
      ['segment', 'rfm_score'],
    ),
  ];
}

async function runHandSql(ctx) {
  const startedAt = performance.now();
  for (const statement of handStatements(ctx)) await ctx.pool.query(statement);
  return performance.now() - startedAt;
}

async function measureBatch(ctx) {
  const engineMs = [];
  const handMs = [];
  let engineSum;
  let handSum;
  for (let round = 0; round < ctx.settings.rounds; round += 1) {
    const order = round % 2 === 0 ? ['engine', 'hand'] : ['hand', 'engine'];
    for (const way of order) {
      await resetOutputs(ctx);
      if (way === 'engine') {
        engineMs.push(await runThroughEngine(ctx));
        engineSum = await checksum(ctx);
      } else {
        handMs.push(await runHandSql(ctx));
        handSum = await checksum(ctx);
      }
      ctx.log(
        `round ${round + 1} ${way}: ${Math.round((way === 'engine' ? engineMs : handMs).at(-1))} ms`,
      );
    }
  }
  // A run after nothing changed: what a daily schedule costs when few classes move.
  const steadyMs = await runThroughEngine(ctx);
  const engine = median(engineMs);
  const hand = median(handMs);
  return {
    engineMs,
    handMs,
    steadyMs: Math.round(steadyMs),
    ratio: roundTo(engine / hand, 2),
    agree: engineSum === handSum,
    referenceChecksum: handSum,
  };
}

/** json-rules-engine rules for the three tables, FIRST hit policy as priorities. */
function jreEngines() {
  const first = (rules) => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    rules.forEach(({ conditions, event }, index) =>
      engine.addRule({ conditions, event, priority: rules.length - index }),
    );
    return engine;
  };
  const fact = (name, operator, value) => ({ fact: name, operator, value });
  return {
    tier: first([
      { conditions: { all: [fact('share', 'lessThanInclusive', 0.7)] }, event: { type: 'A' } },
      { conditions: { all: [fact('share', 'lessThanInclusive', 0.9)] }, event: { type: 'B' } },
      { conditions: { all: [] }, event: { type: 'C' } },
    ]),
    lifecycle: first([
      { conditions: { all: [fact('d30', 'greaterThan', 0)] }, event: { type: 'active' } },
      { conditions: { all: [fact('d365', 'greaterThan', 0)] }, event: { type: 'lapsing' } },
      { conditions: { all: [] }, event: { type: 'lost' } },
    ]),
    segment: first([
      {
        conditions: {
          all: [
            fact('r', 'greaterThanInclusive', 4),
            fact('f', 'greaterThanInclusive', 4),
            fact('m', 'greaterThanInclusive', 4),
          ],
        },
        event: { type: 'champion' },
      },
      {
        conditions: {
          all: [fact('r', 'lessThanInclusive', 2), fact('f', 'greaterThanInclusive', 3)],
        },
        event: { type: 'at risk' },
      },
      { conditions: { all: [] }, event: { type: 'other' } },
    ]),
  };
}

async function firstEvent(engine, facts) {
  const { events } = await engine.run(facts);
  return events[0]?.type ?? null;
}

/** Population measures in Node: Pareto share (ties are peers) and NTILE with peers' first tile. */
function populationMeasures(rows) {
  const withRevenue = rows
    .filter((row) => row.revenue !== null)
    .sort((a, b) => b.revenue - a.revenue);
  const total = withRevenue.reduce((sum, row) => sum + row.revenue, 0);
  let running = 0;
  for (let i = 0; i < withRevenue.length;) {
    let j = i;
    while (j < withRevenue.length && withRevenue[j].revenue === withRevenue[i].revenue)
      running += withRevenue[j++].revenue;
    for (let k = i; k < j; k += 1) withRevenue[k].share = total === 0 ? null : running / total;
    i = j;
  }
  const ntile = (key, target, compare) => {
    const present = rows.filter((row) => row[key] !== null).sort(compare);
    const count = present.length;
    const small = Math.floor(count / 5);
    const big = count % 5;
    let firstOfPeers = null;
    present.forEach((row, index) => {
      const tile =
        index < big * (small + 1)
          ? Math.floor(index / (small + 1)) + 1
          : Math.floor((index - big) / small) + 1;
      if (index === 0 || compare(present[index - 1], row) !== 0) firstOfPeers = tile;
      row[target] = firstOfPeers;
    });
  };
  ntile('last_order', 'r', (a, b) => a.last_order - b.last_order);
  ntile('frequency', 'f', (a, b) => a.frequency - b.frequency);
  ntile('revenue', 'm', (a, b) => a.revenue - b.revenue);
}

/**
 * Row by row in Node: inputs read in keyset batches (aggregates by SQL, as an integration would
 * query them), population measures over the whole set, rules through json-rules-engine, changed
 * rows written back in batches. Checked against the hand-written SQL's result.
 */
async function measureJsonRulesEngine(ctx, referenceChecksum) {
  const { pool, settings } = ctx;
  await resetOutputs(ctx);
  const customers = table(ctx, 'customer');
  const orders = table(ctx, 'order');
  const startedAt = performance.now();
  const rows = [];
  let after = '00000000-0000-0000-0000-000000000000';
  while (rows.length < settings.jreRows) {
    const { rows: batch } = await pool.query(
      `SELECT c.id, c.tier, c.lifecycle, c.segment, c.rfm_score,
              max(o.ordered_at) AS last_order, count(o.id)::int AS frequency,
              sum(o.amount) FILTER (WHERE o.status = 'paid')::float8 AS revenue,
              count(o.id) FILTER (WHERE o.ordered_at >= now() - interval '30 days' AND o.ordered_at <= now())::int AS d30,
              count(o.id) FILTER (WHERE o.ordered_at >= now() - interval '365 days' AND o.ordered_at <= now())::int AS d365
         FROM ${customers} c LEFT JOIN ${orders} o ON o.customer = c.id AND o.deleted_at IS NULL
        WHERE c.deleted_at IS NULL AND c.id > $1
        GROUP BY c.id ORDER BY c.id LIMIT $2`,
      [after, Math.min(JRE_BATCH, settings.jreRows - rows.length)],
    );
    if (batch.length === 0) break;
    for (const row of batch) rows.push({ ...row, last_order: row.last_order?.getTime() ?? null });
    after = batch.at(-1).id;
  }
  populationMeasures(rows);
  const engines = jreEngines();
  const changed = [];
  for (const row of rows) {
    const facts = {
      share: row.share ?? null,
      d30: row.d30,
      d365: row.d365,
      r: row.r ?? null,
      f: row.f ?? null,
      m: row.m ?? null,
    };
    const next = {
      tier: await firstEvent(engines.tier, facts),
      lifecycle: await firstEvent(engines.lifecycle, facts),
      segment: await firstEvent(engines.segment, facts),
      rfm_score:
        row.r === undefined ||
        row.f === undefined ||
        row.m === undefined ||
        row.r === null ||
        row.m === null
          ? null
          : row.r * 100 + row.f * 10 + row.m,
    };
    if (OUTPUTS.some((field) => next[field] !== row[field])) changed.push({ id: row.id, ...next });
  }
  for (let i = 0; i < changed.length; i += JRE_BATCH) {
    const slice = changed.slice(i, i + JRE_BATCH);
    await pool.query(
      `UPDATE ${customers} t SET tier = v.tier, lifecycle = v.lifecycle, segment = v.segment, rfm_score = v.rfm_score
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS v(id, tier, lifecycle, segment, rfm_score)
        WHERE t.id = v.id`,
      [slice.map((row) => row.id), ...OUTPUTS.map((field) => slice.map((row) => row[field]))],
    );
  }
  const ms = performance.now() - startedAt;
  const complete = rows.length === settings.customers;
  const agree = complete ? (await checksum(ctx)) === referenceChecksum : undefined;
  ctx.log(
    `json-rules-engine: ${rows.length.toLocaleString('en-US')} customers in ${Math.round(ms)} ms`,
  );
  return {
    rows: rows.length,
    ms: Math.round(ms),
    /** Scaled to every customer when only some were classified (row by row: linear). */
    msForAll: Math.round((ms * settings.customers) / rows.length),
    agree,
  };
}

/** Sequential edits of one customer's amount, with three on-change classifiers and without. */
async function measureOnChange(ctx) {
  const { api, app, pool, settings } = ctx;
  const { rows } = await pool.query(
    `SELECT id, version FROM ${table(ctx, 'customer')} ORDER BY id LIMIT 50`,
  );
  const put = async (triggers) => {
    for (const [key, definition] of Object.entries(ON_CHANGE_CLASSIFIERS))
      await api.call('PUT', `/api/apps/${app}/classifiers/${key}`, {
        json: { ...definition, triggers },
      });
  };
  const writeMs = async () => {
    const samples = [];
    for (let i = 0; i < settings.writes; i += 1) {
      const row = rows[i % rows.length];
      const response = await api.call(
        'PATCH',
        `/api/apps/${app}/entities/customer/records/${row.id}`,
        {
          json: { total_amount: Math.round(Math.random() * 10_000_000) / 100 },
        },
      );
      samples.push(response.ms);
    }
    return median(samples);
  };
  const withMs = [];
  const withoutMs = [];
  for (let round = 0; round < ctx.settings.rounds; round += 1) {
    for (const classify of round % 2 === 0 ? [false, true] : [true, false]) {
      await put(classify ? ['on_change'] : ['manual']);
      await writeMs(); // warm-up: caches and prepared statements
      (classify ? withMs : withoutMs).push(await writeMs());
    }
  }
  const withClassifiers = median(withMs);
  const without = median(withoutMs);
  return {
    withMs: withMs.map((ms) => roundTo(ms, 2)),
    withoutMs: withoutMs.map((ms) => roundTo(ms, 2)),
    addedPercent: roundTo(((withClassifiers - without) / without) * 100, 1),
  };
}

export function classifiersReport(result) {
  const { batch, jre, onChange, settings } = result;
  const engine = median(batch.engineMs);
  const hand = median(batch.handMs);
  return [
    `Classifiers, ${settings.customers.toLocaleString('en-US')} customers / ${(settings.customers * settings.ordersPerCustomer).toLocaleString('en-US')} orders (seed ${result.seedSeconds} s):`,
    `  batch ABC (Pareto) + lifecycle + RFM: engine ${Math.round(engine)} ms vs hand-written SQL ${Math.round(hand)} ms → ${batch.ratio}× (target ≤ 1.5×), results agree: ${batch.agree}`,
    `    rounds engine ${batch.engineMs.map(Math.round).join(', ')} ms; hand ${batch.handMs.map(Math.round).join(', ')} ms; a run when nothing changes: ${batch.steadyMs} ms`,
    `  json-rules-engine row by row: ${jre.msForAll} ms${jre.rows < settings.customers ? ` (measured on ${jre.rows.toLocaleString('en-US')} rows, scaled)` : ''} → engine is ${roundTo(jre.msForAll / engine, 1)}× faster (target ≥ 10×)${jre.agree === undefined ? '' : `, results agree: ${jre.agree}`}`,
    `  record write with three on-change classifiers: median ${median(onChange.withMs)} ms vs ${median(onChange.withoutMs)} ms without → +${onChange.addedPercent} % (target < 20 %)`,
  ].join('\n');
}
