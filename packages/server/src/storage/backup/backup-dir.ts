import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCodes } from '../../errors.ts';

/**
 * Checks that `dir` can receive a backup or a restored store: an absolute path without NUL bytes
 * that does not exist yet or is an empty directory. Nothing is ever written over or beside
 * existing files. Returns the normalized path.
 */
export function checkEmptyOrNewDir(dir: string, what: string): string {
  if (dir.length === 0 || dir.includes('\0')) throw new AppError(ErrorCodes.QUERY_INVALID, `${what}: the path is empty or contains a NUL byte`);
  if (!path.isAbsolute(dir)) throw new AppError(ErrorCodes.QUERY_INVALID, `${what}: the path must be absolute, got "${dir}"`);
  const normalized = path.normalize(dir);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(normalized).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return normalized;
    throw new AppError(ErrorCodes.QUERY_INVALID, `${what}: cannot inspect "${normalized}": ${(error as Error).message}`);
  }
  if (!isDirectory) throw new AppError(ErrorCodes.CONFLICT, `${what}: "${normalized}" exists and is not a directory`);
  if (readdirSync(normalized).length > 0) throw new AppError(ErrorCodes.CONFLICT, `${what}: "${normalized}" is not empty`);
  return normalized;
}
