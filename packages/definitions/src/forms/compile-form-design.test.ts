import { describe, expect, it } from '@jest/globals';
import type { Field } from '../entities/entity.js';
import { compileFormDesign, defaultFormDesign } from './compile-form-design.js';
import { conditionHolds, type FormCondition } from './form-conditions.js';
import { hiddenFields, withoutHiddenFields } from './form-visibility.js';

const fields: Field[] = [
  { key: 'name', name: '姓名', type: 'text', required: true },
  { key: 'email', name: '邮箱', type: 'email' },
  {
    key: 'kind',
    name: '类型',
    type: 'select',
    options: [{ value: '咨询' }, { value: '投诉', label: '投诉 Complaint' }],
  },
  { key: 'detail', name: '投诉详情', type: 'longtext' },
  { key: 'score', name: '满意度', type: 'integer' },
  { key: 'follow_up', name: '回访日期', type: 'date' },
  { key: 'old', name: '旧字段', type: 'text', archived: true },
];

describe('defaultFormDesign + compileFormDesign', () => {
  it('generates one property per active field, required from the entity, no extra properties', () => {
    const { schema, uiSchema, errors } = compileFormDesign(
      { fields },
      defaultFormDesign({ fields }),
    );
    expect(errors).toEqual([]);
    expect(Object.keys(schema.properties as object)).toEqual([
      'name',
      'email',
      'kind',
      'detail',
      'score',
      'follow_up',
    ]);
    expect(schema).toMatchObject({
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        email: { type: 'string', format: 'email' },
        kind: { enum: ['咨询', '投诉'] },
        follow_up: { format: 'date' },
      },
    });
    expect(uiSchema.kind).toEqual({ 'ui:enumNames': ['咨询', '投诉 Complaint'] });
    expect(uiSchema.detail).toEqual({ 'ui:widget': 'textarea' });
  });

  it('compiles sections, labels, limits and conditions', () => {
    const { schema, uiSchema, errors } = compileFormDesign(
      { fields },
      {
        layout: 'sections',
        groups: [
          {
            id: 'a',
            title: '基本信息',
            fields: [{ key: 'name', label: '您的姓名', required: true }],
          },
          {
            id: 'b',
            title: '反馈',
            fields: [
              { key: 'kind' },
              {
                key: 'detail',
                required: true,
                showWhen: { field: 'kind', op: 'eq', value: '投诉' },
              },
              { key: 'score', widget: 'nps' },
              { key: 'follow_up', requireWhen: { field: 'score', op: 'lte', value: 6 } },
            ],
          },
        ],
      },
    );
    expect(errors).toEqual([]);
    expect(schema.required).toEqual(['name']);
    expect(schema.properties).toMatchObject({
      name: { title: '您的姓名' },
      score: { type: 'integer', minimum: 0, maximum: 10 },
    });
    expect(schema.allOf).toHaveLength(2);
    expect(uiSchema['ui:formwork']).toMatchObject({
      layout: 'sections',
      groups: [
        { id: 'a', title: '基本信息', fields: ['name'] },
        { id: 'b', title: '反馈', fields: ['kind', 'detail', 'score', 'follow_up'] },
      ],
      visibility: { detail: { field: 'kind', op: 'eq', value: '投诉' } },
    });
  });

  it('points at each design mistake', () => {
    const { errors } = compileFormDesign(
      { fields },
      {
        layout: 'single',
        groups: [
          {
            id: 'main',
            title: '',
            fields: [
              { key: 'nope' },
              { key: 'name' },
              { key: 'name' },
              { key: 'old' },
              { key: 'detail', showWhen: { field: 'missing', op: 'eq', value: 1 } },
              { key: 'score', requireWhen: { field: 'score', op: 'lte', value: 6 } },
            ],
          },
        ],
      },
    );
    expect(errors).toEqual([
      { path: '/design/groups/0/fields/0/key', message: 'there is no field nope' },
      { path: '/design/groups/0/fields/2/key', message: 'name is on the form twice' },
      { path: '/design/groups/0/fields/3/key', message: 'there is no field old' },
      {
        path: '/design/groups/0/fields/4/showWhen/field',
        message: 'there is no field missing on this form',
      },
      {
        path: '/design/groups/0/fields/5/requireWhen/field',
        message: 'a field cannot depend on itself',
      },
    ]);
  });
});

describe('conditions', () => {
  const cases: [FormCondition, Record<string, unknown>, boolean][] = [
    [{ field: 'kind', op: 'eq', value: '投诉' }, { kind: '投诉' }, true],
    [{ field: 'kind', op: 'eq', value: '投诉' }, {}, false],
    [{ field: 'kind', op: 'ne', value: '投诉' }, { kind: '咨询' }, true],
    [{ field: 'tags', op: 'eq', value: 'vip' }, { tags: ['a', 'vip'] }, true],
    [{ field: 'score', op: 'lte', value: 6 }, { score: 6 }, true],
    [{ field: 'score', op: 'lte', value: 6 }, { score: 7 }, false],
    [{ field: 'score', op: 'lte', value: 6 }, {}, false],
    [{ field: 'score', op: 'gt', value: 6 }, { score: '9' }, false],
    [{ field: 'kind', op: 'in', value: ['a', 'b'] }, { kind: 'b' }, true],
    [{ field: 'kind', op: 'is_empty' }, { kind: '' }, true],
    [{ field: 'kind', op: 'is_filled' }, { kind: 'x' }, true],
  ];
  it.each(cases)('%j on %j is %s', (condition, data, expected) =>
    expect(conditionHolds(condition, data)).toBe(expected),
  );

  it('drops the values of hidden fields', () => {
    const uiSchema = {
      'ui:formwork': {
        layout: 'single',
        groups: [],
        visibility: { detail: { field: 'kind', op: 'eq', value: '投诉' } },
      },
    };
    expect(hiddenFields(uiSchema, { kind: '咨询', detail: 'x' })).toEqual(['detail']);
    expect(withoutHiddenFields(uiSchema, { kind: '咨询', detail: 'x' })).toEqual({ kind: '咨询' });
    expect(withoutHiddenFields(uiSchema, { kind: '投诉', detail: 'x' })).toEqual({
      kind: '投诉',
      detail: 'x',
    });
  });
});
