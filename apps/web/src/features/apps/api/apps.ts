import type { App, AppInput } from '@formwork/definitions';
import { client } from '../../../lib/client';

export const appsListKey = ['apps-list'] as const;
/** Every query about one app, its entities and their records sits under this key. */
export const appKey = (app: string) => ['apps', app] as const;

export async function fetchApps(): Promise<App[]> {
  return (await client.apps.list()).items;
}

export function fetchApp(app: string): Promise<App> {
  return client.apps.get(app);
}

export function createApp(input: AppInput): Promise<App> {
  return client.apps.create(input);
}

export function deleteApp(app: string): Promise<void> {
  return client.apps.delete(app);
}
