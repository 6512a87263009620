import { describe, expect, it } from '@jest/globals';
import { flowInputSchema } from '@formwork/definitions';
import { compileFlow, FLOW_FIXTURES, validateFlow, type FlowMachineInput } from './index.js';
import { walkFlowPaths, type EventVariants } from './test/walk-flow-paths.js';

/** For each fixture: start inputs and the answers that take every branch. */
const SCENARIOS: Record<
  string,
  { inputs: FlowMachineInput[]; variants: EventVariants; minPaths: number }
> = {
  customer_onboarding: {
    inputs: [{ record: { name: '华东贸易' } }],
    variants: { steps: { classify: [{ level: 'A' }, { level: 'B' }, { level: 'C' }] } },
    minPaths: 3,
  },
  key_account_care: {
    inputs: [{ record: { name: '华东贸易', level: 'A' } }],
    variants: { tasks: { call: [{ satisfied: true }, { satisfied: false }] } },
    minPaths: 2,
  },
  discount_approval: {
    inputs: [{ record: { discount_rate: 0.1 } }, { record: { discount_rate: 0.3 } }],
    variants: {},
    minPaths: 5,
  },
  complaint_handling: {
    inputs: [{ record: { title: '发货延迟' } }],
    variants: {
      steps: { grade: [{ severity: 'high' }, { severity: 'low' }] },
      tasks: {
        handle: [{ resolution: '补发' }, {}],
        follow_up: [{ satisfied: true }, { satisfied: false }],
      },
    },
    minPaths: 2,
  },
  dormant_customer_reactivation: {
    inputs: [
      { record: { name: '老客户', owner_id: 'b1c0c7f2-7f3c-4d44-9a57-1f0f6f0e7a11' } },
      { record: { name: '无主客户' } },
    ],
    variants: { steps: { reclassify: [{ activity: 'dormant' }, { activity: 'active' }] } },
    minPaths: 3,
  },
};

describe.each(FLOW_FIXTURES.map((fixture) => [fixture.key, fixture] as const))(
  'fixture %s',
  (key, fixture) => {
    it('is a valid flow definition, also against its app', () => {
      expect(flowInputSchema.safeParse(fixture.flow).success).toBe(true);
      expect(validateFlow(fixture.flow, fixture.context)).toEqual({ valid: true, errors: [] });
    });

    it('compiles to plain JSON', () => {
      const { config, errors } = compileFlow(fixture.flow);
      expect(errors).toEqual([]);
      expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    });

    it('reaches a final state on every path and visits every node', () => {
      const { config } = compileFlow(fixture.flow);
      const scenario = SCENARIOS[key]!;
      const visited = new Set<string>();
      let paths = 0;
      for (const input of scenario.inputs) {
        const walk = walkFlowPaths(config!, input, scenario.variants);
        expect(walk.deadEnds).toEqual([]);
        expect(walk.completePaths.length).toBeGreaterThan(0);
        for (const path of walk.completePaths) {
          expect(fixture.flow.graph.nodes.find((node) => node.id === path.at(-1))?.type).toBe(
            'end',
          );
        }
        walk.visitedNodes.forEach((id) => visited.add(id));
        paths += walk.completePaths.length;
      }
      expect(paths).toBeGreaterThanOrEqual(scenario.minPaths);
      // Pass-through nodes (start, decisions, joins) are left in the same macrostep; the rest must all be seen.
      const waiting = fixture.flow.graph.nodes.filter(
        (node) => !['start', 'decision', 'parallel_join'].includes(node.type),
      );
      expect(waiting.map((node) => node.id).filter((id) => !visited.has(id))).toEqual([]);
    });
  },
);

it('has a scenario for every fixture', () => {
  expect(Object.keys(SCENARIOS).sort()).toEqual(FLOW_FIXTURES.map((fixture) => fixture.key).sort());
});
