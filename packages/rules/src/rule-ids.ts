import type { TableRule } from './table.js';

/** FNV-1a, 32 bits: small, deterministic, the same in the browser and in Node. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36).padStart(7, '0');
}

/**
 * Gives every rule without an id one derived from its cells and how many identical rules come
 * before it, so reordering rules (or inserting others) keeps every id.
 */
export function assignRuleIds<R extends Pick<TableRule, 'id' | 'when' | 'then'>>(
  rules: readonly R[],
): (R & { id: string })[] {
  const taken = new Set(rules.flatMap((rule) => (rule.id === undefined ? [] : [rule.id])));
  const seen = new Map<string, number>();
  return rules.map((rule) => {
    if (rule.id !== undefined) return { ...rule, id: rule.id };
    const content = JSON.stringify([rule.when, rule.then]);
    const occurrence = seen.get(content) ?? 0;
    seen.set(content, occurrence + 1);
    let id = `r_${hash(`${content}#${occurrence}`)}`;
    for (let suffix = 2; taken.has(id); suffix += 1)
      id = `r_${hash(`${content}#${occurrence}`)}_${suffix}`;
    taken.add(id);
    return { ...rule, id };
  });
}
