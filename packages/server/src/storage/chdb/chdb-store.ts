import { mkdirSync, rmSync, existsSync, accessSync, constants } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Session } from 'chdb';
import type { InsertTarget, QueryLimits, Store } from '../store.ts';
import { render, type SqlFragment } from '../sql.ts';
import { toStoreError } from './engine-errors.ts';

export interface ChdbStoreOptions {
  readonly dataDir: string;
  /** Sessions that serve reads in parallel (inserts and DDL have their own). */
  readonly querySessions: number;
  /** Cap for the whole engine (bytes). */
  readonly maxServerMemoryBytes: number;
  /** Defaults applied to every read. */
  readonly queryLimits: Required<Pick<QueryLimits, 'maxMemoryBytes' | 'maxExecutionSeconds'>>;
  /** Engine caches sized from the memory budget (config/memory-budget.ts); the engine's defaults (GiBs) otherwise. */
  readonly caches?: EngineCacheSizes;
}

export interface EngineCacheSizes {
  readonly markCacheBytes: number;
  readonly primaryIndexCacheBytes: number;
  readonly indexMarkCacheBytes: number;
  readonly uncompressedCacheBytes: number;
  readonly queryConditionCacheBytes: number;
  readonly compiledExpressionCacheBytes: number;
}

/** Server-wide settings the embedded engine accepts as connection arguments of its first Session (checked in system.server_settings). */
function cacheArgs(caches: EngineCacheSizes | undefined): string[] {
  if (caches === undefined) return [];
  return [
    `--mark_cache_size=${Math.floor(caches.markCacheBytes)}`,
    `--primary_index_cache_size=${Math.floor(caches.primaryIndexCacheBytes)}`,
    `--index_mark_cache_size=${Math.floor(caches.indexMarkCacheBytes)}`,
    `--uncompressed_cache_size=${Math.floor(caches.uncompressedCacheBytes)}`,
    `--query_condition_cache_size=${Math.floor(caches.queryConditionCacheBytes)}`,
    `--compiled_expression_cache_size=${Math.floor(caches.compiledExpressionCacheBytes)}`,
  ];
}

const PURGE_INTERVAL_MS = 300;

const COMMON_ARGS = [
  '--async_insert=0',
  // An alias like `hex(trace_id) AS trace_id` must not change what `trace_id` means in WHERE.
  '--prefer_column_name_to_alias=1',
  '--output_format_json_quote_64bit_integers=1', '--session_timezone=UTC'];

function limitSettings(limits: QueryLimits): string {
  const settings: string[] = [];
  const add = (name: string, value: number | undefined): void => {
    if (value !== undefined && Number.isFinite(value) && value > 0) settings.push(`${name} = ${Math.floor(value)}`);
  };
  add('max_rows_to_read', limits.maxRowsToRead);
  add('max_bytes_to_read', limits.maxBytesToRead);
  add('max_execution_time', limits.maxExecutionSeconds);
  add('max_memory_usage', limits.maxMemoryBytes);
  return settings.length === 0 ? '' : `\nSETTINGS ${settings.join(', ')}`;
}

/** Where RowBinary insert files are staged: RAM-backed when the host has /dev/shm. */
function stagingDirectory(dataDir: string): string {
  const candidates = ['/dev/shm', path.join(dataDir, 'tmp')];
  for (const base of candidates) {
    try {
      if (!existsSync(base)) continue;
      accessSync(base, constants.W_OK);
      const dir = path.join(base, `sightline-${process.pid}`);
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // try the next candidate
    }
  }
  const dir = path.join(dataDir, 'tmp', `sightline-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function parseJsonEachRow<Row>(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of text.split('\n')) if (line.length > 0) rows.push(JSON.parse(line) as Row);
  return rows;
}

/**
 * The embedded engine. One Session serves inserts and DDL, a few serve reads, round-robin: a Session
 * runs one operation at a time (shared/reference/chdb-notes.md).
 */
export class ChdbStore implements Store {
  readonly kind = 'chdb';
  private readonly writer: Session;
  private readonly readers: Session[];
  private nextReader = 0;
  private readonly staging: string;
  private fileCounter = 0;
  private closed = false;
  private lastPurgeAt = 0;
  private purging: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ChdbStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    const memoryArgs = [`--max_memory_usage=${options.queryLimits.maxMemoryBytes}`];
    this.writer = new Session(options.dataDir, {
      connectionArgs: [...COMMON_ARGS, ...memoryArgs, `--max_server_memory_usage=${options.maxServerMemoryBytes}`, ...cacheArgs(options.caches), '--max_compress_block_size=131072'],
    });
    this.readers = Array.from(
      { length: Math.max(1, options.querySessions) },
      () =>
        new Session(options.dataDir, {
          connectionArgs: [...COMMON_ARGS, ...memoryArgs, `--max_execution_time=${options.queryLimits.maxExecutionSeconds}`],
        }),
    );
    this.staging = stagingDirectory(options.dataDir);
  }

  private reader(): Session {
    const session = this.readers[this.nextReader % this.readers.length] as Session;
    this.nextReader++;
    return session;
  }

  async query<Row>(query: SqlFragment, limits: QueryLimits = {}): Promise<Row[]> {
    const { text, params } = render(query);
    const full = text + limitSettings(limits);
    try {
      const session = this.reader();
      const result =
        Object.keys(params).length === 0
          ? await session.queryAsync(full, { format: 'JSONEachRow' })
          : await session.queryBindAsync(full, params, { format: 'JSONEachRow' });
      return parseJsonEachRow<Row>(result.text());
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async command(statement: SqlFragment): Promise<void> {
    const { text, params } = render(statement);
    try {
      if (Object.keys(params).length === 0) await this.writer.queryAsync(text);
      else await this.writer.queryBindAsync(text, params);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async insertRowBinary(target: InsertTarget, chunks: readonly Uint8Array[]): Promise<void> {
    if (chunks.length === 0) return;
    const file = path.join(this.staging, `${target.table}-${++this.fileCounter}.bin`);
    const columns = target.columns.map((column) => `\`${column.name}\``).join(', ');
    const structure = target.columns.map((column) => `${column.name} ${column.type}`).join(', ');
    // The file path and structure are generated here, never from input; RowBinary data stays in the file.
    const statement = `INSERT INTO \`${target.table}\` (${columns}) SELECT * FROM file('${file}', 'RowBinary', '${structure.replaceAll("'", "\\'")}')`;
    await writeFile(file, chunks);
    try {
      await this.writer.queryAsync(statement);
    } catch (error) {
      throw toStoreError(error);
    } finally {
      await unlink(file).catch(() => undefined);
    }
    this.returnFreedMemory();
  }

  /**
   * Inserts and merges free memory the allocator keeps for reuse; in the embedded engine nothing
   * hands it back to the OS, so RSS would ratchet up under steady ingest. Returning it every few
   * hundred milliseconds keeps peak RSS ~30% lower for a few percent of insert throughput (measured).
   */
  private returnFreedMemory(): void {
    const now = Date.now();
    if (now - this.lastPurgeAt < PURGE_INTERVAL_MS || this.closed) return;
    this.lastPurgeAt = now;
    this.purging = this.writer.queryAsync('SYSTEM JEMALLOC PURGE').catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.purging;
    for (const session of this.readers) session.close();
    this.writer.close();
    rmSync(this.staging, { recursive: true, force: true });
  }
}
