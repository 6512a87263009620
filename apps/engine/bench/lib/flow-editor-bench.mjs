/**
 * Flow editor responsiveness in Chromium: a 300-node flow (a long chain with decisions) beside a
 * 12-node one, both opened in the same run from the built web app the engine serves. Measured in
 * the page with performance marks, from the input event's own timestamp (so time the event waited
 * for a busy main thread counts) to the frame after it was painted (requestAnimationFrame, then a
 * message posted from it, which runs once that frame is out):
 *
 * - keystroke: a key typed in a form task's title field, at a person's pace (one every 150 ms, so
 *   the editor's debounced checks run between keys as they would);
 * - select: a click on a node until its settings are in the side panel;
 * - drag move: each pointer move while a node is dragged (one move per frame), and the drop
 *   (pointer up until the moved node is painted where it was dropped).
 *
 * Both flows are looked at the same way: opened (fit to view), then zoomed in with the canvas's
 * own + button to about actual size, as one works on a flow; the nodes used are those in view.
 *
 * Env: BENCH_FLOW_EDITOR_NODES (300), BENCH_FLOW_EDITOR_KEYS (keystrokes per round, 30),
 * BENCH_FLOW_EDITOR_SELECTS (10), BENCH_FLOW_EDITOR_DRAGS (2, of 15 moves each),
 * FORMWORK_CHROMIUM (/usr/bin/chromium).
 */
/* global document, window, requestAnimationFrame, HTMLElement, MutationObserver -- in the page */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { createDataDir, removeDataDir } from './data-dirs.mjs';
import { ADMIN, logIn, startReadyEngine, stopEngine } from './engine.mjs';
import { urlFor } from './http.mjs';
import { createApi } from './records-api.mjs';
import { median, roundTo } from './stats.mjs';

const CHROMIUM = process.env.FORMWORK_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
const VIEWPORT = { width: 1600, height: 1000 };
const KEY_INTERVAL_MS = 150;
const DRAG_MOVES = 15;
const DRAG_STEP_PX = 12;
const BASELINE_NODES = 12;
/** As the editor's auto-layout places them. */
const ROW = 130;
const BRANCH_X = 150;
const ACTION_TIMEOUT_MS = 30_000;

const customerEntity = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text' },
    { key: 'stage', name: '阶段', type: 'text' },
    { key: 'score', name: '满意度', type: 'integer' },
  ],
};

/**
 * A valid flow of exactly `size` nodes: start, then a chain cycling through record updates, form
 * tasks, notifications and waits, with a decision at every eighth step (two branches, side by
 * side, that meet again at the next step), then end; laid out top to bottom.
 */
export function chainFlow(size) {
  const nodes = [];
  const edges = [];
  let layer = 0;
  let tails;
  const add = (type, data, x = 0) => {
    const id = type === 'start' || type === 'end' ? type : `${type}_${nodes.length}`;
    nodes.push({ id, type, data, position: { x, y: layer * ROW } });
    return id;
  };
  const link = (source, target, data) =>
    edges.push({ id: `e_${edges.length + 1}`, source, target, ...(data ? { data } : {}) });
  const step = (index) => {
    switch (index % 4) {
      case 0:
        return ['update_record', { set: { stage: `阶段 ${index}` } }];
      case 1:
        return [
          'form_task',
          { title: `回访 ${index}`, form: 'visit', assignee: { role: 'staff' } },
        ];
      case 2:
        return [
          'notify',
          {
            to: { role: 'staff' },
            channel: 'in_app',
            subject: `提醒 ${index}`,
            body: '客户 {{record.name}}',
          },
        ];
      default:
        return ['wait', { duration: 'P1D' }];
    }
  };

  tails = [add('start', {})];
  for (let index = 0; nodes.length < size - 1; index += 1) {
    layer += 1;
    const left = size - 1 - nodes.length;
    if (index % 8 === 4 && left >= 4) {
      const decision = add('decision', {});
      for (const tail of tails) link(tail, decision);
      layer += 1;
      const [typeA, dataA] = step(index);
      const [typeB, dataB] = step(index + 1);
      const a = add(typeA, dataA, -BRANCH_X);
      const b = add(typeB, dataB, BRANCH_X);
      link(decision, a, { condition: { field: 'record.score', op: 'gte', value: 8 } });
      link(decision, b, { default: true });
      tails = [a, b];
      continue;
    }
    const [type, data] = step(index);
    const id = add(type, data);
    for (const tail of tails) link(tail, id);
    tails = [id];
  }
  layer += 1;
  const end = add('end', {});
  for (const tail of tails) link(tail, end);
  return {
    name: `${size} 步流程`,
    trigger: { type: 'manual', entity: 'customer' },
    graph: { nodes, edges },
  };
}

/** In the page: collects input → painted-frame samples. */
function instrument() {
  const afterPaint = (done) =>
    requestAnimationFrame((frameStart) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now(), frameStart);
      channel.port2.postMessage(null);
    });
  const state = {
    samples: { key: [], select: [], move: [], drop: [] },
    /** Of each sample, the part until the frame began (the handlers, React's render). */
    toFrame: { key: [], select: [], move: [], drop: [] },
    pending: 0,
    keyAt: null,
    moving: false,
    selectAt: null,
    selectId: null,
    selectDone: null,
  };
  const measure = (kind, start, label) => {
    state.pending += 1;
    performance.mark(`${label}-start`, { startTime: start });
    afterPaint((end, frameStart) => {
      performance.mark(`${label}-painted`, { startTime: end });
      performance.measure(label, `${label}-start`, `${label}-painted`);
      state.samples[kind].push(end - start);
      state.toFrame[kind].push(frameStart - start);
      state.pending -= 1;
    });
  };
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.target instanceof HTMLElement && event.target.id === 'flow-setting-title')
        state.keyAt = event.timeStamp;
    },
    true,
  );
  document.addEventListener(
    'input',
    () => {
      if (state.keyAt === null) return;
      measure('key', state.keyAt, 'fw-key');
      state.keyAt = null;
    },
    true,
  );
  document.addEventListener(
    'pointermove',
    (event) => {
      if (state.moving) measure('move', event.timeStamp, 'fw-drag-move');
    },
    true,
  );
  document.addEventListener(
    'pointerup',
    (event) => {
      if (!state.moving) return;
      state.moving = false;
      measure('drop', event.timeStamp, 'fw-drag-drop');
    },
    true,
  );
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (state.selectId !== null) state.selectAt = event.timeStamp;
    },
    true,
  );
  const shown = (id) =>
    document.querySelector(`[data-testid="flow-node-settings"][data-node-id="${id}"]`) &&
    document.querySelector(`[data-testid="flow-node-${id}"][data-selected="true"]`);
  new MutationObserver(() => {
    const id = state.selectId;
    if (id === null || state.selectAt === null || !shown(id)) return;
    const start = state.selectAt;
    state.selectId = null;
    state.selectAt = null;
    measure('select', start, 'fw-select');
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-node-id', 'data-selected'],
  });
  window.__fwBench = {
    state,
    /** Resolves once every measured input has been painted. */
    settled: () =>
      new Promise((resolve) => {
        const check = () => (state.pending === 0 ? resolve() : requestAnimationFrame(check));
        check();
      }),
  };
}

/** The canvas's zoom, from React Flow's viewport transform. */
const zoomOf = (page) =>
  page.evaluate(() => {
    const style = document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? NaN);
  });

/** Zooms in with the canvas's + button until about actual size. */
async function zoomToWork(page) {
  for (let click = 0; click < 25 && (await zoomOf(page)) < 0.9; click += 1) {
    const before = await zoomOf(page);
    await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForFunction(
      (previous) => {
        const style = document.querySelector('.react-flow__viewport')?.style.transform ?? '';
        return Number(/scale\(([\d.]+)\)/.exec(style)?.[1]) !== previous;
      },
      before,
      { timeout: ACTION_TIMEOUT_MS },
    );
  }
}

/** Node ids of a type whose cards are wholly inside the canvas, nearest its centre first. */
function nodesInView(page, type) {
  return page.evaluate((wanted) => {
    const canvas = document.querySelector('[data-testid="flow-canvas"]').getBoundingClientRect();
    const cx = canvas.left + canvas.width / 2;
    const cy = canvas.top + canvas.height / 2;
    return [...document.querySelectorAll('[data-testid^="flow-node-"][data-node-type]')]
      .filter((card) => !wanted || card.dataset.nodeType === wanted)
      .map((card) => ({
        id: card.dataset.testid.slice('flow-node-'.length),
        box: card.getBoundingClientRect(),
      }))
      .filter(
        ({ box }) =>
          box.left > canvas.left + 40 &&
          box.right < canvas.right - 40 &&
          box.top > canvas.top + 50 &&
          box.bottom < canvas.bottom - 40,
      )
      .sort(
        (a, b) => Math.hypot(a.box.x - cx, a.box.y - cy) - Math.hypot(b.box.x - cx, b.box.y - cy),
      )
      .map(({ id }) => id);
  }, type);
}

async function centreOf(page, testId) {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Opens one flow in the editor and measures; resolves with this round's samples. */
async function measureOne(browser, port, app, flowKey, size, settings) {
  const context = await browser.newContext({
    baseURL: urlFor(port, ''),
    locale: 'en-US',
    viewport: VIEWPORT,
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto('/login');
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-shell').waitFor();

    const openedAt = Date.now();
    await page.goto(`/apps/${app}/flows/${flowKey}`);
    await page.locator('[data-testid^="flow-node-"][data-node-type]').first().waitFor();
    await page.getByTestId('flow-problems-none').waitFor();
    const openMs = Date.now() - openedAt;
    await page.evaluate(instrument);
    await zoomToWork(page);
    const zoom = await zoomOf(page);
    const rendered = await page.locator('[data-testid^="flow-node-"][data-node-type]').count();

    // Select: alternate between two nodes in view.
    const inView = await nodesInView(page, null);
    if (inView.length < 3) throw new Error(`only ${inView.length} nodes in view of ${size}`);
    const [first, second] = inView;
    for (let pick = 0; pick < settings.selects; pick += 1) {
      const id = pick % 2 === 0 ? second : first;
      await page.evaluate((node) => {
        window.__fwBench.state.selectId = node;
      }, id);
      const at = await centreOf(page, `flow-node-${id}`);
      await page.mouse.click(at.x, at.y);
      await page
        .locator(`[data-testid="flow-node-settings"][data-node-id="${id}"]`)
        .waitFor({ timeout: ACTION_TIMEOUT_MS });
      await page.evaluate(() => window.__fwBench.settled());
    }

    // Keystrokes in a form task's title, one every KEY_INTERVAL_MS.
    const [task] = await nodesInView(page, 'form_task');
    if (!task) throw new Error('no form task in view');
    const taskAt = await centreOf(page, `flow-node-${task}`);
    await page.mouse.click(taskAt.x, taskAt.y);
    await page.locator(`[data-testid="flow-node-settings"][data-node-id="${task}"]`).waitFor();
    await page.locator('#flow-setting-title').click();
    await page.keyboard.press('End');
    const typed = 'abcdefghij'.repeat(Math.ceil(settings.keys / 10)).slice(0, settings.keys);
    for (const key of typed) {
      const pressedAt = Date.now();
      await page.keyboard.press(key);
      await page.evaluate(() => window.__fwBench.settled());
      const rest = KEY_INTERVAL_MS - (Date.now() - pressedAt);
      if (rest > 0) await sleep(rest);
    }
    const title = await page.getByTestId(`flow-node-${task}`).textContent();
    if (!title?.includes(typed.slice(-5)))
      throw new Error(`the card of ${task} does not show what was typed (${title})`);

    // Drags: a node in view, right and back, one move per frame.
    const [dragged] = (await nodesInView(page, null)).filter((id) => id !== task);
    for (let drag = 0; drag < settings.drags; drag += 1) {
      const from = await centreOf(page, `flow-node-${dragged}`);
      const direction = drag % 2 === 0 ? 1 : -1;
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.evaluate(() => {
        window.__fwBench.state.moving = true;
      });
      for (let move = 1; move <= DRAG_MOVES; move += 1) {
        await page.mouse.move(from.x + direction * move * DRAG_STEP_PX, from.y);
        await page.evaluate(() => window.__fwBench.settled());
      }
      await page.mouse.up();
      await page.evaluate(() => window.__fwBench.settled());
      const to = await centreOf(page, `flow-node-${dragged}`);
      // React Flow starts the drag on the first move past its threshold: that move is not applied.
      const moved = Math.round((to.x - from.x) * direction);
      const expected = DRAG_MOVES * DRAG_STEP_PX;
      if (moved < expected - DRAG_STEP_PX - 4 || moved > expected + 4)
        throw new Error(`${dragged} moved ${moved} px instead of about ${expected}`);
    }

    const { samples, toFrame } = await page.evaluate(() => window.__fwBench.state);
    return { openMs, zoom, rendered, samples, toFrame };
  } finally {
    await context.close();
  }
}

const summarise = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: values.length,
    medianMs: roundTo(median(values), 1),
    p95Ms: roundTo(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], 1),
    maxMs: roundTo(sorted.at(-1), 1),
  };
};

function summariseRounds(rounds) {
  const of = (kind) => ({
    ...summarise(rounds.flatMap((round) => round.samples[kind])),
    beforeFrameMedianMs: roundTo(median(rounds.flatMap((round) => round.toFrame[kind])), 1),
  });
  return {
    nodes: rounds[0].nodes,
    openMs: median(rounds.map((round) => round.openMs)),
    zoom: roundTo(median(rounds.map((round) => round.zoom)), 2),
    renderedNodes: median(rounds.map((round) => round.rendered)),
    keystroke: of('key'),
    select: of('select'),
    dragMove: of('move'),
    drop: of('drop'),
  };
}

const positive = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

/** suite: { rounds, databaseUrl?, log, issues } */
export async function measureFlowEditor(suite) {
  const { log, issues } = suite;
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it or set FORMWORK_CHROMIUM`);
  if (!existsSync(WEB_INDEX)) throw new Error(`The web app is not built (${WEB_INDEX})`);
  const large = positive('BENCH_FLOW_EDITOR_NODES', 300);
  const settings = {
    keys: positive('BENCH_FLOW_EDITOR_KEYS', 30),
    selects: positive('BENCH_FLOW_EDITOR_SELECTS', 10),
    drags: positive('BENCH_FLOW_EDITOR_DRAGS', 2),
  };
  const dataDir = suite.databaseUrl ? undefined : await createDataDir();
  const engine = await startReadyEngine({ dataDir, databaseUrl: suite.databaseUrl });
  let browser;
  try {
    const token = await logIn(engine.port);
    const api = createApi(engine.port, token);
    const app = suite.databaseUrl ? `bench_editor_${randomUUID().slice(0, 8)}` : 'bench_editor';
    await api.call('POST', '/api/apps', { json: { key: app, name: '流程编辑器基准' } });
    await api.call('PUT', `/api/apps/${app}/entities/customer`, { json: customerEntity });
    await api.call('PUT', `/api/apps/${app}/forms/visit`, {
      json: { name: '回访', entity: 'customer' },
    });
    const sizes = [BASELINE_NODES, large];
    // Saved afresh before each round: a round's typing and dragging change the flow.
    const saveFlow = async (size) => {
      const { data } = await api.call('PUT', `/api/apps/${app}/flows/f${size}`, {
        json: chainFlow(size),
      });
      if (!data.valid)
        throw new Error(
          `the ${size}-node flow is invalid: ${JSON.stringify(data.errors.slice(0, 3))}`,
        );
    };

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const rounds = Object.fromEntries(sizes.map((size) => [size, []]));
    for (let round = 1; round <= suite.rounds; round += 1)
      for (const size of sizes) {
        await saveFlow(size);
        const result = await measureOne(browser, engine.port, app, `f${size}`, size, settings);
        rounds[size].push({ ...result, nodes: size });
        const median1 = (kind) => roundTo(median(result.samples[kind]), 1);
        log(
          `round ${round}/${suite.rounds}  ${String(size).padStart(3)} nodes  open ${result.openMs} ms, ` +
            `keystroke ${median1('key')} ms, select ${median1('select')} ms, ` +
            `drag move ${median1('move')} ms, drop ${median1('drop')} ms ` +
            `(zoom ${roundTo(result.zoom, 2)}, ${result.rendered} nodes rendered)`,
        );
      }
    return {
      chromium: browser.version(),
      viewport: VIEWPORT,
      keyIntervalMs: KEY_INTERVAL_MS,
      settings: { ...settings, dragMoves: DRAG_MOVES, rounds: suite.rounds },
      baseline: summariseRounds(rounds[BASELINE_NODES]),
      large: summariseRounds(rounds[large]),
    };
  } finally {
    await browser?.close();
    const problem = await stopEngine(engine.handle, { dataDir });
    if (problem) issues.push(problem);
    if (dataDir) await removeDataDir(dataDir);
  }
}

export function flowEditorReport(result) {
  const { baseline, large } = result;
  const row = (label, kind) =>
    `  ${label.padEnd(26)} ${`${large[kind].medianMs} ms (p95 ${large[kind].p95Ms})`.padEnd(24)} ${baseline[kind].medianMs} ms (p95 ${baseline[kind].p95Ms})`;
  return [
    `Flow editor in Chromium ${result.chromium} (headless, no GPU), input to the next painted frame, median of ${result.settings.rounds} rounds' samples:`,
    `  ${''.padEnd(26)} ${`${large.nodes} nodes`.padEnd(24)} ${baseline.nodes} nodes (baseline)`,
    row(`keystroke in a title`, 'keystroke'),
    row('select a node', 'select'),
    row('drag: each pointer move', 'dragMove'),
    row('drag: drop', 'drop'),
    `  ${'open the editor'.padEnd(26)} ${`${large.openMs} ms`.padEnd(24)} ${baseline.openMs} ms`,
    `  (zoomed to ${large.zoom} / ${baseline.zoom}; ${large.renderedNodes} / ${baseline.renderedNodes} node cards rendered; a key every ${result.keyIntervalMs} ms)`,
  ].join('\n');
}
