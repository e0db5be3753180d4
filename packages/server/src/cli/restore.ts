import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { ChdbStore } from '../storage/chdb/chdb-store.ts';
import { checkEmptyOrNewDir } from '../storage/backup/backup-dir.ts';
import { restoreBackup, type RestoreEvent } from '../storage/backup/restore-backup.ts';
import { formatRowChecks, type RowCheck } from './backup-report.ts';

export const RESTORE_USAGE = `Usage: sightline restore <dir> --data-dir DIR [--config FILE] [--set PATH=VALUE]

Restores a backup made by \`sightline backup\` into DIR, a data directory that must not exist or be
empty. Run it with no server on DIR; start the server on DIR afterwards. Prints the rows per table.`;

function describe(event: RestoreEvent): string | undefined {
  switch (event.type) {
    case 'manifest':
      return `backup of ${event.manifest.createdAt}: schema version ${event.manifest.schemaVersion}, ${event.manifest.tables.length} tables`;
    case 'schema':
      return `schema version ${event.version} created`;
    case 'table':
      return `restored ${event.table}: ${event.rows} rows in ${event.parts} parts (${event.done}/${event.total})`;
    case 'migrated':
      return event.versions.length === 0 ? undefined : `migrated to schema version ${event.versions.at(-1)}`;
    default:
      return undefined;
  }
}

/** `sightline restore`; resolves to the process exit code. */
export async function runRestore(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, config: { type: 'string' }, set: { type: 'string', multiple: true }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true || positionals.length !== 1) {
    console.log(RESTORE_USAGE);
    return values.help === true ? 0 : 2;
  }
  const flags: Record<string, string> = {};
  for (const assignment of values.set ?? []) {
    const split = assignment.indexOf('=');
    if (split <= 0) throw new Error(`--set expects PATH=VALUE, got "${assignment}"`);
    flags[assignment.slice(0, split)] = assignment.slice(split + 1);
  }
  if (values['data-dir'] !== undefined) flags.dataDir = values['data-dir'];
  const config = loadConfig({ file: values.config, env: process.env, flags });
  // Checked before the engine opens it (opening creates files); a running server's directory is never empty.
  const dataDir = checkEmptyOrNewDir(path.resolve(config.dataDir), 'data directory');
  const store = new ChdbStore({
    dataDir,
    querySessions: 1,
    maxServerMemoryBytes: config.storage.memoryBudgetBytes,
    queryLimits: { maxMemoryBytes: config.query.maxMemoryBytes, maxExecutionSeconds: 0 },
  });
  const checks: RowCheck[] = [];
  try {
    await restoreBackup(store, {
      dir: path.resolve(positionals[0] as string),
      retention: { traces: config.retention.tracesDays, logs: config.retention.logsDays, metrics: config.retention.metricsDays },
      onProgress: (event) => {
        if (event.type === 'verified') checks.push(event);
        const text = describe(event);
        if (text !== undefined) console.log(text);
      },
    });
  } finally {
    if (checks.length > 0) for (const line of formatRowChecks(checks)) console.log(line);
    await store.close();
  }
  console.log(`restore complete: ${dataDir}`);
  return 0;
}
