import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ClassifierDefinition, HitPolicy } from '@formwork/definitions';
import {
  bindChunk,
  CLASSIFIER_PRESETS,
  compileTableToSql,
  evaluateTable,
  tableFromClassifier,
  type SqlSchemaInfo,
  type TableResult,
} from '@formwork/rules';
import fc from 'fast-check';
import {
  AS_OF,
  customerEntity,
  fieldsOf,
  inputsInMemory,
  newId,
  orderEntity,
  schemaInfoOf,
  seed,
  type SeedCustomer,
  type SeedOrder,
} from './support/classifier-data.js';
import { startTestEngine, type TestEngine } from './support/test-engine.js';

let t: TestEngine;
let schema: SqlSchemaInfo;
beforeAll(async () => {
  t = await startTestEngine();
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
  await t.admin.entities.put('crm', customerEntity);
  await t.admin.entities.put('crm', orderEntity);
  schema = schemaInfoOf('crm', [customerEntity, orderEntity]);
});
afterAll(() => t.stop());

type Row = Record<string, unknown>;
const runSql = (text: string, values?: unknown[]) => t.sql(text, values);

/** SQL and in-memory values in one form: numbers as numbers, instants as epoch ms. */
function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
  return value;
}

const CONFLICTS = new Set(['unique_violation', 'any_conflict']);

interface Run {
  rows: Row[];
  memory: Map<string, { inputs: Record<string, unknown>; result: TableResult }>;
}

async function runBoth(
  classifier: ClassifierDefinition,
  customers: SeedCustomer[],
  orders: SeedOrder[],
): Promise<Run> {
  const compiled = compileTableToSql(classifier, schema, { asOf: AS_OF });
  expect(compiled.errors).toEqual([]);
  const rows = await t.sql<Row>(compiled.text, compiled.values);
  const table = tableFromClassifier(classifier, fieldsOf(customerEntity), {
    order: fieldsOf(orderEntity),
  });
  const memory = new Map(
    [...inputsInMemory(classifier, customers, orders)].map(([id, inputs]) => [
      id,
      { inputs, result: evaluateTable(table, inputs) },
    ]),
  );
  return { rows, memory };
}

/** Every live record: the same inputs, matched rules, outputs, conflicts and failing rules. */
function expectAgreement(classifier: ClassifierDefinition, { rows, memory }: Run) {
  expect(rows.map((row) => row.id).sort()).toEqual([...memory.keys()].sort());
  for (const row of rows) {
    const { inputs, result } = memory.get(row.id as string)!;
    const sql = {
      inputs: Object.fromEntries(
        classifier.inputs.map((input) => [input.key, normalise(row[`in_${input.key}`])]),
      ),
      matched: row.matched_rules,
      outputs: Object.fromEntries(
        classifier.outputs.map((output) => [output.field, normalise(row[`out_${output.field}`])]),
      ),
      conflict: row.conflict ?? null,
      failing: row.errors ?? null,
    };
    const conflicted = result.errors.some((error) => CONFLICTS.has(error.code));
    const failing = [
      ...new Set(
        result.errors.filter((error) => error.code === 'evaluation').map((error) => error.ruleId),
      ),
    ];
    expect(sql).toEqual({
      inputs: Object.fromEntries(
        Object.entries(inputs).map(([key, value]) => [key, normalise(value)]),
      ),
      matched: result.matchedRules,
      outputs: Object.fromEntries(
        Object.entries(result.outputs).map(([key, value]) => [key, normalise(value)]),
      ),
      conflict: conflicted ? result.matchedRules : null,
      failing: failing.length > 0 ? failing : null,
    });
  }
}

// ---- generators -------------------------------------------------------------------------------

const CITIES = ['北京', '上海', '广州'] as const;
const AMOUNTS = [0, 100, 250, 1000, 1000, 5000, 12345] as const;

const customersArb = fc.array(
  fc.record({
    name: fc.constantFrom('a', 'b', 'c'),
    city: fc.option(fc.constantFrom(...CITIES), { nil: null }),
    total: fc.option(fc.constantFrom(...AMOUNTS), { nil: null, freq: 5 }),
    deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    orders: fc.array(
      fc.record({
        amount: fc.option(fc.constantFrom(...AMOUNTS), { nil: null, freq: 8 }),
        status: fc.constantFrom('paid' as const, 'refunded' as const),
        daysAgo: fc.integer({ min: -2, max: 400 }),
        deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      }),
      { maxLength: 4 },
    ),
  }),
  { minLength: 1, maxLength: 40 },
);

type Generated = typeof customersArb extends fc.Arbitrary<infer T> ? T : never;

function toSeed(generated: Generated): {
  customers: SeedCustomer[];
  orders: SeedOrder[];
} {
  const customers: SeedCustomer[] = [];
  const orders: SeedOrder[] = [];
  for (const customer of generated) {
    const id = newId();
    customers.push({
      id,
      name: customer.name,
      city: customer.city,
      total: customer.total,
      deleted: customer.deleted,
    });
    for (const order of customer.orders) orders.push({ id: newId(), customer: id, ...order });
  }
  return { customers, orders };
}

type InputKind = 'number' | 'text';
interface InputChoice {
  input: ClassifierDefinition['inputs'][number];
  kind: InputKind;
  aggregate: boolean;
}

const INPUTS: InputChoice[] = [
  {
    input: { key: 'total_amount', source: { field: 'total_amount' } },
    kind: 'number',
    aggregate: false,
  },
  { input: { key: 'city', source: { field: 'city' } }, kind: 'text', aggregate: false },
  {
    input: {
      key: 'paid_orders',
      source: {
        aggregate: 'count',
        entity: 'order',
        via: 'customer',
        where: { field: 'status', op: 'eq', value: 'paid' },
      },
    },
    kind: 'number',
    aggregate: true,
  },
  {
    input: {
      key: 'orders_30d',
      source: {
        aggregate: 'count',
        entity: 'order',
        via: 'customer',
        window: 'P30D',
        dateField: 'ordered_at',
      },
    },
    kind: 'number',
    aggregate: true,
  },
  {
    input: {
      key: 'revenue',
      source: { aggregate: 'sum', entity: 'order', via: 'customer', field: 'amount' },
    },
    kind: 'number',
    aggregate: true,
  },
  {
    input: {
      key: 'biggest',
      source: {
        aggregate: 'max',
        entity: 'order',
        via: 'customer',
        field: 'amount',
        window: 'P365D',
        dateField: 'ordered_at',
      },
    },
    kind: 'number',
    aggregate: true,
  },
  {
    input: { key: 'amount_rank', source: { measure: 'percent_rank', of: 'total_amount' } },
    kind: 'number',
    aggregate: false,
  },
  {
    input: { key: 'amount_tile', source: { measure: 'ntile', of: 'total_amount', n: 3 } },
    kind: 'number',
    aggregate: false,
  },
  {
    input: { key: 'revenue_share', source: { measure: 'cume_share', of: 'revenue' } },
    kind: 'number',
    aggregate: false,
  },
];
const MEASURED: Record<string, string> = {
  amount_rank: 'total_amount',
  amount_tile: 'total_amount',
  revenue_share: 'revenue',
};

const numberLiteral = fc.constantFrom(
  '0',
  '1',
  '2',
  '3',
  '10',
  '12.5',
  '50',
  '123.45',
  '0.5',
  '0.25',
  '0.9',
  '1000',
  '-1',
);
const textLiteral = fc.constantFrom('"北京"', '"上海"', '"广州"', '"上"', '""');
const literalOf = (kind: InputKind) => (kind === 'number' ? numberLiteral : textLiteral);
const otherLiteral = (kind: InputKind) => (kind === 'number' ? textLiteral : numberLiteral);

/** A positive test from the unary-test grammar (sometimes of the wrong type, or null). */
function positiveArb(kind: InputKind): fc.Arbitrary<string> {
  const literal = literalOf(kind);
  return fc.oneof(
    { arbitrary: literal, weight: 3 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('<', '<=', '>', '>=', '!=', '='), literal)
        .map(([op, v]) => `${op} ${v}`),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('[', '(', ']'), literal, literal, fc.constantFrom(']', ')', '['))
        .map(([open, low, high, close]) => `${open}${low}..${high}${close}`),
      weight: 2,
    },
    { arbitrary: fc.constant('null'), weight: 1 },
    { arbitrary: otherLiteral(kind), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('<', '!='), otherLiteral(kind))
        .map(([op, v]) => `${op} ${v}`),
      weight: 1,
    },
  );
}

function cellArb(kind: InputKind): fc.Arbitrary<string> {
  const list = fc
    .array(positiveArb(kind), { minLength: 1, maxLength: 3 })
    .map((tests) => tests.join(', '));
  return fc.oneof(
    { arbitrary: fc.constant('-'), weight: 3 },
    { arbitrary: positiveArb(kind), weight: 4 },
    { arbitrary: list, weight: 2 },
    { arbitrary: list.map((tests) => `not(${tests})`), weight: 2 },
  );
}

const POLICIES: HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE_ORDER',
  'OUTPUT_ORDER',
  'COLLECT_SUM',
  'COLLECT_MIN',
  'COLLECT_MAX',
  'COLLECT_COUNT',
];

const classifierArb: fc.Arbitrary<ClassifierDefinition> = fc
  .record({
    hitPolicy: fc.constantFrom(...POLICIES),
    inputs: fc
      .subarray(INPUTS, { minLength: 1, maxLength: 3 })
      .filter((chosen) => chosen.some((choice) => choice.aggregate)),
    withTier: fc.boolean(),
    tierDefault: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
    pointsDefault: fc.option(fc.constantFrom(0, 7), { nil: undefined }),
    ruleCount: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer(),
  })
  .chain((plan) => {
    // A measure needs the input it ranks: add it in front when it was not chosen.
    const keys = new Set(plan.inputs.map((choice) => choice.input.key));
    const inputs = [
      ...plan.inputs.flatMap((choice) => {
        const of = MEASURED[choice.input.key];
        return of && !keys.has(of) ? [INPUTS.find((other) => other.input.key === of)!] : [];
      }),
      ...plan.inputs,
    ].filter(
      (choice, index, all) =>
        all.findIndex((other) => other.input.key === choice.input.key) === index,
    );
    const numericOnly = plan.hitPolicy === 'COLLECT_SUM' || plan.hitPolicy === 'COLLECT_COUNT';
    const outputs = [
      ...(plan.withTier && !numericOnly
        ? [{ field: 'tier', ...(plan.tierDefault ? { default: plan.tierDefault } : {}) }]
        : []),
      {
        field: 'points',
        ...(plan.pointsDefault !== undefined ? { default: plan.pointsDefault } : {}),
      },
    ];
    const then = outputs.map((output) =>
      output.field === 'tier'
        ? fc.constantFrom('"A"', '"B"', '"C"', 'null')
        : fc.constantFrom('1', '2', '5', '2.5', 'null'),
    );
    const rule = fc.record({
      id: fc.option(fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'), { nil: undefined }),
      when: fc.tuple(...inputs.map((choice) => cellArb(choice.kind))),
      then: fc.tuple(...then),
      disabled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    });
    return fc
      .uniqueArray(rule, {
        minLength: plan.ruleCount,
        maxLength: plan.ruleCount,
        selector: (r) => r.id ?? Symbol(),
      })
      .map((rules): ClassifierDefinition => ({
        name: 'random',
        entity: 'customer',
        hitPolicy: plan.hitPolicy,
        inputs: inputs.map((choice) => choice.input),
        outputs,
        rules: rules.map((r) => ({
          ...(r.id ? { id: r.id } : {}),
          when: [...r.when],
          then: [...r.then],
          ...(r.disabled ? { disabled: true } : {}),
        })),
      }));
  });

describe('classifier SQL against the in-memory evaluation', () => {
  it('agrees on random tables and random data', async () => {
    await fc.assert(
      fc.asyncProperty(classifierArb, customersArb, async (classifier, generated) => {
        const { customers, orders } = toSeed(generated);
        await seed(runSql, customers, orders);
        expectAgreement(classifier, await runBoth(classifier, customers, orders));
      }),
      {
        numRuns: 30,
        seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31),
        endOnFailure: true,
      },
    );
  });
});

// ---- fixed cases: the fixture classifiers, with ties --------------------------------------------

const fixtures = CLASSIFIER_PRESETS;

const customer = (total: number | null = null, deleted = false): SeedCustomer => ({
  id: newId(),
  name: 'c',
  city: null,
  total,
  deleted,
});
const order = (
  of: SeedCustomer,
  amount: number | null,
  extra: Partial<SeedOrder> = {},
): SeedOrder => ({
  id: newId(),
  customer: of.id,
  amount,
  status: 'paid',
  daysAgo: 10,
  deleted: false,
  ...extra,
});

async function classify(
  classifier: ClassifierDefinition,
  customers: SeedCustomer[],
  orders: SeedOrder[],
) {
  await seed(runSql, customers, orders);
  const run = await runBoth(classifier, customers, orders);
  expectAgreement(classifier, run);
  const byId = new Map(run.rows.map((row) => [row.id as string, row]));
  return (of: SeedCustomer) => byId.get(of.id)!;
}

describe('fixture classifiers on seeded rows', () => {
  it('ABC by amount thresholds, with a null amount taking the default', async () => {
    const [a, b, c, none, gone] = [
      customer(600_000_000),
      customer(100_000_000),
      customer(99_999_999),
      customer(null),
      customer(600_000_000, true),
    ];
    const row = await classify(fixtures.abc_amount, [a, b, c, none, gone], []);
    expect([a, b, c, none].map((one) => row(one).out_tier)).toEqual(['A', 'B', 'C', 'C']);
    expect(row(b).matched_rules).toEqual(['b']);
    expect(row(none).matched_rules).toEqual([]);
  });

  it('a table whose every rule is disabled gives the defaults (FIRST and UNIQUE)', async () => {
    const [one, two] = [customer(100), customer(null)];
    for (const hitPolicy of ['FIRST', 'UNIQUE'] as const) {
      const row = await classify(
        {
          ...fixtures.abc_amount,
          hitPolicy,
          rules: fixtures.abc_amount.rules.map((rule) => ({ ...rule, disabled: true })),
        },
        [one, two],
        [],
      );
      expect([one, two].map((item) => [row(item).out_tier, row(item).matched_rules])).toEqual([
        ['C', []],
        ['C', []],
      ]);
    }
  });

  it('ABC by Pareto share: tied customers are peers and share one class', async () => {
    const [big, tie1, tie2, small, none, gone] = [
      customer(),
      customer(),
      customer(),
      customer(),
      customer(),
      customer(null, true),
    ];
    const orders = [
      order(big, 5000),
      order(tie1, 2000),
      order(tie2, 1500),
      order(tie2, 500),
      order(small, 1000),
      order(small, 9000, { status: 'refunded' }),
      order(small, 9000, { deleted: true }),
      order(gone, 90000),
    ];
    const row = await classify(fixtures.abc_pareto, [big, tie1, tie2, small, none, gone], orders);
    expect([big, tie1, tie2, small].map((one) => row(one).in_share)).toEqual([0.5, 0.9, 0.9, 1]);
    expect([big, tie1, tie2, small, none].map((one) => row(one).out_tier)).toEqual([
      'A',
      'B',
      'B',
      'C',
      'C',
    ]);
    expect(row(none).in_share).toBeNull();
  });

  it('VIP is the top 1 % by percent_rank; ties at the cut are both in', async () => {
    const customers = Array.from({ length: 101 }, () => customer());
    const orders = customers.map((one, index) => order(one, (Math.min(index, 99) + 1) * 100));
    const row = await classify(fixtures.vip, customers, orders);
    const vips = customers.filter((one) => row(one).out_vip === true);
    expect(vips).toEqual(customers.slice(99));
    expect(row(customers[99]!).in_rank).toBe(0.99);
    expect(row(customers[98]!).out_vip).toBe(false);
  });

  it('RFM with three ntile(5) inputs: peers take the tile of the first of them', async () => {
    const customers = Array.from({ length: 6 }, () => customer());
    const counts = [1, 1, 1, 2, 3, 4];
    const orders = customers.flatMap((one, index) =>
      Array.from({ length: counts[index]! }, (_, k) =>
        order(one, 100 * (index + 1), { daysAgo: 50 - index * 5 - k }),
      ),
    );
    const row = await classify(fixtures.rfm, customers, orders);
    expect(customers.map((one) => row(one).in_f)).toEqual([1, 1, 1, 3, 4, 5]);
    expect(customers.map((one) => row(one).in_r)).toEqual([1, 1, 2, 3, 4, 5]);
    expect(row(customers[5]!).out_segment).toBe('champion');
    expect(row(customers[5]!).out_rfm_score).toBe(5 * 100 + 5 * 10 + 5);
  });

  it('lifecycle from order counts in P30D and P365D windows', async () => {
    const [active, lapsing, lost, never, onlyDeleted] = Array.from({ length: 5 }, () => customer());
    const orders = [
      order(active!, 100, { daysAgo: 3 }),
      order(lapsing!, 100, { daysAgo: 100 }),
      order(lost!, 100, { daysAgo: 400 }),
      order(onlyDeleted!, 100, { daysAgo: 3, deleted: true }),
      order(lapsing!, 100, { daysAgo: -1 }),
    ];
    const row = await classify(
      fixtures.lifecycle,
      [active!, lapsing!, lost!, never!, onlyDeleted!],
      orders,
    );
    expect(
      [active, lapsing, lost, never, onlyDeleted].map((one) => row(one!).out_lifecycle),
    ).toEqual(['active', 'lapsing', 'lost', 'lost', 'lost']);
  });

  it('reports a division by zero as an error of the rule instead of failing the statement', async () => {
    const classifier: ClassifierDefinition = {
      name: 'average order',
      entity: 'customer',
      hitPolicy: 'FIRST',
      inputs: [
        { key: 'total_amount', source: { field: 'total_amount' } },
        { key: 'orders', source: { aggregate: 'count', entity: 'order', via: 'customer' } },
      ],
      outputs: [{ field: 'points' }],
      rules: [{ id: 'avg', when: ['-', '-'], then: ['total_amount / orders'] }],
    };
    const [some, none] = [customer(1000), customer(1000)];
    const row = await classify(classifier, [some, none], [order(some, 1), order(some, 1)]);
    expect(row(some)).toMatchObject({ out_points: 5, errors: null });
    expect(row(none)).toMatchObject({ out_points: null, errors: ['avg'] });
  });

  it('UNIQUE conflicts name the rules and leave the outputs empty', async () => {
    const classifier: ClassifierDefinition = {
      ...fixtures.abc_amount,
      rules: [...fixtures.abc_amount.rules, { id: 'big', when: ['> 1000'], then: ['"A"'] }],
    };
    const [both] = [customer(600_000_000)];
    const row = await classify(classifier, [both], []);
    expect(row(both)).toMatchObject({
      out_tier: null,
      conflict: ['a', 'big'],
      matched_rules: ['a', 'big'],
    });
  });

  it('chunked runs (ids, keyset) give the rows of the whole run', async () => {
    const customers = Array.from({ length: 25 }, (_, index) => customer(index * 1000));
    const orders = customers.map((one, index) => order(one, (index % 7) * 100));
    await seed(runSql, customers, orders);
    for (const classifier of [fixtures.abc_amount, fixtures.vip] as ClassifierDefinition[]) {
      const whole = await t.sql<Row>(
        compileTableToSql(classifier, schema, { asOf: AS_OF }).text,
        compileTableToSql(classifier, schema, { asOf: AS_OF }).values,
      );
      const keyset = compileTableToSql(classifier, schema, { asOf: AS_OF, keyset: true });
      const chunks: Row[] = [];
      let after: string | null = null;
      for (;;) {
        const rows: Row[] = await t.sql<Row>(keyset.text, bindChunk(keyset, { after, limit: 10 }));
        if (rows.length === 0) break;
        chunks.push(...rows);
        after = rows[rows.length - 1]!.id as string;
      }
      expect(chunks).toEqual(whole);
      const byIds = compileTableToSql(classifier, schema, { asOf: AS_OF, idsParameter: true });
      const some = [customers[3]!.id, customers[20]!.id];
      const picked = await t.sql<Row>(byIds.text, bindChunk(byIds, { ids: some }));
      expect(picked).toEqual(whole.filter((row) => some.includes(row.id as string)));
    }
  });
});
