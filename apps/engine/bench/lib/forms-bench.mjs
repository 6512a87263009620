/**
 * Public forms: submission throughput (validate + insert + events, anonymous, Idempotency-Key)
 * at N clients beside the plain record create into the same entity, interleaved rounds in one
 * engine; and the JavaScript a phone downloads for the public page (gzip).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createDataDir, removeDataDir } from './data-dirs.mjs';
import { logIn, startReadyEngine, stopEngine } from './engine.mjs';
import { urlFor } from './http.mjs';
import { describeFailures, medianOfRounds, postJsonLoad } from './load.mjs';
import { createApi, recordsPath } from './records-api.mjs';
import { median, roundTo } from './stats.mjs';

const BUNDLE_SCRIPT = fileURLToPath(
  new URL('../../../web/scripts/public-bundle-size.mjs', import.meta.url),
);
const KINDS = ['咨询', '投诉', '表扬'];

const surveyEntity = {
  key: 'survey',
  name: '满意度调查',
  fields: [
    {
      key: 'kind',
      name: '类型',
      type: 'select',
      required: true,
      options: KINDS.map((value) => ({ value })),
    },
    { key: 'score', name: '推荐意愿 (NPS)', type: 'integer' },
    { key: 'comment', name: '意见', type: 'longtext' },
    { key: 'phone', name: '电话', type: 'phone' },
  ],
};

const randomAnswer = () => ({
  kind: KINDS[Math.floor(Math.random() * KINDS.length)],
  score: Math.floor(Math.random() * 11),
  comment: `第 ${Math.floor(Math.random() * 1e6)} 位客户：服务很好，物流可以更快。`,
  phone: `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
});

/** suite: { rounds, connections, warmupSeconds, databaseUrl?, log, issues } */
export async function measureForms(suite) {
  const { log, issues } = suite;
  const durationSeconds = Number(process.env.BENCH_FORMS_DURATION_SECONDS ?? 6);
  const dataDir = suite.databaseUrl ? undefined : await createDataDir();
  const engine = await startReadyEngine({
    dataDir,
    databaseUrl: suite.databaseUrl,
    env: { FORMWORK_PUBLIC_SUBMISSIONS_PER_MINUTE: '1000000000' },
  });
  try {
    const token = await logIn(engine.port);
    const api = createApi(engine.port, token);
    const app = suite.databaseUrl ? `bench_forms_${randomUUID().slice(0, 8)}` : 'bench_forms';
    await api.call('POST', '/api/apps', { json: { key: app, name: '表单基准 (forms bench)' } });
    await api.call('PUT', `/api/apps/${app}/entities/survey`, { json: surveyEntity });
    const form = (
      await api.call('PUT', `/api/apps/${app}/forms/nps`, {
        json: { name: 'NPS 调查', entity: 'survey', public: true, design: npsDesign() },
      })
    ).data;
    const loads = {
      create: (seconds) =>
        postJsonLoad({
          url: urlFor(engine.port, recordsPath(app, 'survey')),
          headers: { authorization: `Bearer ${token}` },
          connections: suite.connections,
          durationSeconds: seconds,
          body: randomAnswer,
        }),
      publicSubmit: (seconds) =>
        postJsonLoad({
          url: urlFor(engine.port, `/api/public/forms/${form.shareToken}/submissions`),
          headers: {},
          connections: suite.connections,
          durationSeconds: seconds,
          body: () => ({ data: randomAnswer() }),
          // As the public page sends it: a fresh key per answer (a retry would reuse it).
          requestHeaders: () => ({ 'idempotency-key': randomUUID() }),
        }),
    };
    const rounds = { create: [], publicSubmit: [] };
    for (let round = 1; round <= suite.rounds; round += 1)
      for (const name of ['create', 'publicSubmit']) {
        await loads[name](suite.warmupSeconds);
        const run = await loads[name](durationSeconds);
        const failures = describeFailures(run);
        if (failures) issues.push(`forms ${name}: ${failures}`);
        rounds[name].push(run);
        log(
          `round ${round}/${suite.rounds}  ${name.padEnd(13)} ${Math.round(run.rowsPerSecond)} 2xx/s, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms`,
        );
      }
    const summary = (runs) => ({
      ...medianOfRounds(runs),
      rowsPerSecond: roundTo(median(runs.map((run) => run.rowsPerSecond)), 1),
    });
    const create = summary(rounds.create);
    const publicSubmit = summary(rounds.publicSubmit);
    return {
      connections: suite.connections,
      durationSeconds,
      create,
      publicSubmit,
      ratio: roundTo(publicSubmit.rowsPerSecond / create.rowsPerSecond, 3),
      target: 0.8,
      publicPage: publicPageSize(issues),
    };
  } finally {
    await stopEngine(engine.handle, { dataDir });
    if (dataDir) await removeDataDir(dataDir);
  }
}

function npsDesign() {
  return {
    layout: 'single',
    groups: [
      {
        id: 'main',
        title: '',
        fields: [
          { key: 'kind', required: true },
          { key: 'score', widget: 'nps' },
          { key: 'comment', showWhen: { field: 'score', op: 'lte', value: 6 } },
          { key: 'phone', pattern: '^1[0-9]{10}$' },
        ],
      },
    ],
  };
}

/** The gzip size of the JavaScript the public form page loads (from the built web app). */
function publicPageSize(issues) {
  const result = spawnSync(process.execPath, [BUNDLE_SCRIPT], { encoding: 'utf8' });
  if (result.status !== 0) {
    issues.push(`public page size: ${result.stderr.trim() || 'the size script failed'}`);
    return undefined;
  }
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
  return {
    totalGzipBytes: report.totalGzipBytes,
    files: report.files.length,
    targetGzipBytes: 150 * 1024,
  };
}

export function formsReport(forms) {
  const page = forms.publicPage
    ? `${(forms.publicPage.totalGzipBytes / 1024).toFixed(1)} KB gzip in ${forms.publicPage.files} files (target < 150 KB)`
    : 'not measured';
  return [
    `Public form submission, ${forms.connections} clients, ${forms.durationSeconds} s rounds (median):`,
    `  plain record create     ${forms.create.rowsPerSecond} 2xx/s (p50 ${forms.create.latencyP50Ms} ms)`,
    `  public submission       ${forms.publicSubmit.rowsPerSecond} 2xx/s (p50 ${forms.publicSubmit.latencyP50Ms} ms)`,
    `  ratio                   ${forms.ratio}× (target ≥ ${forms.target})`,
    `Public form page JavaScript: ${page}`,
  ].join('\n');
}
