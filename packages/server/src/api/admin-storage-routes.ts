import { adminStorageResponseSchema, readyzResponseSchema, type ReadyzResponse } from '@sightline/contract';
import type { FastifyInstance } from 'fastify';
import { readPartitionUsage } from '../query/storage-usage/partition-usage.ts';
import { pingStore } from '../query/storage-usage/ping-store.ts';
import { usageBySignal } from '../query/storage-usage/table-signal.ts';
import type { ApiDeps } from './api-deps.ts';
import { checkResponse } from './validation.ts';

/** How long `/readyz` waits for the store's answer. */
const READY_STORE_TIMEOUT_MS = 5000;

async function readiness(deps: ApiDeps): Promise<ReadyzResponse> {
  const reasons: string[] = [];
  try {
    await pingStore(deps.store, READY_STORE_TIMEOUT_MS);
  } catch (error) {
    reasons.push(`store: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const disk = deps.disk?.status();
  if (disk?.watermark.state === 'hard') {
    const used = disk.volume === null ? '' : ` (${disk.volume.usedPercent.toFixed(1)}% used)`;
    reasons.push(`disk: usage is above the hard watermark of ${disk.watermark.hardPercent}%${used}; ingest is refused`);
  }
  return reasons.length === 0 ? { status: 'ready' } : { status: 'not_ready', reasons };
}

/**
 * Storage administration: bytes on disk per table grouped by signal, the data volume and watermark
 * (`/api/v1/admin/storage`), and readiness (`/readyz`: the store answers and the disk is below the hard mark).
 */
export function registerAdminStorageRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/api/v1/admin/storage', async () => {
    const signals = usageBySignal(await readPartitionUsage(deps.store));
    const disk = deps.disk?.status();
    return checkResponse(adminStorageResponseSchema, {
      signals,
      totalBytesOnDisk: signals.reduce((sum, signal) => sum + signal.bytesOnDisk, 0),
      volume: disk?.volume ?? null,
      watermark: disk?.watermark ?? null,
    });
  });

  app.get('/readyz', async (_request, reply) => {
    const body = checkResponse(readyzResponseSchema, await readiness(deps));
    return reply.status(body.status === 'ready' ? 200 : 503).send(body);
  });
}
