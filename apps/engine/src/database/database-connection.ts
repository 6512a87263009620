import pg from 'pg';

/** Why a database could not be reached, in one line a person can act on. */
export function describeConnectionError(url: string, error: unknown): string {
  const where = safeLocation(url);
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot connect to PostgreSQL at ${where}: connection refused (is the server running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot connect to PostgreSQL at ${where}: host not found`;
    case 'ETIMEDOUT':
      return `Cannot connect to PostgreSQL at ${where}: timed out`;
    case '28P01':
    case '28000':
      return `Cannot connect to PostgreSQL at ${where}: authentication failed (check the user and password in DATABASE_URL)`;
    case '3D000':
      return `Cannot connect to PostgreSQL at ${where}: the database does not exist (create it first)`;
    default:
      return `Cannot connect to PostgreSQL at ${where}: ${message ?? String(error)}`;
  }
}

function safeLocation(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Connects once with a short timeout so a bad DATABASE_URL fails fast with a clear message. */
export async function checkDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(describeConnectionError(url, error), { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
