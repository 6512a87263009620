/** Turning results into tables: aligned plain text for the terminal, Markdown for docs/benchmarks.md. */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Renders rows (arrays of strings) under headers; `align` holds 'l' or 'r' per column. */
export function renderTable(headers, rows, { align, markdown }) {
  if (markdown) {
    const separator = align.map((side) => (side === 'r' ? '---:' : '---'));
    return [headers, separator, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  }
  const widths = headers.map((_, column) =>
    Math.max(...[headers, ...rows].map((cells) => cells[column].length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        align[column] === 'r' ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ');
  return [
    line(headers),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

const integer = (value) => Math.round(value).toLocaleString('en-US');
/** autocannon records latencies in whole milliseconds: 0 means under 1 ms. */
const milliseconds = (value) => (value === 0 ? '<1' : String(Math.round(value * 100) / 100));
const ratio = (value) => `${value.toFixed(2)}×`;

export function coldStartTable({ firstRun, laterRuns }, options) {
  const row = (scenario, summary) => [
    scenario,
    String(summary.samples.length),
    integer(summary.median),
    integer(summary.min),
    integer(summary.max),
  ];
  return renderTable(
    ['Cold start to first 200 from /api/health', 'Runs', 'Median (ms)', 'Min (ms)', 'Max (ms)'],
    [
      row('First start, empty data dir (initdb + migrations)', firstRun),
      row('Later start, same data dir', laterRuns),
    ],
    { align: ['l', 'r', 'r', 'r', 'r'], ...options },
  );
}

export function throughputTable(targets, options) {
  const rows = targets.map(({ server, route, median }) => [
    server,
    route,
    integer(median.requestsPerSecond),
    `${integer(median.requestsPerSecondMin)}–${integer(median.requestsPerSecondMax)}`,
    milliseconds(median.latencyP50Ms),
    milliseconds(median.latencyP99Ms),
    `${median.non2xx} / ${median.errors} / ${median.timeouts}`,
  ]);
  return renderTable(
    [
      'Server',
      'Route',
      'req/s (median)',
      'req/s range',
      'p50 (ms)',
      'p99 (ms)',
      'non-2xx / errors / timeouts',
    ],
    rows,
    { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r'], ...options },
  );
}

export function ratioTable(ratios, options) {
  const baselineNames = ratios[0]?.against.map((entry) => `vs ${entry.server}`) ?? [];
  const rows = ratios.map(({ route, against }) => [
    `Engine ${route}`,
    ...against.map(
      (entry) =>
        `${ratio(entry.requestsPerSecondRatio)} req/s, ${ratio(entry.latencyP99Ratio)} p99`,
    ),
  ]);
  return renderTable(['Engine / baseline', ...baselineNames], rows, {
    align: ['l', ...baselineNames.map(() => 'r')],
    ...options,
  });
}

/** One line saying where and how the figures were measured. */
export function describeSetup(results) {
  const { machine, settings, throughput } = results;
  return (
    `Measured ${results.measuredAt.slice(0, 10)} with Node ${machine.node} on ${machine.cpuModel} (${machine.cpus} cores, ` +
    `load average ${machine.loadAverageAtStart.join(' / ')} at start). Throughput: PostgreSQL ${throughput.database}, ` +
    `${settings.connections} connections, ${settings.durationSeconds} s per run after a ${settings.warmupSeconds} s warm-up, ` +
    `median of ${settings.rounds} interleaved rounds (latencies in whole ms); engine and baselines each in their own process, autocannon in another.`
  );
}

export function markdownReport(results) {
  const markdown = { markdown: true };
  return [
    describeSetup(results),
    '',
    coldStartTable(results.coldStart, markdown),
    '',
    throughputTable(results.throughput.targets, markdown),
    '',
    ratioTable(results.throughput.ratios, markdown),
  ].join('\n');
}

export function textReport(results) {
  const text = { markdown: false };
  return [
    coldStartTable(results.coldStart, text),
    '',
    throughputTable(results.throughput.targets, text),
    '',
    ratioTable(results.throughput.ratios, text),
  ].join('\n');
}

/**
 * Writes `data` as JSON, formatted by the repository's Prettier when it is installed, so that
 * `pnpm format:check` (which also sees git-ignored result files) stays green.
 */
export async function writeJson(file, data) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, await formatJson(file, JSON.stringify(data, null, 2)));
}

async function formatJson(file, text) {
  try {
    const prettier = await import('prettier');
    const options = await prettier.resolveConfig(file);
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return `${text}\n`;
  }
}
