import { KEY_PATTERN } from '@formwork/definitions';

/** "Customer Management" → "customer_management"; undefined when the name gives no valid key. */
export function suggestKey(name: string): string | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return KEY_PATTERN.test(key) ? key : undefined;
}
