import { readContextPath } from '@formwork/flows';

/** `{{record.name}}` placeholders filled from the instance context; unknown paths stay empty. */
export function renderTemplate(text: string, context: unknown): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (_match, path: string) => {
    const value = readContextPath(context as never, path);
    if (value === undefined || value === null) return '';
    // Numbers and booleans read the same as JSON; objects and lists as their JSON.
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
