import { z } from 'zod';

/** Roles in order of decreasing power. */
export const ROLES = ['admin', 'builder', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, {
  error: () => `must be one of ${ROLES.join(', ')}`,
});
