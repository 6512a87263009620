import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { Role } from '@formwork/definitions';

export const ACTIONS = ['manage', 'create', 'read', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

/** What permissions talk about. Records, forms, flows and tasks join as their features land. */
export const SUBJECTS = [
  'all',
  'User',
  'AuditLog',
  'App',
  'Entity',
  'Record',
  'Form',
  'Classifier',
  'Flow',
  'Task',
  'Template',
  'Dashboard',
] as const;
export type Subject = (typeof SUBJECTS)[number];

export type AppAbility = MongoAbility<[Action, Subject]>;

const DESIGN_SUBJECTS: Subject[] = [
  'App',
  'Entity',
  'Form',
  'Classifier',
  'Flow',
  'Template',
  'Dashboard',
];
const READ_SUBJECTS: Subject[] = [
  'App',
  'Entity',
  'Record',
  'Form',
  'Classifier',
  'Flow',
  'Dashboard',
  'Template',
];

const grantsByRole: Record<Role, (can: AbilityBuilder<AppAbility>['can']) => void> = {
  admin: (can) => can('manage', 'all'),
  builder: (can) => {
    can('manage', DESIGN_SUBJECTS);
    can(['create', 'read', 'update', 'delete'], ['Record', 'Task']);
  },
  staff: (can) => {
    can('read', READ_SUBJECTS);
    can(['create', 'update', 'delete'], 'Record');
    can(['read', 'update'], 'Task');
  },
  viewer: (can) => can('read', READ_SUBJECTS),
};

/**
 * Role grants, combined. Anything not granted is denied. Field and row conditions will be added
 * here (CASL conditions and fields) when records land.
 */
export function defineAbilityFor(roles: readonly Role[]): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const role of roles) grantsByRole[role](builder.can);
  return builder.build();
}
