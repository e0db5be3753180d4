import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** One data part of a MergeTree table, as a directory of files. */
export interface PartDir {
  readonly name: string;
  readonly rows: number;
  readonly bytes: number;
}

/** Part names are engine-made (`<partition>_<min>_<max>_<level>[_<mutation>]`); anything else is refused. */
const PART_NAME = /^[A-Za-z0-9_-]+$/;

export function isPartName(name: string): boolean {
  return PART_NAME.test(name) && name !== '.' && name !== '..';
}

async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await treeBytes(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

/** The parts under `dir` (a table's frozen or backed-up folder); none when it does not exist. */
export async function listParts(dir: string): Promise<PartDir[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parts: PartDir[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !isPartName(entry.name)) continue;
    const full = path.join(dir, entry.name);
    // Every part records its row count in count.txt (the engine's own trivial-count source).
    const rows = Number((await readFile(path.join(full, 'count.txt'), 'utf8')).trim());
    if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`part ${full}: unreadable count.txt`);
    parts.push({ name: entry.name, rows, bytes: await treeBytes(full) });
  }
  return parts.sort((a, b) => a.name.localeCompare(b.name));
}

/** Copies a directory tree file by file; `onBytes` is told after each file. */
export async function copyTree(from: string, to: string, onBytes: (bytes: number) => void): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target, onBytes);
    else if (entry.isFile()) {
      await copyFile(source, target);
      onBytes((await stat(target)).size);
    }
  }
}

export function sumParts(parts: readonly PartDir[]): { rows: number; bytes: number } {
  return parts.reduce((total, part) => ({ rows: total.rows + part.rows, bytes: total.bytes + part.bytes }), { rows: 0, bytes: 0 });
}
