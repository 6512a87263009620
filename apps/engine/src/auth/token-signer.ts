import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { SettingsRepository } from '../settings/settings.repository.js';

export interface TokenClaims {
  userId: string;
  sessionId: string;
}

const ISSUER = 'formwork';

/** HS256 JWTs naming a session; the secret comes from env or is generated once and kept in the database. */
@Injectable()
export class TokenSigner implements OnModuleInit {
  private secret: Uint8Array = new Uint8Array();

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly settings: SettingsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const secret =
      this.config.FORMWORK_JWT_SECRET ??
      (await this.settings.getOrCreate('jwt_secret', () => randomBytes(48).toString('base64url')));
    this.secret = new TextEncoder().encode(secret);
  }

  sign(claims: TokenClaims, expiresAt: Date): Promise<string> {
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.secret);
  }

  /** The token's claims, or undefined when it is forged, malformed or expired. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
      return { userId: payload.sub, sessionId: payload.sid };
    } catch {
      return undefined;
    }
  }
}
