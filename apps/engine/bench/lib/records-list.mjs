/**
 * Listing with one indexed equality filter and a sort on many rows, 50 per page, as a person
 * paging would: the first page again and again, one reader following nextCursor deep into the
 * list, and a few concurrent readers doing the same. Beside it, the engine's own keyset SQL
 * (rebuilt as apps/engine/src/records/compile-record-query.ts writes it, and checked against the
 * API's answers) run directly through pg.
 *
 * Measured in two index states of the same table:
 *   1. the indexes the engine creates: (city) for `indexed: true`, (created_at, id);
 *   2. plus the composite index the API offers, `indexes: [{ fields: ["city", "-amount"] }]`,
 *      with a seekable keyset query shape measured through pg beside the engine's.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { listPath } from './records-api.mjs';
import { CUSTOMER_COLUMNS, FILTER_CITY, customerEntity, seedStatement } from './seed.mjs';
import { median, roundTo } from './stats.mjs';

export const PAGE_SIZE = 50;
export const FILTER = { field: 'city', op: 'eq', value: FILTER_CITY };
export const SORT = '-amount';
export const SLOW_P95_MS = 20;
const WALK_TIMEOUT_MS = 120_000;
const SAMPLE_TIMEOUT_MS = 60_000;
const MAX_REPORTED_PAGE_PROBLEMS = 3;

/**
 * ctx: { api, pool, app, entity, table, userId, settings, log, issues }
 * settings: { rounds, listRows, firstPageSamples, walkPages, walkers, walkerPages, pgSamples }
 */
export async function measureList(ctx) {
  const seed = await seedRows(ctx);
  const states = [];

  ctx.log(`state 1/2: the engine's own indexes`);
  states.push(
    await measureState(ctx, {
      id: 'engine-indexes',
      title: "engine's indexes: (city) from indexed: true, (created_at, id)",
      plan: planOf(ctx.settings, { seekable: false }),
    }),
  );

  const composite = [{ fields: ['city', '-amount'] }];
  const put = await timed(() =>
    ctx.api.call('PUT', entityPath(ctx), {
      json: customerEntity(ctx.entity, { indexes: composite }),
      timeoutMs: 300_000,
    }),
  );
  ctx.log(
    `state 2/2: + composite index via PUT …/entities/${ctx.entity} indexes ${JSON.stringify(composite)} (${Math.round(put.ms)} ms)`,
  );
  states.push(
    await measureState(ctx, {
      id: 'api-composite-index',
      title: `+ API composite index ${JSON.stringify(composite)}`,
      apiIndexMs: Math.round(put.ms),
      plan: planOf(ctx.settings, { seekable: true }),
    }),
  );

  return {
    rows: seed.rows,
    filteredRows: seed.filteredRows,
    seed,
    request: `GET ${listPath(ctx.app, ctx.entity, { filter: FILTER, sort: SORT, limit: PAGE_SIZE })}`,
    states,
    slowP95Ms: SLOW_P95_MS,
  };
}

const planOf = (settings, { seekable }) => ({
  firstPageSamples: settings.firstPageSamples,
  walkPages: settings.walkPages,
  walkers: settings.walkers,
  walkerPages: settings.walkerPages,
  pgSamples: settings.pgSamples,
  seekable,
});

const entityPath = ({ app, entity }) =>
  `/api/apps/${encodeURIComponent(app)}/entities/${encodeURIComponent(entity)}`;

async function timed(work) {
  const startedAt = performance.now();
  const result = await work();
  return { result, ms: performance.now() - startedAt };
}

// --- seeding -----------------------------------------------------------------------------

async function seedRows({ pool, table, userId, settings, log }) {
  const insert = await timed(() => pool.query(seedStatement(table, settings.listRows, userId)));
  // VACUUM sets hint bits and the visibility map once, and keeps autovacuum from starting on the
  // freshly inserted table in the middle of a measurement; ANALYZE gives the planner statistics.
  const vacuum = await timed(() => pool.query(`VACUUM (ANALYZE) ${table}`));
  const {
    rows: [counts],
  } = await pool.query(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE city = $1)::int AS filtered,
            pg_total_relation_size($2::regclass) AS bytes FROM ${table}`,
    [FILTER_CITY, table],
  );
  const seed = {
    rows: counts.rows,
    filteredRows: counts.filtered,
    insertMs: Math.round(insert.ms),
    vacuumAnalyzeMs: Math.round(vacuum.ms),
    tableAndIndexesMegabytes: roundTo(Number(counts.bytes) / 2 ** 20, 1),
    loadAverage: loadAverage(),
  };
  log(
    `seeded ${seed.rows.toLocaleString('en-US')} rows (${seed.filteredRows.toLocaleString('en-US')} in ${FILTER_CITY}) ` +
      `with one INSERT … SELECT generate_series in ${seed.insertMs} ms; VACUUM (ANALYZE) ${seed.vacuumAnalyzeMs} ms; ` +
      `${seed.tableAndIndexesMegabytes} MB`,
  );
  return seed;
}

const loadAverage = () => os.loadavg().map((load) => roundTo(load, 2));

// --- one index state ---------------------------------------------------------------------

async function measureState(ctx, { id, title, plan, ...extra }) {
  ctx.currentState = id;
  const runs = [];
  let deepCursor;
  for (let run = 1; run <= ctx.settings.rounds; run += 1) {
    const result = await measureRun(ctx, plan);
    deepCursor = result.deepCursor;
    runs.push(result.series);
    ctx.log(`  run ${run}/${ctx.settings.rounds}  ${formatRunSeries(result.series)}`);
  }
  const series = mergeRuns(runs);
  const deepPage = plan.walkPages;
  const explain = await explainState(ctx, deepCursor, plan.seekable);
  const indexes = await describeIndexes(ctx);
  for (const problem of await comparePages(ctx, deepCursor, plan.seekable))
    ctx.issues.push(`records list (${title}): ${problem}`);
  for (const [name, plan] of Object.entries(explain))
    ctx.log(`  EXPLAIN ${name}: ${plan.summary.join(' | ')}`);
  return {
    id,
    title,
    ...extra,
    deepPage,
    plan,
    indexes,
    series,
    explain,
    loadAverage: loadAverage(),
  };
}

/** One run: each series once. Resolves with per-series latency summaries and the deep cursor. */
async function measureRun(ctx, plan) {
  const series = {};
  const firstPath = listPath(ctx.app, ctx.entity, {
    filter: FILTER,
    sort: SORT,
    limit: PAGE_SIZE,
  });
  series.apiFirst = summarizeLatencies(
    await sample(plan.firstPageSamples, async () => {
      const response = await ctx.api.call('GET', firstPath);
      checkPage(ctx, response.data, undefined, 1, 'first page');
      return response.ms;
    }),
  );

  const walk = await walkPages(ctx, plan.walkPages, 'walk');
  series.apiWalk = summarizeLatencies(walk.latencies);
  const tail = Math.max(1, Math.floor(plan.walkPages / 10));
  series.apiWalkTail = summarizeLatencies(walk.latencies.slice(-tail));
  series.apiWalkTail.pages = `${walk.latencies.length - tail + 1}–${walk.latencies.length}`;

  if (plan.walkers > 0) {
    const walks = await Promise.all(
      Array.from({ length: plan.walkers }, (_, index) =>
        walkPages(ctx, plan.walkerPages, `reader ${index + 1}`),
      ),
    );
    series.apiWalkers = summarizeLatencies(walks.flatMap((one) => one.latencies));
  }

  const first = engineListSql(ctx.table, undefined);
  series.pgFirst = summarizeLatencies(
    await sample(plan.pgSamples, () => timedQuery(ctx.pool, first)),
  );
  if (walk.deepCursor) {
    const deep = engineListSql(ctx.table, walk.deepCursor);
    series.pgDeep = summarizeLatencies(
      await sample(plan.pgSamples, () => timedQuery(ctx.pool, deep)),
    );
    if (plan.seekable) {
      const seek = seekableListSql(ctx.table, walk.deepCursor);
      series.pgSeekableDeep = summarizeLatencies(
        await sample(plan.pgSamples, () => timedQuery(ctx.pool, seek)),
      );
    }
  }
  return { series, deepCursor: walk.deepCursor };
}

/** Calls `once` (which resolves with a latency in ms) `count` times in a row, bounded in time. */
async function sample(count, once) {
  const deadline = performance.now() + SAMPLE_TIMEOUT_MS;
  const latencies = [];
  for (let index = 0; index < count && performance.now() < deadline; index += 1)
    latencies.push(await once());
  return latencies;
}

async function timedQuery(pool, { text, values }) {
  const startedAt = performance.now();
  await pool.query(text, values);
  return performance.now() - startedAt;
}

/**
 * Follows nextCursor from the first page for up to `pages` pages (or WALK_TIMEOUT_MS), checking
 * each page. Resolves with the latencies and the cursor that fetched the last page.
 */
async function walkPages(ctx, pages, who) {
  const deadline = performance.now() + WALK_TIMEOUT_MS;
  const latencies = [];
  let cursor;
  let deepCursor;
  let previous;
  for (let page = 1; page <= pages; page += 1) {
    if (performance.now() > deadline) {
      ctx.issues.push(
        `records list: ${who} stopped after ${page - 1} of ${pages} pages (${WALK_TIMEOUT_MS / 1_000} s limit)`,
      );
      break;
    }
    const response = await ctx.api.call(
      'GET',
      listPath(ctx.app, ctx.entity, { filter: FILTER, sort: SORT, limit: PAGE_SIZE, cursor }),
    );
    latencies.push(response.ms);
    checkPage(ctx, response.data, previous, page, who);
    previous = response.data.items.at(-1);
    deepCursor = cursor;
    cursor = response.data.nextCursor;
    if (!cursor) break;
  }
  return { latencies, deepCursor };
}

/** Every item in the city, sorted by amount descending then id, continuing the previous page. */
function checkPage(ctx, page, previousItem, pageNumber, who) {
  const problems = [];
  if (!Array.isArray(page?.items)) problems.push('no items array');
  else {
    if (page.items.length !== PAGE_SIZE && page.nextCursor)
      problems.push(`${page.items.length} items with a nextCursor`);
    let before = previousItem;
    for (const item of page.items) {
      if (item.city !== FILTER_CITY) problems.push(`item ${item.id} has city ${item.city}`);
      // -amount: amounts descending, ties broken by id in the same direction (descending).
      if (
        before &&
        !(before.amount > item.amount || (before.amount === item.amount && before.id > item.id))
      )
        problems.push(
          `item ${item.id} (amount ${item.amount}) does not follow ${before.id} (amount ${before.amount})`,
        );
      before = item;
    }
  }
  if (problems.length === 0) return;
  ctx.pageProblems = (ctx.pageProblems ?? 0) + 1;
  if (ctx.pageProblems <= MAX_REPORTED_PAGE_PROBLEMS)
    ctx.issues.push(
      `records list (${ctx.currentState}): ${who}, page ${pageNumber}: ${problems.slice(0, 3).join('; ')}`,
    );
}

/**
 * The rebuilt SQL must answer what the API answers (first page and the deep page), and the
 * seekable shape the same rows as the engine's: otherwise the pg figures would compare unlike work.
 */
async function comparePages(ctx, deepCursor, seekable) {
  if (!deepCursor) return ['the walk never reached a second page'];
  const problems = [];
  const idsOf = (rows) =>
    rows
      .slice(0, PAGE_SIZE)
      .map((row) => row.id)
      .join(',');
  for (const [name, cursor] of [
    ['first page', undefined],
    ['deep page', deepCursor],
  ]) {
    const response = await ctx.api.call(
      'GET',
      listPath(ctx.app, ctx.entity, { filter: FILTER, sort: SORT, limit: PAGE_SIZE, cursor }),
    );
    const { rows } = await ctx.pool.query(engineListSql(ctx.table, cursor));
    if (idsOf(response.data.items) !== idsOf(rows))
      problems.push(
        `the ${name} through the API differs from the bench's rebuilt engine SQL (compile-record-query.ts changed?)`,
      );
    if (cursor && seekable) {
      const seek = await ctx.pool.query(seekableListSql(ctx.table, cursor));
      if (idsOf(seek.rows) !== idsOf(rows))
        problems.push(`the seekable SQL answers other rows than the engine's for the ${name}`);
    }
  }
  return problems;
}

// --- the SQL -----------------------------------------------------------------------------

const SELECT_LIST = [
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'owner_id',
  ...CUSTOMER_COLUMNS,
]
  .map((key) => `t."${key}"`)
  .join(', ');

function decodeCursor(cursor) {
  const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  const [amount] = decoded.v;
  if (amount === null || amount === undefined)
    throw new Error('The bench seeds no null amounts, yet a cursor holds one');
  return { amount, id: decoded.id };
}

/**
 * The statement RecordQueryCompiler writes for filter city = X, sort -amount, limit 50 and,
 * when given, the cursor: keyset as an OR of branches, nulls last, and the id breaking ties in
 * the direction of the last sort key (descending here).
 */
export function engineListSql(table, cursor) {
  const where = ['t.deleted_at IS NULL', 't."city" = $1::text'];
  const values = [FILTER_CITY];
  if (cursor) {
    const { amount, id } = decodeCursor(cursor);
    values.push(amount, id);
    where.push(
      '(((t."amount" < $2::numeric(18,2) OR t."amount" IS NULL)) OR (t."amount" = $2::numeric(18,2) AND t.id < $3::uuid))',
    );
  }
  values.push(PAGE_SIZE + 1);
  return {
    text: `SELECT ${SELECT_LIST} FROM ${table} t  WHERE ${where.join(' AND ')} ORDER BY t."amount" DESC NULLS LAST, t.id DESC LIMIT $${values.length}`,
    values,
  };
}

/**
 * The same page with a keyset predicate an index can seek to: the row comparison
 * `(amount, id) < (v, last_id)` is an Index Cond on (city, amount DESC NULLS LAST, id DESC),
 * where the OR of branches is only a Filter. Row comparisons leave out nulls, so the rows with no
 * amount (which sort last) come from a UNION ALL branch that only matters once the others run
 * out; a required (NOT NULL) sort field needs no such branch.
 */
export function seekableListSql(table, cursor) {
  const { amount, id } = decodeCursor(cursor);
  const base = `SELECT ${SELECT_LIST} FROM ${table} t WHERE t.deleted_at IS NULL AND t."city" = $1::text`;
  return {
    text:
      `SELECT * FROM ((${base} AND (t."amount", t.id) < ($2::numeric(18,2), $3::uuid) ` +
      `ORDER BY t."amount" DESC NULLS LAST, t.id DESC LIMIT $4) UNION ALL ` +
      `(${base} AND t."amount" IS NULL ORDER BY t.id DESC LIMIT $4)) page ` +
      `ORDER BY page."amount" DESC NULLS LAST, page.id DESC LIMIT $4`,
    values: [FILTER_CITY, amount, id, PAGE_SIZE + 1],
  };
}

async function explain(pool, { text, values }) {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
  const lines = rows.map((row) => row['QUERY PLAN']);
  return { lines, summary: summarizePlan(lines) };
}

/** The lines that tell how the rows were found: scan nodes, index conditions, filters, time. */
function summarizePlan(lines) {
  const wanted =
    /(Scan|Sort Key|Sort Method|Gather|Merge Append|Incremental|Index Cond|Filter:|Rows Removed by Filter|Execution Time)/;
  return lines
    .filter((line) => wanted.test(line) && !/^\s*Worker \d/.test(line))
    .map((line) =>
      line
        .trim()
        .replace(/\s+\(cost=[^)]*\)/, '')
        .replace(
          /\s+\(actual time=([\d.]+)\.\.([\d.]+) rows=([\d.]+) loops=(\d+)\)/,
          ' (actual $2 ms, $3 rows × $4)',
        ),
    )
    .slice(0, 12);
}

async function explainState(ctx, deepCursor, seekable) {
  const plans = { firstPage: await explain(ctx.pool, engineListSql(ctx.table, undefined)) };
  if (deepCursor) {
    plans.deepPage = await explain(ctx.pool, engineListSql(ctx.table, deepCursor));
    if (seekable)
      plans.seekableDeepPage = await explain(ctx.pool, seekableListSql(ctx.table, deepCursor));
  }
  return plans;
}

async function describeIndexes({ pool, app, entity }) {
  const { rows } = await pool.query(
    'SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname',
    [`app_${app}`, entity],
  );
  return rows.map((row) => row.indexdef.replace(/ ON \S+ USING btree/, ''));
}

// --- latency summaries -------------------------------------------------------------------

function percentile(sorted, fraction) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function summarizeLatencies(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value) => (value === null ? null : roundTo(value, 2));
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    maxMs: round(sorted.at(-1) ?? null),
  };
}

/** Median over the runs of each series' p50, p95 and max; n summed. */
function mergeRuns(runs) {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  return Object.fromEntries(
    names.map((name) => {
      const present = runs.map((run) => run[name]).filter(Boolean);
      const of = (key) => roundTo(median(present.map((summary) => summary[key])), 2);
      return [
        name,
        {
          runs: present.length,
          n: present.reduce((sum, summary) => sum + summary.n, 0),
          p50Ms: of('p50Ms'),
          p95Ms: of('p95Ms'),
          maxMs: of('maxMs'),
          ...(present[0].pages ? { pages: present[0].pages } : {}),
          perRun: present.map(({ p50Ms, p95Ms }) => ({ p50Ms, p95Ms })),
        },
      ];
    }),
  );
}

function formatRunSeries(series) {
  return Object.entries(series)
    .map(([name, summary]) => `${name} ${summary.p50Ms}/${summary.p95Ms} ms`)
    .join(', ');
}
