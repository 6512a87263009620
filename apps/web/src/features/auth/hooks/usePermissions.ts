import { useSessionUser } from './useSessionUser';

export interface Permissions {
  /** Designs apps and entities: create, change and delete them. */
  canDesign: boolean;
  /** Creates, edits, deletes and imports records. */
  canEditRecords: boolean;
}

/** What the signed-in user may do, from their roles (the engine enforces the same). */
export function usePermissions(): Permissions {
  const { roles } = useSessionUser();
  const canDesign = roles.includes('admin') || roles.includes('builder');
  return { canDesign, canEditRecords: canDesign || roles.includes('staff') };
}
