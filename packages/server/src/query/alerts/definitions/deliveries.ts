import { deliverySchema, type Delivery } from '@sightline/contract';
import { param, sql } from '../../../storage/sql.ts';
import type { Store } from '../../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../../read-limits.ts';

interface Row {
  readonly at_ms: string | number;
  readonly channel_id: string;
  readonly rule_id: string;
  readonly kind: string;
  readonly status: string;
  readonly attempt: number | string;
  readonly alert_count: number | string;
  readonly error: string;
}

function toDelivery(row: Row): Delivery | undefined {
  const parsed = deliverySchema.safeParse({
    channelId: row.channel_id,
    ruleId: row.rule_id,
    kind: row.kind,
    status: row.status,
    attempt: Number(row.attempt),
    alertCount: Number(row.alert_count),
    error: row.error,
    atMs: Number(row.at_ms),
  });
  return parsed.success ? parsed.data : undefined;
}

const COLUMNS = sql`toUnixTimestamp64Milli(at) AS at_ms, channel_id, rule_id, kind, status, attempt, alert_count, error`;

/** Delivery attempts of notifications, appended as they happen (the alerts module's DeliveryLog). */
export class StoreDeliveryLog {
  constructor(
    private readonly store: Store,
    private readonly limits: ReadLimits,
  ) {}

  async record(delivery: Delivery): Promise<void> {
    await this.store.command(
      sql`INSERT INTO alert_deliveries (at, channel_id, rule_id, kind, status, attempt, alert_count, error)
          SELECT fromUnixTimestamp64Milli(${param('Int64', delivery.atMs)}), ${delivery.channelId}, ${delivery.ruleId}, ${delivery.kind},
                 ${delivery.status}, ${param('UInt16', delivery.attempt)}, ${param('UInt32', delivery.alertCount)}, ${delivery.error}`,
    );
  }

  /** A channel's attempts, newest first. */
  async forChannel(channelId: string, limit: number): Promise<Delivery[]> {
    const rows = await this.store.query<Row>(
      sql`SELECT ${COLUMNS} FROM alert_deliveries WHERE channel_id = ${channelId} ORDER BY at DESC LIMIT ${param('UInt32', limit)}`,
      storeLimits(this.limits),
    );
    return rows.map(toDelivery).filter((each) => each !== undefined);
  }

  /** The newest attempt of each channel. */
  async latestByChannel(): Promise<Map<string, Delivery>> {
    const rows = await this.store.query<Row>(
      sql`SELECT ${COLUMNS} FROM alert_deliveries ORDER BY at DESC LIMIT 1 BY channel_id`,
      storeLimits(this.limits),
    );
    const latest = new Map<string, Delivery>();
    for (const row of rows) {
      const delivery = toDelivery(row);
      if (delivery !== undefined) latest.set(delivery.channelId, delivery);
    }
    return latest;
  }
}
