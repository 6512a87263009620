import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { SettingsRepository } from '../settings/settings.repository.js';

export interface TokenClaims {
  userId: string;
  sessionId: string;
}

const ISSUER = 'formwork';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

interface Payload {
  sub?: unknown;
  sid?: unknown;
  iss?: unknown;
  exp?: unknown;
}

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * HS256 JWTs naming a session; the secret comes from env or is generated once and kept in the
 * database. Written on node:crypto (sync HMAC, ~5 µs) rather than WebCrypto (~150 µs a verify):
 * every authenticated request verifies one.
 */
@Injectable()
export class TokenSigner implements OnModuleInit {
  private secret: Buffer = Buffer.alloc(0);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly settings: SettingsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const secret =
      this.config.FORMWORK_JWT_SECRET ??
      (await this.settings.getOrCreate('jwt_secret', () => randomBytes(48).toString('base64url')));
    this.secret = Buffer.from(secret, 'utf8');
  }

  sign(claims: TokenClaims, expiresAt: Date): Promise<string> {
    const payload = {
      sub: claims.userId,
      sid: claims.sessionId,
      iss: ISSUER,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(expiresAt.getTime() / 1000),
    };
    const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return Promise.resolve(`${unsigned}.${this.signature(unsigned).toString('base64url')}`);
  }

  /** The token's claims, or undefined when it is forged, malformed, of another algorithm or expired. */
  verify(token: string): Promise<TokenClaims | undefined> {
    return Promise.resolve(this.verifySync(token));
  }

  private verifySync(token: string): TokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, body, signature] = parts as [string, string, string];
    const { alg } = (decodeJson(header) ?? {}) as { alg?: unknown };
    if (alg !== 'HS256') return undefined;
    const expected = this.signature(`${header}.${body}`);
    const presented = Buffer.from(signature, 'base64url');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
      return undefined;
    const payload = (decodeJson(body) ?? {}) as Payload;
    const live = typeof payload.exp === 'number' && payload.exp > Date.now() / 1000;
    if (
      !live ||
      payload.iss !== ISSUER ||
      typeof payload.sub !== 'string' ||
      typeof payload.sid !== 'string'
    )
      return undefined;
    return { userId: payload.sub, sessionId: payload.sid };
  }

  private signature(unsigned: string): Buffer {
    return createHmac('sha256', this.secret).update(unsigned).digest();
  }
}
