import type { Role } from '@formwork/definitions';

/**
 * Tag colour per role. Typed as a Record over `Role`, so adding a role to the definitions fails
 * to compile until it has a colour here. (Importing the runtime `ROLES` from
 * @formwork/definitions would pull zod into the browser bundle.)
 */
export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  builder: 'purple',
  staff: 'blue',
  viewer: 'default',
};

/** All roles, from most to least powerful. */
export const ROLE_ORDER = Object.keys(ROLE_COLORS) as Role[];
