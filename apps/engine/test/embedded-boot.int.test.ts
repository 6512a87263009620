import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FormworkClient } from '@formwork/client';
import { freePort, spawnEngine, waitForOutput } from './support/engine-process.js';

/** Boots the built engine on embedded PostgreSQL exactly as `pnpm start` does on a fresh machine. */
describe('engine on embedded PostgreSQL', () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const port = await freePort();
    const engine = spawnEngine({ FORMWORK_DATA_DIR: dataDir, PORT: String(port) });
    await waitForOutput(engine, /Formwork is running at (\S+) \(PostgreSQL: embedded\)/);
    return { engine, client: new FormworkClient({ baseUrl: `http://localhost:${port}` }) };
  };

  it('creates the first admin with a printed password, keeps data across restarts, and stops cleanly even on a double Ctrl-C', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'formwork-boot-'));

    const first = await start();
    const [, email, password] = await waitForOutput(
      first.engine,
      /First admin created: (\S+) \/ (\S+)/,
    );
    const { token } = await first.client.auth.login({ email: email!, password: password! });
    await first.client.useToken(token).users.create({
      email: 'kept@example.com',
      name: '留存用户',
      password: 'kept-password',
      roles: ['staff'],
    });
    expect(await first.client.health()).toEqual({ status: 'ok', db: 'ok' });
    first.engine.child.kill('SIGINT');
    expect(await first.engine.exited).toBe(0);

    const second = await start();
    expect(second.engine.stdout()).not.toContain('First admin created');
    const login = await second.client.auth.login({
      email: 'kept@example.com',
      password: 'kept-password',
    });
    expect(login.user.name).toBe('留存用户');
    second.engine.child.kill('SIGINT');
    second.engine.child.kill('SIGINT');
    expect(await second.engine.exited).toBe(0);

    const third = await start();
    await third.client.auth.login({ email: 'kept@example.com', password: 'kept-password' });
    third.engine.child.kill('SIGTERM');
    expect(await third.engine.exited).toBe(0);
    const postgresLog = await readFile(path.join(dataDir, 'postgres.log'), 'utf8');
    expect(postgresLog).not.toMatch(/was interrupted|not properly shut down|automatic recovery/);
  });
});

describe('Ctrl-C during start-up', () => {
  it('waits for start-up to finish, then stops PostgreSQL too', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'formwork-boot-'));
    try {
      const engine = spawnEngine({ FORMWORK_DATA_DIR: dir, PORT: String(await freePort()) });
      while (!existsSync(path.join(dir, 'postgres-password')))
        await new Promise((resolve) => setTimeout(resolve, 20));
      engine.child.kill('SIGINT'); // while PostgreSQL is being initialised
      expect(await engine.exited).toBe(0);
      expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('start-up errors', () => {
  it('an unreachable DATABASE_URL gives one clear line, not a stack trace', async () => {
    const port = await freePort();
    const engine = spawnEngine({
      DATABASE_URL: `postgres://formwork@127.0.0.1:${port}/formwork`,
      PORT: String(port),
    });
    expect(await engine.exited).toBe(1);
    expect(engine.stderr().trim()).toBe(
      `Formwork could not start: Cannot connect to PostgreSQL at 127.0.0.1:${port}/formwork: connection refused (is the server running?)`,
    );
  });

  it('bad settings are each named, with a pointer to .env.example', async () => {
    const engine = spawnEngine({ PORT: 'eighty', FORMWORK_SESSION_TTL: '12 hours' });
    expect(await engine.exited).toBe(1);
    const lines = engine.stderr().trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.some((line) => line.includes('PORT: must be a number'))).toBe(true);
    expect(
      lines.some((line) =>
        line.includes('FORMWORK_SESSION_TTL: must be a positive ISO 8601 duration'),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toContain('.env.example');
  });
});
