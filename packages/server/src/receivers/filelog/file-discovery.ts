import { glob } from 'tinyglobby';
import type { FileOffset } from './file-offset-store.ts';
import { parseFingerprint, sameStart } from './file-fingerprint.ts';
import type { FileLogIncludeGroup } from './filelog-config.ts';
import { identityKey, type FileIdentity } from './tracked-file.ts';

/** Every file the include groups match now, with the index of the first group matching it. */
export async function matchFiles(groups: readonly FileLogIncludeGroup[]): Promise<Map<string, number>> {
  const matched = new Map<string, number>();
  for (const [index, group] of groups.entries()) {
    const paths = await glob(group.paths, { absolute: true, onlyFiles: true, expandDirectories: false, ignore: group.exclude });
    for (const path of paths.sort()) if (!matched.has(path)) matched.set(path, index);
  }
  return matched;
}

export interface StartPosition {
  /** What is known of the file, when it was followed before (maybe at another path). */
  readonly known: FileOffset | undefined;
  readonly size: number;
  readonly head: Uint8Array;
  /** No offset was ever saved: files already there are read from `startAt`. */
  readonly firstStart: boolean;
  readonly startAt: 'end' | 'beginning';
}

/**
 * Where to start reading a file found at start-up: where it was left when it is the same file (same
 * inode and same first bytes), from 0 when it shrank since; a file never seen is read whole, except
 * at the very first start, where `startAt` decides.
 */
export function startOffset(position: StartPosition): number {
  const known = position.known;
  const fingerprint = known === undefined ? undefined : parseFingerprint(known.fingerprint);
  if (known !== undefined && fingerprint !== undefined && sameStart(fingerprint, position.head)) {
    return known.offset <= position.size ? known.offset : 0;
  }
  if (position.firstStart && position.startAt === 'end') return position.size;
  return 0;
}

/** Saved offsets by file identity. */
export function offsetsByIdentity(offsets: readonly FileOffset[]): Map<string, FileOffset> {
  return new Map(offsets.map((offset) => [identityKey({ dev: offset.dev, inode: offset.inode } satisfies FileIdentity), offset]));
}
