import type { Role } from '@formwork/definitions';
import type { ReactNode } from 'react';
import { ForbiddenPage } from '../../shell/components/ForbiddenPage';
import { useHasRole } from '../hooks/useSessionUser';

/** Shows the 403 page instead of children (which then never fetch anything) without the role. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  return useHasRole(role) ? children : <ForbiddenPage />;
}
