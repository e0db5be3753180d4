/**
 * How far a followed file has been stored. The file is known by its device and inode (decimal
 * strings: they can exceed 2^53) plus a fingerprint of its first bytes, which tells a reused inode
 * from the file that had it.
 */
export interface FileOffset {
  /** The path the file was last followed at (the key it is saved under). */
  readonly path: string;
  readonly dev: string;
  readonly inode: string;
  /** `<n>:<sha256 hex of the first n bytes>`, n at most FINGERPRINT_BYTES. */
  readonly fingerprint: string;
  /** Bytes from the start of the file up to the end of the last committed record. */
  readonly offset: number;
}

/** Where the file-tail receiver keeps its offsets between runs; main.ts passes an implementation in. */
export interface FileOffsetStore {
  load(): Promise<FileOffset[]>;
  /** Saves these offsets; a later save of the same path wins. */
  save(offsets: readonly FileOffset[]): Promise<void>;
  /** Forgets the offsets of files no longer followed. */
  remove(paths: readonly string[]): Promise<void>;
}
