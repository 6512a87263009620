import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseIsoDuration } from './iso-duration.js';

/** The repository root: `.data/` and the built web app are found relative to it. */
export const REPOSITORY_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../..',
);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanText = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((text) => text === 'true' || text === '1');

const isoDuration = z.string().transform((text, context) => {
  const milliseconds = parseIsoDuration(text);
  if (milliseconds === undefined || milliseconds <= 0) {
    context.addIssue({
      code: 'custom',
      message: 'must be a positive ISO 8601 duration such as PT12H or P7D',
    });
    return z.NEVER;
  }
  return milliseconds;
});

const positiveInteger = (max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

const databaseUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
  .optional();

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  DATABASE_URL: databaseUrl,
  FORMWORK_DATA_DIR: z.string().min(1).default(path.join(REPOSITORY_ROOT, '.data')),
  FORMWORK_WEB_DIST: z.string().min(1).default(path.join(REPOSITORY_ROOT, 'apps/web/dist')),
  FORMWORK_ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
  FORMWORK_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  FORMWORK_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  FORMWORK_SESSION_TTL: isoDuration.prefault('PT12H'),
  FORMWORK_COOKIE_SECURE: booleanText.default(false),
  FORMWORK_TRUST_PROXY: booleanText.default(false),
  FORMWORK_LOGIN_MAX_FAILURES: positiveInteger(1000).default(10),
  FORMWORK_LOGIN_WINDOW: isoDuration.prefault('PT15M'),
  FORMWORK_BODY_LIMIT: positiveInteger(1024 * 1024 * 1024).default(1024 * 1024),
  FORMWORK_IMPORT_MAX_BYTES: positiveInteger(1024 * 1024 * 1024).default(50 * 1024 * 1024),
  FORMWORK_PUBLIC_FORM_MAX_BYTES: positiveInteger(1024 * 1024 * 1024).default(64 * 1024),
  FORMWORK_PUBLIC_SUBMISSIONS_PER_MINUTE: positiveInteger(1_000_000_000).default(30),
  FORMWORK_DB_POOL_SIZE: positiveInteger(200).default(10),
  /** SMTP server for flow emails, e.g. `smtp://user:pass@mail.example.com:587`; unset: emails fail visibly. */
  FORMWORK_SMTP_URL: z.url({ error: 'must be an smtp:// or smtps:// URL' }).optional(),
  FORMWORK_MAIL_FROM: z.string().min(3).default('Formwork <no-reply@localhost>'),
  /** Retries of an email or webhook delivery after its first attempt (with backoff). */
  FORMWORK_DELIVERY_RETRIES: positiveInteger(50).default(5),
  /** Hosts webhooks may call although they are loopback or private (tests, an intranet CRM). */
  FORMWORK_WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((host) => host.trim())
        .filter(Boolean),
    ),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
});

export type Config = z.infer<typeof configSchema>;

/** Raised when the environment does not describe a runnable engine; one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describeValue(env: NodeJS.ProcessEnv, key: string): string {
  const value = env[key];
  if (value === undefined) return 'not set';
  if (/PASSWORD|SECRET|DATABASE_URL/.test(key)) return 'value hidden';
  return `got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
}

/** Reads the configuration from the environment; empty variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = configSchema.safeParse(relevant);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      return `${key}: ${issue.message} (${describeValue(env, key)})`;
    }),
  );
}
