import type { Role } from '@formwork/definitions';

export type NavKey = 'apps' | 'records' | 'tasks' | 'templates' | 'dashboards' | 'admin';

export interface NavItem {
  key: NavKey;
  path: string;
  /** Shown only to users holding this role. */
  role?: Role;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'apps', path: '/apps' },
  { key: 'records', path: '/records' },
  { key: 'tasks', path: '/tasks' },
  { key: 'templates', path: '/templates' },
  { key: 'dashboards', path: '/dashboards' },
  { key: 'admin', path: '/admin/users', role: 'admin' },
];

export function visibleNavItems(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.role || roles.includes(item.role));
}

/** `/admin/audit` → `admin`: the nav entry a path belongs to. */
export function navKeyOf(pathname: string): string {
  // A records grid lives under its app (/apps/crm/entities/customer/records) but is "Records" work.
  if (/^\/apps\/[^/]+\/entities\/[^/]+\/records/.test(pathname)) return 'records';
  return pathname.split('/')[1] ?? '';
}
