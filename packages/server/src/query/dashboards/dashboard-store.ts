import { dashboardDefinitionSchema, type DashboardDefinition } from '@sightline/contract';
import { param, sql, trustedSql } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';

/** A user dashboard as kept in the `dashboards` table. */
export interface StoredDashboard {
  readonly id: string;
  readonly definition: DashboardDefinition;
  /** Unix milliseconds of the last write. */
  readonly updatedMs: number;
}

interface Row {
  readonly id: string;
  readonly definition: string;
  readonly updated_ms: string | number;
}

const COLUMNS = 'id, definition, toUnixTimestamp64Milli(updated_at) AS updated_ms';

/** A row that does not parse (written by a newer version, say) is skipped rather than failing the read. */
function toStored(row: Row): StoredDashboard | undefined {
  let json: unknown;
  try {
    json = JSON.parse(row.definition);
  } catch {
    return undefined;
  }
  const parsed = dashboardDefinitionSchema.safeParse(json);
  return parsed.success ? { id: row.id, definition: parsed.data, updatedMs: Number(row.updated_ms) } : undefined;
}

/** Every stored dashboard (without tombstones), by title. The query holds no values (see apdex-settings.ts). */
export async function readDashboards(store: Store, limits: ReadLimits): Promise<StoredDashboard[]> {
  const rows = await store.query<Row>(trustedSql(`SELECT ${COLUMNS} FROM dashboards FINAL WHERE deleted = 0 ORDER BY id`), storeLimits(limits));
  return rows
    .map(toStored)
    .filter((dashboard) => dashboard !== undefined)
    .sort((a, b) => a.definition.title.localeCompare(b.definition.title) || a.id.localeCompare(b.id));
}

export async function readDashboard(store: Store, limits: ReadLimits, id: string): Promise<StoredDashboard | undefined> {
  const [row] = await store.query<Row>(
    sql`SELECT ${trustedSql(COLUMNS)} FROM dashboards FINAL WHERE id = ${id} AND deleted = 0`,
    storeLimits(limits),
  );
  return row === undefined ? undefined : toStored(row);
}

/** Adds or replaces a dashboard; `version` orders the writes (settingsVersionClock). */
export async function writeDashboard(store: Store, id: string, definition: DashboardDefinition, version: bigint, updatedMs: number): Promise<void> {
  await store.command(
    sql`INSERT INTO dashboards (id, definition, version, deleted, updated_at)
        SELECT ${id}, ${JSON.stringify(definition)}, ${param('UInt64', version)}, ${param('UInt8', 0)}, fromUnixTimestamp64Milli(${param('Int64', updatedMs)})`,
  );
}

/** Removes a dashboard (a tombstone row that FINAL reads hide). */
export async function deleteDashboard(store: Store, id: string, version: bigint): Promise<void> {
  await store.command(sql`INSERT INTO dashboards (id, definition, version, deleted) SELECT ${id}, '', ${param('UInt64', version)}, ${param('UInt8', 1)}`);
}
