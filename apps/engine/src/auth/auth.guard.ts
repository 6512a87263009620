import { timingSafeEqual } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../common/problem.js';
import { defineAbilityFor } from './abilities.js';
import { ACCESS_POLICY, type AccessPolicy } from './access.decorators.js';
import { AuthService } from './auth.service.js';
import type { RequestActor } from './request-actor.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".');
  return match[1];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Deny by default: every route declares a policy (`@Public`, `@Authenticated` or `@Can`);
 * a route without one is refused for everyone, so a forgotten decorator can never open data.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) throw forbidden('This route has no access policy.');
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const actor = await this.identify(request);
    request.actor = actor;
    if (
      policy.kind === 'ability' &&
      !defineAbilityFor(actor.roles).can(policy.action, policy.subject)
    ) {
      throw forbidden(`Your role does not allow you to ${policy.action} ${policy.subject}.`);
    }
    return true;
  }

  private async identify(request: FastifyRequest): Promise<RequestActor> {
    const bearer = bearerToken(request);
    const token = bearer ?? request.cookies[SESSION_COOKIE];
    if (!token) throw unauthorized();
    const session = await this.auth.authenticate(token);
    if (!session) throw unauthorized('Your session has expired or is not valid. Log in again.');
    const via = bearer ? 'bearer' : 'cookie';
    if (via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (typeof presented !== 'string' || !sameSecret(presented, session.csrfToken)) {
        throw forbidden('The X-CSRF-Token header is missing or wrong.');
      }
    }
    const { userId, sessionId, email, name, roles } = session;
    return { userId, sessionId, email, name, roles, ip: request.ip, via };
  }
}
