import { sql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';

/** A trivial read: resolves when the store answers within `timeoutMs`, rejects otherwise. */
export async function pingStore(store: Store, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const rows = await Promise.race([store.query<{ ok: number }>(sql`SELECT 1 AS ok`, { maxExecutionSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)) }), timeout]);
    if (rows[0]?.ok !== 1) throw new Error('unexpected answer to SELECT 1');
  } finally {
    clearTimeout(timer);
  }
}
