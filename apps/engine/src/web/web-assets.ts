import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';

/** Public forms (`/f/<share token>`) are their own light entry of the web build. */
const PUBLIC_FORM_PREFIX = '/f/';

const readIfPresent = (file: string) => (existsSync(file) ? readFileSync(file) : undefined);

/**
 * The built web app: static files are served by @fastify/static, client-side routes get
 * index.html, public form links get public.html.
 */
@Injectable()
export class WebAssets {
  readonly root: string;
  private readonly indexHtml: Buffer | undefined;
  private readonly publicHtml: Buffer | undefined;

  constructor(@Inject(CONFIG) config: Config) {
    this.root = config.FORMWORK_WEB_DIST;
    this.indexHtml = readIfPresent(path.join(this.root, 'index.html'));
    this.publicHtml = readIfPresent(path.join(this.root, 'public.html'));
  }

  get isAvailable(): boolean {
    return this.indexHtml !== undefined;
  }

  /** Answers a browser navigation (not an API call) with the app's index.html. */
  async trySendIndex(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const isNavigation = request.method === 'GET' || request.method === 'HEAD';
    const pathname = request.url.split('?')[0] ?? '';
    if (!isNavigation || pathname === '/api' || pathname.startsWith('/api/')) return false;
    const page = pathname.startsWith(PUBLIC_FORM_PREFIX)
      ? (this.publicHtml ?? this.indexHtml)
      : this.indexHtml;
    if (!page) return false;
    await reply
      .status(200)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(page);
    return true;
  }
}
