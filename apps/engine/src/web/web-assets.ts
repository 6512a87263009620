import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';

/** The built web app: static files are served by @fastify/static, client-side routes get index.html. */
@Injectable()
export class WebAssets {
  readonly root: string;
  private readonly indexHtml: Buffer | undefined;

  constructor(@Inject(CONFIG) config: Config) {
    this.root = config.FORMWORK_WEB_DIST;
    const indexFile = path.join(this.root, 'index.html');
    this.indexHtml = existsSync(indexFile) ? readFileSync(indexFile) : undefined;
  }

  get isAvailable(): boolean {
    return this.indexHtml !== undefined;
  }

  /** Answers a browser navigation (not an API call) with the app's index.html. */
  async trySendIndex(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const isNavigation = request.method === 'GET' || request.method === 'HEAD';
    const pathname = request.url.split('?')[0] ?? '';
    if (!this.indexHtml || !isNavigation || pathname === '/api' || pathname.startsWith('/api/'))
      return false;
    await reply
      .status(200)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(this.indexHtml);
    return true;
  }
}
