import { statfs } from 'node:fs/promises';
import path from 'node:path';
import type { StorageVolume } from '@sightline/contract';

/**
 * Size and use of the filesystem holding `dir`. Free is what an unprivileged writer can use (blocks
 * reserved for root are neither free nor used), and used % is used / (used + free), as `df` shows it.
 */
export async function readVolume(dir: string): Promise<StorageVolume> {
  const stats = await statfs(dir);
  const block = stats.bsize;
  const totalBytes = stats.blocks * block;
  const freeBytes = stats.bavail * block;
  const usedBytes = (stats.blocks - stats.bfree) * block;
  const usable = usedBytes + freeBytes;
  const usedPercent = usable === 0 ? 0 : Math.min(100, (usedBytes / usable) * 100);
  return { path: path.resolve(dir), totalBytes, freeBytes, usedBytes, usedPercent };
}
