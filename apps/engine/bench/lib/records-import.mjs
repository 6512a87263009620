/**
 * Import of a large CSV through the API (above 10,000 rows the engine answers 202 { jobId }; the
 * job is polled until it ends), beside the same rows inserted straight through pg. Each run
 * imports into a new entity of its own, so every run starts from an empty table.
 *
 * Baseline: `COPY … FROM STDIN` when pg-copy-streams is installed, otherwise multi-row INSERTs
 * of 1,000 rows each on one connection.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { recordsPath } from './records-api.mjs';
import { CUSTOMER_COLUMNS, customerEntity, customersCsv, customerValues } from './seed.mjs';
import { median, roundTo } from './stats.mjs';

const BATCH_ROWS = 1_000;
const POLL_INTERVAL_MS = 250;
const IMPORT_TIMEOUT_MS = 240_000;
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/**
 * ctx: { api, pool, app, userId, settings, log, issues }
 * settings: { rounds, importRows }
 */
export async function measureImport(ctx) {
  const { api, app, settings, log } = ctx;
  const probeEntity = 'import_probe';
  await putEntity(ctx, probeEntity);
  const probe = await api.send('POST', `${recordsPath(app, probeEntity)}/import`, {
    body: `${CUSTOMER_COLUMNS.join(',')}\n张伟,上海,123.45,+86 13800000000,3,2026-01-02T03:04:05Z\n`,
    contentType: 'text/csv; charset=utf-8',
  });
  const route = `POST /api/apps/{app}/entities/{entity}/records/import (text/csv, ${settings.importRows.toLocaleString('en-US')} rows)`;
  if (![200, 201, 202].includes(probe.status)) {
    const reason = `not available: a 1-row import answered ${probe.status} ${probe.body.slice(0, 200)}`;
    log(`import ${reason}`);
    return {
      available: false,
      route,
      reason,
      probe: { status: probe.status, body: probe.body.slice(0, 500) },
    };
  }

  const copyStreams = await loadCopyStreams();
  const baselineKind = copyStreams
    ? 'COPY … FROM STDIN (pg-copy-streams)'
    : `multi-row INSERT, ${BATCH_ROWS} rows per statement`;
  const csv = customersCsv(settings.importRows);
  log(
    `CSV of ${settings.importRows.toLocaleString('en-US')} rows, ${roundTo(Buffer.byteLength(csv.text) / 2 ** 20, 1)} MB; baseline: ${baselineKind}`,
  );
  const apiRuns = [];
  const rawRuns = [];
  for (let run = 1; run <= settings.rounds; run += 1) {
    apiRuns.push(await importThroughApi(ctx, `import_api_${run}`, csv.text));
    log(`run ${run}/${settings.rounds}  API import`.padEnd(40) + formatRun(apiRuns.at(-1)));
    rawRuns.push(await insertThroughPg(ctx, `import_raw_${run}`, csv.rows, copyStreams));
    log(
      `run ${run}/${settings.rounds}  pg ${copyStreams ? 'COPY' : 'multi-row INSERT'}`.padEnd(40) +
        formatRun(rawRuns.at(-1)),
    );
  }
  const summarize = (runs) => ({
    rowsPerSecond: roundTo(median(runs.map((one) => one.rowsPerSecond)), 1),
    seconds: roundTo(median(runs.map((one) => one.seconds)), 2),
    rowsPerSecondMin: Math.min(...runs.map((one) => one.rowsPerSecond)),
    rowsPerSecondMax: Math.max(...runs.map((one) => one.rowsPerSecond)),
  });
  const apiMedian = summarize(apiRuns);
  const rawMedian = summarize(rawRuns);
  return {
    available: true,
    route,
    rows: settings.importRows,
    csvBytes: Buffer.byteLength(csv.text),
    api: { median: apiMedian, runs: apiRuns },
    raw: { kind: baselineKind, median: rawMedian, runs: rawRuns },
    rowsPerSecondRatio: roundTo(apiMedian.rowsPerSecond / rawMedian.rowsPerSecond, 3),
  };
}

async function putEntity({ api, app }, entity) {
  await api.call('PUT', `/api/apps/${app}/entities/${entity}`, {
    json: customerEntity(entity),
    timeoutMs: 60_000,
  });
}

async function loadCopyStreams() {
  try {
    return await import('pg-copy-streams');
  } catch {
    return undefined;
  }
}

async function importThroughApi(ctx, entity, csvText) {
  const { api, app, issues } = ctx;
  await putEntity(ctx, entity);
  const startedAt = performance.now();
  const deadline = startedAt + IMPORT_TIMEOUT_MS;
  const posted = await api.call('POST', `${recordsPath(app, entity)}/import`, {
    body: csvText,
    contentType: 'text/csv; charset=utf-8',
    timeoutMs: IMPORT_TIMEOUT_MS,
    expect: [200, 201, 202],
  });
  let result = posted.data;
  let job;
  let polls = 0;
  if (posted.status === 202) {
    const jobId = posted.data?.jobId;
    if (!jobId)
      throw new Error(`the import answered 202 without a jobId: ${posted.body.slice(0, 300)}`);
    for (;;) {
      if (performance.now() > deadline)
        throw new Error(
          `import job ${jobId} did not end within ${IMPORT_TIMEOUT_MS / 1_000} s (last: ${JSON.stringify(job)?.slice(0, 300)})`,
        );
      await sleep(POLL_INTERVAL_MS);
      polls += 1;
      job = (await api.call('GET', `/api/jobs/${encodeURIComponent(jobId)}`)).data;
      if (TERMINAL.has(job.status)) break;
    }
    if (job.status !== 'completed')
      throw new Error(
        `import job ${jobId} ended ${job.status}: ${JSON.stringify(job).slice(0, 500)}`,
      );
    result = job.result;
  }
  const seconds = (performance.now() - startedAt) / 1_000;
  const failed = Array.isArray(result?.failed) ? result.failed.length : undefined;
  const created = Number(result?.created ?? 0);
  const stored = await countRows(ctx, entity);
  if (failed)
    issues.push(
      `records import: ${failed} rows failed in ${entity}, first: ${JSON.stringify(result.failed.slice(0, 2))}`,
    );
  if (stored !== ctx.settings.importRows)
    issues.push(
      `records import: ${entity} holds ${stored} rows after importing ${ctx.settings.importRows} (answer: created ${created}, failed ${failed})`,
    );
  return {
    status: posted.status,
    polls,
    created,
    updated: result?.updated,
    failed,
    storedRows: stored,
    seconds: roundTo(seconds, 2),
    rowsPerSecond: roundTo(stored / seconds, 1),
  };
}

async function insertThroughPg(ctx, entity, rows, copyStreams) {
  await putEntity(ctx, entity);
  const table = `"app_${ctx.app}"."${entity}"`;
  const columns = ['created_by', 'owner_id', ...CUSTOMER_COLUMNS];
  const client = await ctx.pool.connect();
  const startedAt = performance.now();
  try {
    if (copyStreams) await copyRows(client, copyStreams, table, columns, rows, ctx.userId);
    else {
      for (let offset = 0; offset < rows.length; offset += BATCH_ROWS) {
        const batch = rows.slice(offset, offset + BATCH_ROWS);
        const values = [];
        const tuples = batch.map((row) => {
          const base = values.length;
          values.push(ctx.userId, ctx.userId, ...customerValues(row));
          return `(${columns.map((_, index) => `$${base + index + 1}`).join(', ')})`;
        });
        await client.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
      }
    }
  } finally {
    client.release();
  }
  const seconds = (performance.now() - startedAt) / 1_000;
  const stored = await countRows(ctx, entity);
  if (stored !== rows.length)
    ctx.issues.push(`records import baseline: ${entity} holds ${stored} of ${rows.length} rows`);
  return {
    storedRows: stored,
    seconds: roundTo(seconds, 2),
    rowsPerSecond: roundTo(stored / seconds, 1),
  };
}

async function copyRows(client, { from }, table, columns, rows, userId) {
  const { pipeline } = await import('node:stream/promises');
  const { Readable } = await import('node:stream');
  const lines = function* () {
    for (const row of rows) yield `${[userId, userId, ...customerValues(row)].join('\t')}\n`;
  };
  await pipeline(
    Readable.from(lines()),
    client.query(from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
  );
}

async function countRows({ pool, app }, entity) {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "app_${app}"."${entity}"`);
  return rows[0].n;
}

function formatRun(run) {
  const how = run.status
    ? ` (HTTP ${run.status}${run.polls ? `, job polled ${run.polls}×` : ''})`
    : '';
  return `${run.storedRows.toLocaleString('en-US')} rows in ${run.seconds} s = ${Math.round(run.rowsPerSecond).toLocaleString('en-US')} rows/s${how}`;
}
