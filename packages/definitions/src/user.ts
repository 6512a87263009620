import { z } from 'zod';
import { roleSchema } from './roles.js';

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an email address' }));

const passwordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters');

const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

const rolesSchema = z
  .array(roleSchema)
  .min(1, 'must hold at least one role')
  .max(4)
  .transform((roles) => [...new Set(roles)]);

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
});
export type User = z.infer<typeof userSchema>;

/** A user as an admin sees it in the users list. */
export const userDetailSchema = userSchema.extend({
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserDetail = z.infer<typeof userDetailSchema>;

export const loginInputSchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(256),
});
export type LoginInput = z.input<typeof loginInputSchema>;

export const loginResultSchema = z.object({ token: z.string(), user: userSchema });
export type LoginResult = z.infer<typeof loginResultSchema>;

export const createUserInputSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  roles: rolesSchema,
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .strictObject({
    name: nameSchema.optional(),
    roles: rolesSchema.optional(),
    password: passwordSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, 'must change at least one property');
export type UpdateUserInput = z.input<typeof updateUserInputSchema>;
