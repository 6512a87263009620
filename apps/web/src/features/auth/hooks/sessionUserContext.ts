import type { User } from '@formwork/definitions';
import { createContext } from 'react';

/** The signed-in user, provided by RequireAuth to everything behind it. */
export const SessionUserContext = createContext<User | null>(null);
