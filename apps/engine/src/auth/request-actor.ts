import type { Role } from '@formwork/definitions';

/** Who is making the current request, as established by the auth guard. */
export interface RequestActor {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  roles: Role[];
  ip: string;
  /** How the request authenticated: cookie requests that change state must carry the CSRF header. */
  via: 'bearer' | 'cookie';
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: RequestActor;
  }
}
