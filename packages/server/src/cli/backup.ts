import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupProgressEventSchema, type BackupProgressEvent } from '@sightline/contract';
import { formatBytes, formatRowChecks, type RowCheck } from './backup-report.ts';

export const BACKUP_USAGE = `Usage: sightline backup <dir> [--api-url URL]

Asks the running server to snapshot its whole store (telemetry and metadata) into <dir>, a path
on the server's machine that must not exist or be empty, and prints the progress and the rows per table.
  --api-url URL   the server's API (default http://127.0.0.1:8080)`;

function describe(event: BackupProgressEvent): string | undefined {
  switch (event.type) {
    case 'snapshot':
      return `snapshot taken: ${event.tables} tables, ${event.parts} parts, ${formatBytes(event.bytes)} to copy`;
    case 'table': {
      const percent = event.totalBytes === 0 ? 100 : Math.floor((event.copiedBytes / event.totalBytes) * 100);
      return `copied ${event.table}: ${event.rows} rows in ${event.parts} parts (${formatBytes(event.bytes)}) — ${percent}%`;
    }
    default:
      return undefined;
  }
}

/** `sightline backup`; resolves to the process exit code. */
export async function runBackup(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'api-url': { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (values.help === true || positionals.length !== 1) {
    console.log(BACKUP_USAGE);
    return values.help === true ? 0 : 2;
  }
  // The server resolves nothing: send it an absolute path, as meant from here.
  const dir = path.resolve(positionals[0] as string);
  const apiUrl = (values['api-url'] ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const response = await fetch(`${apiUrl}/api/v1/admin/backup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dir }),
  });
  if (!response.ok || response.body === null) {
    console.error(`sightline backup: the server answered ${response.status}: ${await response.text()}`);
    return 1;
  }
  const checks: RowCheck[] = [];
  let last: BackupProgressEvent | undefined;
  let buffered = '';
  const decoder = new TextDecoder();
  const handle = (line: string): void => {
    if (line.trim().length === 0) return;
    const event = backupProgressEventSchema.parse(JSON.parse(line));
    last = event;
    if (event.type === 'verified') checks.push(event);
    const text = describe(event);
    if (text !== undefined) console.log(text);
  };
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      handle(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  }
  handle(buffered);
  if (checks.length > 0) for (const line of formatRowChecks(checks)) console.log(line);
  if (last?.type === 'done') {
    const rows = last.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`backup complete: ${last.dir} (schema version ${last.manifest.schemaVersion}, ${last.manifest.tables.length} tables, ${rows} rows)`);
    return 0;
  }
  console.error(last?.type === 'error' ? `sightline backup: ${last.code}: ${last.message}` : 'sightline backup: the server ended the stream without finishing');
  return 1;
}
