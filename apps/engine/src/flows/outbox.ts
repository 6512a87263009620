import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { checkWebhookUrl } from '@formwork/flows';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { QueueService } from '../queue/queue.service.js';
import type { InstanceRow, StepRow } from './flow-instances.repository.js';
import type { FlowTx } from './flow-runtime.js';

export const OUTBOX_QUEUE = 'flow-outbox';
const WEBHOOK_TIMEOUT_MS = 10_000;

interface OutboxRow {
  id: string;
  instance_id: string | null;
  node_id: string | null;
  visit: number | null;
  kind: 'email' | 'webhook';
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'failed';
}

interface Recipient {
  user?: string;
  role?: string;
  field?: string;
  email?: string;
}

/** Called when a webhook's delivery ends, so the waiting step can complete (or fail). */
export type DeliveryListener = (
  row: Pick<OutboxRow, 'instance_id' | 'node_id' | 'visit'>,
  outcome: { ok: true; status: number } | { ok: false; message: string },
) => Promise<void>;

/** Private, loopback and link-local addresses a webhook must not reach (SSRF). */
function isInternalAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const lower = address.toLowerCase();
  return (
    lower === '::1' ||
    lower === '::' ||
    lower.startsWith('fc') ||
    lower.startsWith('fd') ||
    lower.startsWith('fe80') ||
    lower.startsWith('::ffff:')
  );
}

/**
 * External effects of flows (email, webhooks) as outbox rows written in the step's transaction,
 * each with a queue job in the same transaction; the job delivers at least once with the row's
 * id as `Idempotency-Key`, retrying with backoff. In-app notifications are plain rows.
 */
@Injectable()
export class Outbox implements OnModuleInit {
  private transport: Transporter | undefined;
  private listener: DeliveryListener | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const retries = this.config.FORMWORK_DELIVERY_RETRIES;
    this.queue.register<{ id: string }>({
      queue: OUTBOX_QUEUE,
      retryLimit: retries,
      retryDelaySeconds: 1,
      handle: (job, meta) => this.deliver(job.id, meta.retryCount >= retries),
    });
  }

  onDelivery(listener: DeliveryListener): void {
    this.listener = listener;
  }

  async notify(
    tx: FlowTx,
    instance: InstanceRow,
    step: Pick<StepRow, 'node_id' | 'visit'>,
    message: { to: unknown; channel: string; subject: string; body: string },
  ): Promise<void> {
    const to = (message.to ?? {}) as Recipient;
    const record =
      (instance.snapshot as { context?: { record?: Record<string, unknown> } }).context?.record ??
      {};
    const userId = to.user ?? (to.field ? (record[to.field] as string | undefined) : undefined);
    if (message.channel === 'email') {
      const email = to.email ?? (await this.emailOf(tx, userId));
      if (!email) throw new Error('The notification has no email address to go to.');
      await this.enqueue(tx, instance, step, 'email', {
        to: email,
        subject: message.subject,
        text: message.body,
      });
      return;
    }
    await tx.client.query(
      `INSERT INTO formwork.notifications (user_id, role, subject, body, link, instance_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        userId ?? null,
        to.role ?? null,
        message.subject,
        message.body,
        `/flow-instances/${instance.id}`,
        instance.id,
      ],
    );
  }

  async webhook(
    tx: FlowTx,
    instance: InstanceRow,
    step: Pick<StepRow, 'node_id' | 'visit'>,
    request: { url: string; method: string; headers: Record<string, string>; body: unknown },
  ): Promise<void> {
    await this.enqueue(tx, instance, step, 'webhook', request);
  }

  private async enqueue(
    tx: FlowTx,
    instance: InstanceRow,
    step: Pick<StepRow, 'node_id' | 'visit'>,
    kind: OutboxRow['kind'],
    payload: unknown,
  ): Promise<void> {
    const { rows } = await tx.client.query<{ id: string }>(
      `INSERT INTO formwork.outbox (instance_id, node_id, visit, kind, payload) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [instance.id, step.node_id, step.visit, kind, JSON.stringify(payload)],
    );
    await this.queue.send(OUTBOX_QUEUE, { id: rows[0]!.id }, { client: tx.client });
  }

  private async emailOf(tx: FlowTx, userId: string | undefined): Promise<string | undefined> {
    if (!userId) return undefined;
    const { rows } = await tx.client.query<{ email: string }>(
      `SELECT email FROM formwork.users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.email;
  }

  /** One delivery attempt; throws to have the queue retry (until the last attempt). */
  private async deliver(id: string, lastAttempt: boolean): Promise<void> {
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.outbox WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || row.status !== 'pending') return;
    try {
      const response =
        row.kind === 'email' ? await this.sendEmail(row) : await this.callWebhook(row);
      await this.dataSource.query(
        `UPDATE formwork.outbox SET status = 'delivered', delivered_at = now(), attempts = attempts + 1, response = $2 WHERE id = $1`,
        [id, JSON.stringify(response)],
      );
      if (row.kind === 'webhook')
        await this.listener?.(row, { ok: true, status: response.status as number });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(
        `UPDATE formwork.outbox SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1`,
        [id, message, lastAttempt],
      );
      if (!lastAttempt) throw error;
      this.logger.warn({ outboxId: id, err: error }, 'flow delivery failed for good');
      await this.listener?.(row, { ok: false, message: `${row.kind} delivery failed: ${message}` });
    }
  }

  private async sendEmail(row: OutboxRow): Promise<Record<string, unknown>> {
    if (!this.config.FORMWORK_SMTP_URL)
      throw new Error('No SMTP server is configured (FORMWORK_SMTP_URL).');
    this.transport ??= nodemailer.createTransport(this.config.FORMWORK_SMTP_URL);
    const { to, subject, text } = row.payload as { to: string; subject: string; text: string };
    const info = await this.transport.sendMail({
      from: this.config.FORMWORK_MAIL_FROM,
      to,
      subject,
      text,
      headers: { 'Idempotency-Key': row.id },
      messageId: `<${row.id}@formwork>`,
    });
    return { messageId: info.messageId };
  }

  private async callWebhook(row: OutboxRow): Promise<Record<string, unknown>> {
    const { url, method, headers, body } = row.payload as {
      url: string;
      method: string;
      headers: Record<string, string>;
      body: unknown;
    };
    await this.checkTarget(url);
    const response = await fetch(url, {
      method,
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': row.id },
      body: body === undefined || method === 'GET' ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return { status: response.status };
  }

  /** Literal checks again (a stored version may predate them), then the address the name resolves to. */
  private async checkTarget(text: string): Promise<void> {
    const url = new URL(text);
    const allowed = this.config.FORMWORK_WEBHOOK_ALLOWED_HOSTS.includes(url.hostname);
    const problem = checkWebhookUrl(text);
    if (problem && !(allowed && problem.code !== 'invalid_webhook_url'))
      throw new Error(problem.message);
    if (allowed) return;
    const addresses = await lookup(url.hostname, { all: true });
    if (addresses.some((address) => isInternalAddress(address.address)))
      throw new Error(`${url.hostname} resolves to an internal address; webhooks may not call it.`);
  }
}
