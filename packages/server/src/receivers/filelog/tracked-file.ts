import type { FileHandle } from 'node:fs/promises';
import type { ResourceInfo } from '../../signals/resource.ts';
import type { FileOffset } from './file-offset-store.ts';
import { fingerprintOf, formatFingerprint, readHead, sameStart, type Fingerprint } from './file-fingerprint.ts';
import { LineSplitter } from './line-splitter.ts';
import { MultilineAggregator, type MultilineOptions, type RecordText } from './multiline-aggregator.ts';

/** What an include group gives the files it matched. */
export interface FileGroup {
  readonly index: number;
  readonly resource: ResourceInfo;
  readonly multiline: MultilineOptions;
}

export interface FileIdentity {
  readonly dev: string;
  readonly inode: string;
}

export function identityKey(identity: FileIdentity): string {
  return `${identity.dev}:${identity.inode}`;
}

const READ_CHUNK = 64 * 1024;

export interface ReadResult {
  readonly records: RecordText[];
  readonly bytesRead: number;
  /** The read reached the current end of the file. */
  readonly atEnd: boolean;
}

/**
 * One file being followed, through a descriptor kept open so a rotated-away file can be read to its
 * end. Offsets: `readOffset` is how far bytes were read, `committedOffset` how far records are stored.
 * `generation` changes when the file restarts at 0, so records read before do not move the offset.
 */
export class TrackedFile {
  readonly key: string;
  /** No longer at a matched path: read to its end, then closed. */
  gone = false;
  /** Discovery passes since the file left its path. */
  goneCycles = 0;
  generation = 0;
  committedOffset: number;
  /** The offset or fingerprint changed since they were last saved. */
  dirty = true;
  private readonly splitter: LineSplitter;
  private readonly multiline: MultilineAggregator;
  private lastSize = -1;
  private lastModifiedMs = -1;

  constructor(
    private readonly handle: FileHandle,
    readonly identity: FileIdentity,
    public path: string,
    public group: FileGroup,
    private fingerprint: Fingerprint,
    startOffset: number,
    maxLineBytes: number,
  ) {
    this.key = identityKey(identity);
    this.committedOffset = startOffset;
    this.splitter = new LineSplitter(maxLineBytes, startOffset);
    this.multiline = new MultilineAggregator(group.multiline);
  }

  get readOffset(): number {
    return this.splitter.offset;
  }

  /**
   * Checks the file at its path still starts as it did: a file now shorter than what was read, or
   * whose first bytes changed, was truncated (copytruncate) and is read again from 0. Returns the
   * record that was pending before, if any (its lines were complete and belong to the old content).
   */
  async checkStart(size: number, modifiedMs: number): Promise<{ truncated: boolean; pending: RecordText | undefined }> {
    if (size === this.lastSize && modifiedMs === this.lastModifiedMs) return { truncated: false, pending: undefined };
    this.lastSize = size;
    this.lastModifiedMs = modifiedMs;
    const shrunk = size < this.splitter.offset;
    const head = shrunk ? new Uint8Array(0) : await readHead(this.handle);
    if (!shrunk && sameStart(this.fingerprint, head)) {
      if (head.length > this.fingerprint.bytes) {
        this.fingerprint = fingerprintOf(head);
        this.dirty = true;
      }
      return { truncated: false, pending: undefined };
    }
    const pending = this.multiline.flush();
    this.splitter.reset(0);
    this.generation++;
    this.committedOffset = 0;
    this.fingerprint = fingerprintOf(shrunk ? await readHead(this.handle) : head);
    this.dirty = true;
    return { truncated: true, pending };
  }

  /** Reads new complete lines, at most about `maxBytes`, and returns the records they complete. */
  async read(maxBytes: number, nowMs: number): Promise<ReadResult> {
    const records: RecordText[] = [];
    const buffer = Buffer.alloc(READ_CHUNK);
    let bytesRead = 0;
    for (;;) {
      const result = await this.handle.read(buffer, 0, READ_CHUNK, this.splitter.offset);
      if (result.bytesRead === 0) return { records, bytesRead, atEnd: true };
      bytesRead += result.bytesRead;
      for (const line of this.splitter.push(buffer.subarray(0, result.bytesRead))) records.push(...this.multiline.add(line, nowMs));
      if (bytesRead >= maxBytes) return { records, bytesRead, atEnd: false };
    }
  }

  flushIfIdle(nowMs: number): RecordText | undefined {
    return this.multiline.flushIfIdle(nowMs);
  }

  /** The pending record and, with `partialLine`, an unfinished last line too (the file will not grow). */
  flush(partialLine: boolean, nowMs: number): RecordText[] {
    const records: RecordText[] = [];
    const pending = this.multiline.flush();
    if (pending !== undefined) records.push(pending);
    const partial = partialLine ? this.splitter.flushPartial() : undefined;
    if (partial !== undefined) {
      records.push(...this.multiline.add(partial, nowMs));
      const last = this.multiline.flush();
      if (last !== undefined) records.push(last);
    }
    return records;
  }

  /** Moves the committed offset after records of this generation up to `endOffset` were stored. */
  committed(generation: number, endOffset: number): void {
    if (generation !== this.generation || endOffset <= this.committedOffset) return;
    this.committedOffset = endOffset;
    this.dirty = true;
  }

  toOffset(): FileOffset {
    return { path: this.path, dev: this.identity.dev, inode: this.identity.inode, fingerprint: formatFingerprint(this.fingerprint), offset: this.committedOffset };
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
