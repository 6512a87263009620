import type { ReactNode } from 'react';
import { ForbiddenPage } from '../../shell/components/ForbiddenPage';
import { usePermissions } from '../hooks/usePermissions';

/** Shows the 403 page instead of children to users who do not design apps (admin, builder). */
export function RequireDesigner({ children }: { children: ReactNode }) {
  return usePermissions().canDesign ? children : <ForbiddenPage />;
}
