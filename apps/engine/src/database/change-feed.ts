import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.js';

export const CHANGE_CHANNELS = [
  'formwork_entities',
  'formwork_sessions',
  'formwork_classifiers',
  'formwork_flows',
  'formwork_forms',
] as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

export interface ChangeListener {
  /** A row behind the cache changed: the payload names it. */
  changed(payload: string): void;
  /** Notifications may have been missed (the connection dropped): forget everything. */
  reset(): void;
}

const RECONNECT_DELAY_MS = 1_000;

/**
 * One LISTEN connection per engine. While it is down, `isLive` is false and caches must not
 * serve: a change made by another engine in that time would go unheard.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnApplicationShutdown {
  private client: pg.Client | undefined;
  private live = false;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly listeners = new Map<ChangeChannel, ChangeListener[]>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get isLive(): boolean {
    return this.live;
  }

  subscribe(channel: ChangeChannel, listener: ChangeListener): void {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.goDark();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { url } = this.dataSource.options as { url: string };
    const client = new pg.Client({ connectionString: url, application_name: 'formwork-listen' });
    client.on('notification', ({ channel, payload }) => {
      for (const listener of this.listeners.get(channel as ChangeChannel) ?? [])
        listener.changed(payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of CHANGE_CHANNELS) await client.query(`LISTEN ${channel}`);
      this.client = client;
      this.resetAll();
      this.live = true;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (client !== this.client && this.client !== undefined) return;
    this.goDark();
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    if (error)
      this.logger.warn({ err: error }, 'change feed lost; caches are off until it is back');
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }

  private goDark(): void {
    this.live = false;
    this.resetAll();
  }

  private resetAll(): void {
    for (const listeners of this.listeners.values())
      for (const listener of listeners) listener.reset();
  }
}
