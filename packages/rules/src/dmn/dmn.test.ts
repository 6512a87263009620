import { describe, expect, it } from '@jest/globals';
import { toJsonValue } from '../feel/convert.js';
import type { DecisionTable } from '../table.js';
import { DMN_NAMESPACES } from './dmn-model.js';
import { evaluateDecision } from './evaluate-decision.js';
import { exportDmn } from './export-dmn.js';
import { importDmn } from './import-dmn.js';

const table: DecisionTable = {
  id: 'customer_tier',
  name: '客户分级',
  hitPolicy: 'PRIORITY',
  inputs: [
    { key: 'total_amount', label: 'Total', type: 'number' },
    { key: 'city', type: 'string', options: ['北京', '上海', 'a "quoted" <city> & co'] },
    { key: 'customer.since', type: 'date' },
  ],
  outputs: [
    { name: 'tier', type: 'string', values: ['A', 'B', 'C'], default: 'C' },
    { name: 'bonus', type: 'number', default: 0 },
  ],
  rules: [
    {
      id: 'big',
      when: ['>= 5000000', '-', '-'],
      then: ['"A"', 'total_amount * 0.01'],
      description: 'the biggest',
    },
    {
      id: 'mid',
      when: ['[1000000..5000000)', '"北京","上海"', '< date("2020-01-01")'],
      then: ['"B"', '1'],
      disabled: true,
    },
    { id: 'rest', when: ['-', 'not("a \\"quoted\\" <city> & co")', '-'], then: ['"C"', 'null'] },
  ],
};

const wrap = (namespace: string, body: string) =>
  `<?xml version="1.0"?><definitions xmlns="${namespace}" id="d" name="m" namespace="urn:x">${body}</definitions>`;

describe('DMN export and import', () => {
  it('reads back exactly the table it wrote', () => {
    const xml = exportDmn(table);
    expect(xml).toContain(`xmlns="${DMN_NAMESPACES['1.3']}"`);
    const { model, errors, warnings } = importDmn(xml);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const decision = model?.decisions[0];
    expect(decision?.logic).toEqual({ kind: 'decisionTable', table });
    expect(model?.inputData.map((input) => input.name)).toEqual([
      'total_amount',
      'city',
      'customer',
    ]);
  });

  it.each(['COLLECT_SUM', 'COLLECT_COUNT', 'RULE_ORDER', 'OUTPUT_ORDER', 'UNIQUE'] as const)(
    'round-trips the %s hit policy',
    (hitPolicy) => {
      const { model } = importDmn(exportDmn({ ...table, hitPolicy }));
      const logic = model?.decisions[0]?.logic;
      expect(logic?.kind === 'decisionTable' && logic.table.hitPolicy).toBe(hitPolicy);
    },
  );

  it('evaluates the imported decision', () => {
    const { model } = importDmn(exportDmn(table));
    if (!model) throw new Error('no model');
    const result = evaluateDecision(model, '客户分级', { total_amount: 6000000, city: '北京' });
    expect(result.errors).toEqual([]);
    expect(toJsonValue(result.value)).toEqual({ tier: 'A', bonus: 60000 });
  });

  it.each(Object.entries(DMN_NAMESPACES))('reads DMN %s', (_version, namespace) => {
    const xml = wrap(
      namespace,
      `<inputData id="i" name="Age"><variable name="Age" typeRef="number"/></inputData>
       <decision id="a" name="Adult"><variable name="Adult" typeRef="boolean"/>
         <informationRequirement><requiredInput href="#i"/></informationRequirement>
         <decisionTable><input><inputExpression typeRef="number"><text>Age</text></inputExpression></input>
           <output/><rule><inputEntry><text>&gt;= 18</text></inputEntry><outputEntry><text>true</text></outputEntry></rule>
         </decisionTable></decision>
       <decision id="b" name="Label"><informationRequirement><requiredDecision href="#a"/></informationRequirement>
         <decisionTable hitPolicy="FIRST"><input><inputExpression><text>Adult</text></inputExpression></input>
           <output name="label"/><rule><inputEntry><text>true</text></inputEntry><outputEntry><text>"adult"</text></outputEntry></rule>
           <rule><inputEntry><text>-</text></inputEntry><outputEntry><text>"minor"</text></outputEntry></rule>
         </decisionTable></decision>`,
    );
    const { model, errors } = importDmn(xml);
    expect(errors).toEqual([]);
    if (!model) throw new Error('no model');
    expect(evaluateDecision(model, 'Label', { Age: 20 }).value).toBe('adult');
    expect(evaluateDecision(model, 'Label', { Age: 10 }).value).toBe('minor');
  });

  it('reports unsupported parts precisely and still evaluates the rest', () => {
    const xml = wrap(
      DMN_NAMESPACES['1.5'],
      `<inputData id="i" name="n"><variable name="n" typeRef="number"/></inputData>
       <businessKnowledgeModel id="k" name="Fee"/>
       <decision id="l" name="List"><literalExpression><text>[1, 2]</text></literalExpression></decision>
       <decision id="c" name="Ctx"><context/></decision>
       <decision id="s" name="Sum"><informationRequirement><requiredInput href="#i"/></informationRequirement>
         <literalExpression><text>n * 2</text></literalExpression></decision>
       <decision id="t" name="Bad"><decisionTable><input><inputExpression><text>n</text></inputExpression></input>
         <output/><rule><inputEntry><text>&gt; max(1, 2)</text></inputEntry><outputEntry><text>1</text></outputEntry></rule>
       </decisionTable></decision>`,
    );
    const { model, errors } = importDmn(xml);
    expect(errors.map((error) => error.element)).toEqual([
      'decision[name="List"]/literalExpression',
      'decision[name="Ctx"]/context',
      'decision[name="Bad"]/decisionTable/rule[1]/inputEntry[1]',
      'businessKnowledgeModel[name="Fee"]',
    ]);
    if (!model) throw new Error('no model');
    expect(toJsonValue(evaluateDecision(model, 'Sum', { n: 21 }).value)).toBe(42);
    expect(evaluateDecision(model, 'List', {}).errors[0]?.message).toMatch(
      /^List: cannot be evaluated/,
    );
  });

  it.each([
    ['<not xml', /does not parse/],
    [
      '<definitions xmlns="http://www.omg.org/spec/DMN/20180521/MODEL/"/>',
      /not a DMN 1.3–1.5 model/,
    ],
  ])('refuses %j', (xml, message) => {
    const result = importDmn(xml);
    expect(result.model).toBeUndefined();
    expect(result.errors[0]?.message).toMatch(message);
  });
});
