import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  loginInputSchema,
  type LoginInput,
  type LoginResult,
  type User,
} from '@formwork/definitions';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidBody } from '../common/zod-validation.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { Authenticated, Public } from './access.decorators.js';
import { AuthService } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import type { RequestActor } from './request-actor.js';
import { clearSessionCookies, setSessionCookies } from './session-cookies.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @ValidBody(loginInputSchema) input: LoginInput,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    const outcome = await this.auth.login(input, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setSessionCookies(
      reply,
      outcome.token,
      outcome.csrfToken,
      outcome.expiresAt,
      this.config.FORMWORK_COOKIE_SECURE,
    );
    return { token: outcome.token, user: outcome.user };
  }

  @Authenticated()
  @Get('me')
  me(@CurrentActor() actor: RequestActor): User {
    return { id: actor.userId, email: actor.email, name: actor.name, roles: actor.roles };
  }

  @Authenticated()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(actor);
    clearSessionCookies(reply);
  }
}
