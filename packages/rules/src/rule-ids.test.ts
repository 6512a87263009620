import { describe, expect, it } from '@jest/globals';
import { assignRuleIds } from './rule-ids.js';

const a = { when: ['< 5'], then: ['"A"'] };
const b = { when: ['>= 5'], then: ['"B"'] };

describe('assignRuleIds', () => {
  it('keeps given ids and derives the others from the rule', () => {
    const [first, second] = assignRuleIds([{ ...a, id: 'small' }, b]);
    expect(first?.id).toBe('small');
    expect(second?.id).toMatch(/^r_[0-9a-z]{7}$/);
  });

  it('keeps ids when rules are reordered or others inserted', () => {
    const before = assignRuleIds([a, b]).map((rule) => rule.id);
    const after = assignRuleIds([b, { when: ['-'], then: ['"C"'] }, a]).map((rule) => rule.id);
    expect([after[2], after[0]]).toEqual(before);
  });

  it('tells identical rules apart by occurrence', () => {
    const ids = assignRuleIds([a, a, a]).map((rule) => rule.id);
    expect(new Set(ids).size).toBe(3);
    expect(assignRuleIds([a, a]).map((rule) => rule.id)).toEqual(ids.slice(0, 2));
  });

  it('never reuses an explicit id', () => {
    const [generated] = assignRuleIds([a]);
    const ids = assignRuleIds([a, { ...b, id: generated?.id }]).map((rule) => rule.id);
    expect(new Set(ids).size).toBe(2);
  });
});
