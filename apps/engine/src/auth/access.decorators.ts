import { SetMetadata } from '@nestjs/common';
import type { Action, Subject } from './abilities.js';

export const ACCESS_POLICY = 'formwork:access-policy';

/** How a route may be reached. A route without a policy is refused for everyone. */
export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'ability'; action: Action; subject: Subject };

/** No login needed (health, login, public forms). */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Any logged-in user (their own profile, logout). */
export const Authenticated = () =>
  SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);

/** A logged-in user whose roles allow `action` on `subject`. */
export const Can = (action: Action, subject: Subject) =>
  SetMetadata(ACCESS_POLICY, { kind: 'ability', action, subject } satisfies AccessPolicy);
