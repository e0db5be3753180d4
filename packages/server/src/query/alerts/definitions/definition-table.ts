import type { z } from 'zod';
import { settingsVersionClock } from '../../apm/apdex-settings.ts';
import { param, sql, trustedSql } from '../../../storage/sql.ts';
import type { Store } from '../../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../../read-limits.ts';

/** A definition as kept in one of the alerting metadata tables. */
export interface StoredDefinition<T> {
  readonly id: string;
  readonly definition: T;
  /** Unix milliseconds of the last write. */
  readonly updatedMs: number;
  /** Created by the server (built-in rules); false where the table has no such flag. */
  readonly builtin: boolean;
}

export type DefinitionTableName = 'alert_rules' | 'alert_channels' | 'alert_silences';

interface Row {
  readonly id: string;
  readonly definition: string;
  readonly updated_ms: string | number;
  readonly builtin?: number | string;
}

/** The version clock is shared by every writer of a process, so writes of one id stay ordered. */
const nextVersion = settingsVersionClock();

/**
 * CRUD over one alerting metadata table (ReplacingMergeTree: newest version of an id wins, a deleted row
 * hides it). Rows that no longer parse (written by a newer version) are skipped, not fatal.
 */
export class DefinitionTable<S extends z.ZodType> {
  private readonly columns: string;

  constructor(
    private readonly store: Store,
    private readonly limits: ReadLimits,
    private readonly table: DefinitionTableName,
    private readonly schema: S,
  ) {
    const builtin = table === 'alert_rules' ? ', builtin' : '';
    this.columns = `id, definition, toUnixTimestamp64Milli(updated_at) AS updated_ms${builtin}`;
  }

  private parse(row: Row): StoredDefinition<z.output<S>> | undefined {
    let json: unknown;
    try {
      json = JSON.parse(row.definition);
    } catch {
      return undefined;
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) return undefined;
    return { id: row.id, definition: parsed.data, updatedMs: Number(row.updated_ms), builtin: Number(row.builtin ?? 0) === 1 };
  }

  /** Every live definition, by id. The query holds no bound values, so it runs beside others (see apdex-settings.ts). */
  async list(): Promise<StoredDefinition<z.output<S>>[]> {
    const rows = await this.store.query<Row>(trustedSql(`SELECT ${this.columns} FROM ${this.table} FINAL WHERE deleted = 0 ORDER BY id`), storeLimits(this.limits));
    return rows.map((row) => this.parse(row)).filter((each) => each !== undefined);
  }

  async get(id: string): Promise<StoredDefinition<z.output<S>> | undefined> {
    const [row] = await this.store.query<Row>(
      sql`SELECT ${trustedSql(this.columns)} FROM ${trustedSql(this.table)} FINAL WHERE id = ${id} AND deleted = 0`,
      storeLimits(this.limits),
    );
    return row === undefined ? undefined : this.parse(row);
  }

  /** Adds or replaces a definition; returns the stored form. */
  async write(id: string, definition: z.output<S>, options: { readonly builtin?: boolean; readonly nowMs?: number } = {}): Promise<StoredDefinition<z.output<S>>> {
    const updatedMs = options.nowMs ?? Date.now();
    const builtin = options.builtin ?? false;
    const extraColumn = this.table === 'alert_rules' ? trustedSql(', builtin') : trustedSql('');
    const extraValue = this.table === 'alert_rules' ? sql`, ${param('UInt8', builtin ? 1 : 0)}` : trustedSql('');
    await this.store.command(
      sql`INSERT INTO ${trustedSql(this.table)} (id, definition, version, deleted, updated_at${extraColumn})
          SELECT ${id}, ${JSON.stringify(definition)}, ${param('UInt64', nextVersion())}, ${param('UInt8', 0)}, fromUnixTimestamp64Milli(${param('Int64', updatedMs)})${extraValue}`,
    );
    return { id, definition, updatedMs, builtin };
  }

  async delete(id: string): Promise<void> {
    await this.store.command(
      sql`INSERT INTO ${trustedSql(this.table)} (id, definition, version, deleted) SELECT ${id}, '', ${param('UInt64', nextVersion())}, ${param('UInt8', 1)}`,
    );
  }

  /** Whether the id was ever written (also deleted ones): built-in rules are seeded once, a deleted one stays deleted. */
  async everWritten(id: string): Promise<boolean> {
    const [row] = await this.store.query<{ n: string | number }>(sql`SELECT count() AS n FROM ${trustedSql(this.table)} WHERE id = ${id}`, storeLimits(this.limits));
    return Number(row?.n ?? 0) > 0;
  }
}
