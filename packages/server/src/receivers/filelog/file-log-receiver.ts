import { open, stat } from 'node:fs/promises';
import os from 'node:os';
import type { LogRow } from '../../signals/log-record.ts';
import type { RowSink } from '../../pipeline/row-sink.ts';
import { fingerprintOf, readHead } from './file-fingerprint.ts';
import { matchFiles, offsetsByIdentity, startOffset } from './file-discovery.ts';
import type { FileOffset, FileOffsetStore } from './file-offset-store.ts';
import { DEFAULT_FILE_LOG_SERVICE, type FileLogConfig } from './filelog-config.ts';
import { fileLogResource, fileLogRow } from './log-row-builder.ts';
import type { RecordText } from './multiline-aggregator.ts';
import { writeUntilStored } from './retrying-write.ts';
import { identityKey, TrackedFile, type FileGroup } from './tracked-file.ts';

export interface FileLogReceiverDeps {
  readonly sink: RowSink;
  readonly offsets: FileOffsetStore;
  /** `host.name` of the records; os.hostname() by default. */
  readonly hostName?: string;
  /** Problems that do not stop the receiver (unreadable files, failed writes being retried). */
  readonly onError?: (message: string, error: unknown) => void;
}

export interface FileLogStats {
  readonly filesFollowed: number;
  readonly recordsStored: number;
  readonly writeRetries: number;
  readonly errors: number;
}

interface BatchEntry {
  readonly row: LogRow;
  readonly file: TrackedFile;
  readonly generation: number;
  readonly endOffset: number;
}

const BATCH_MAX_ROWS = 2000;
const BATCH_MAX_CHARS = 4 * 1024 * 1024;
const READ_STEP_BYTES = 1024 * 1024;
/** A file with more waiting than this is read on in the next pass, so discovery is not held up. */
const MAX_BYTES_PER_PASS = 16 * 1024 * 1024;
/** A file that left its path is closed once it stayed at its end for this many passes after. */
const GONE_PASSES_BEFORE_CLOSE = 2;

/**
 * Follows the files matched by the include globs and stores their new lines as log records (see
 * filelog-config.ts). Each pass finds files, reads them (rotated-away ones first, to their end),
 * writes the records, and only then saves how far each file is stored, so a restart neither loses
 * nor repeats lines. Under back-pressure it stops reading and retries the same rows.
 */
export class FileLogReceiver {
  private readonly groups: FileGroup[];
  private readonly files = new Map<string, TrackedFile>();
  private readonly abort = new AbortController();
  private batch: BatchEntry[] = [];
  private batchChars = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private stats = { recordsStored: 0, writeRetries: 0, errors: 0 };
  /** Paths that could not be opened, reported once until they can. */
  private readonly failing = new Set<string>();

  constructor(
    private readonly config: FileLogConfig,
    private readonly deps: FileLogReceiverDeps,
  ) {
    const hostName = deps.hostName ?? os.hostname();
    this.groups = config.include.map((group, index) => ({
      index,
      resource: fileLogResource(hostName, group.service ?? DEFAULT_FILE_LOG_SERVICE),
      multiline: {
        lineStartPattern: group.multiline === undefined ? undefined : new RegExp(group.multiline.lineStartPattern),
        flushTimeoutMs: group.multiline?.flushTimeoutMs ?? 1000,
        maxRecordBytes: config.maxLineBytes,
      },
    }));
  }

  /** Loads the saved offsets, takes stock of the files there now, and starts polling. */
  async start(): Promise<void> {
    const saved = await this.deps.offsets.load();
    await this.discover({ known: offsetsByIdentity(saved), firstStart: saved.length === 0 });
    const followed = new Set([...this.files.values()].map((file) => file.path));
    const stale = saved.map((offset) => offset.path).filter((path) => !followed.has(path));
    if (stale.length > 0) await this.deps.offsets.remove(stale);
    await this.saveOffsets();
    this.schedule(0);
  }

  /** Stops polling, stores the records still pending, saves the offsets and closes the files. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.abort.abort();
      clearTimeout(this.timer);
      await this.running;
      const now = Date.now();
      for (const file of this.files.values()) this.add(file, file.flush(false, now));
      if (this.batch.length > 0) {
        try {
          await this.writeBatch();
        } catch (error) {
          this.report('records pending at stop could not be stored; they are read again at the next start', error);
        }
      }
      await this.saveOffsets();
      for (const file of this.files.values()) await file.close().catch(() => undefined);
      this.files.clear();
    })();
    return this.stopping;
  }

  snapshot(): FileLogStats {
    return { filesFollowed: this.files.size, ...this.stats };
  }

  private schedule(delayMs: number): void {
    if (this.abort.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((error: unknown) => {
          this.report('file log pass failed', error);
          return false;
        })
        .then((more) => this.schedule(more ? 0 : this.config.pollIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  /** One pass; true when a file has more to read right away. */
  private async pass(): Promise<boolean> {
    if (!(await this.flushBatch())) return false;
    await this.discover(undefined);
    let more = false;
    const toClose: TrackedFile[] = [];
    const ordered = [...this.files.values()].sort((a, b) => Number(b.gone) - Number(a.gone));
    for (const file of ordered) {
      const result = await this.readFile(file);
      if (result === undefined) return false;
      more ||= !result.atEnd;
      if (!file.gone || !result.atEnd) continue;
      const closing = result.bytesRead === 0 && file.goneCycles >= GONE_PASSES_BEFORE_CLOSE;
      this.add(file, file.flush(closing, Date.now()));
      if (closing) toClose.push(file);
    }
    const now = Date.now();
    for (const file of this.files.values()) {
      const record = file.flushIfIdle(now);
      if (record !== undefined) this.add(file, [record]);
    }
    if (!(await this.flushBatch())) return false;
    for (const file of toClose) await this.closeGone(file);
    await this.saveOffsets();
    return more;
  }

  /**
   * Looks at every matched path: a known file (maybe renamed) is checked for truncation, a new one is
   * opened and read from its start (or, at start-up, from its saved offset or `startAt`); a known file
   * no longer at any matched path is marked gone.
   */
  private async discover(startup: { known: Map<string, FileOffset>; firstStart: boolean } | undefined): Promise<void> {
    const matched = await matchFiles(this.config.include);
    const seen = new Set<string>();
    for (const [path, groupIndex] of matched) {
      const group = this.groups[groupIndex] as FileGroup;
      try {
        const stats = await stat(path, { bigint: true });
        const key = identityKey({ dev: String(stats.dev), inode: String(stats.ino) });
        if (seen.has(key)) continue;
        const known = this.files.get(key);
        if (known !== undefined) {
          seen.add(key);
          known.gone = false;
          known.goneCycles = 0;
          if (known.path !== path) known.dirty = true;
          known.path = path;
          const check = await known.checkStart(Number(stats.size), Number(stats.mtimeNs / 1_000_000n));
          if (check.pending !== undefined) this.add(known, [check.pending], known.generation - 1);
          continue;
        }
        const file = await this.openFile(path, group, startup);
        this.failing.delete(path);
        if (file !== undefined && !seen.has(file.key)) {
          seen.add(file.key);
          this.files.set(file.key, file);
        } else await file?.close();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !this.failing.has(path)) {
          this.failing.add(path);
          this.report(`cannot follow ${path}`, error);
        }
      }
    }
    for (const file of this.files.values()) {
      if (seen.has(file.key)) continue;
      file.gone = true;
      file.goneCycles++;
    }
  }

  private async openFile(path: string, group: FileGroup, startup: { known: Map<string, FileOffset>; firstStart: boolean } | undefined): Promise<TrackedFile | undefined> {
    const handle = await open(path, 'r');
    try {
      // The identity of what was opened: the path may have been rotated since it was looked at.
      const stats = await handle.stat({ bigint: true });
      const identity = { dev: String(stats.dev), inode: String(stats.ino) };
      if (this.files.has(identityKey(identity))) {
        await handle.close();
        return undefined;
      }
      const head = await readHead(handle);
      const size = Number(stats.size);
      const offset =
        startup === undefined
          ? 0
          : startOffset({ known: startup.known.get(identityKey(identity)), size, head, firstStart: startup.firstStart, startAt: this.config.startAt });
      return new TrackedFile(handle, identity, path, group, fingerprintOf(head), offset, this.config.maxLineBytes);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Reads what the file has now, writing full batches as they fill; undefined when stopped. */
  private async readFile(file: TrackedFile): Promise<{ atEnd: boolean; bytesRead: number } | undefined> {
    let total = 0;
    try {
      for (;;) {
        const result = await file.read(READ_STEP_BYTES, Date.now());
        total += result.bytesRead;
        this.add(file, result.records);
        if (this.batch.length >= BATCH_MAX_ROWS || this.batchChars >= BATCH_MAX_CHARS) {
          if (!(await this.flushBatch())) return undefined;
        }
        if (result.atEnd || total >= MAX_BYTES_PER_PASS) return { atEnd: result.atEnd, bytesRead: total };
      }
    } catch (error) {
      this.report(`cannot read ${file.path}`, error);
      return { atEnd: true, bytesRead: total };
    }
  }

  private add(file: TrackedFile, records: readonly RecordText[], generation = file.generation): void {
    for (const record of records) {
      this.batch.push({ row: fileLogRow(record, file.path, file.group.resource), file, generation, endOffset: record.endOffset });
      this.batchChars += record.text.length;
    }
  }

  /** Writes the batch, retrying until stored; false when stopped first (the batch is kept). */
  private async flushBatch(): Promise<boolean> {
    if (this.batch.length === 0) return true;
    return writeUntilStored(() => this.writeBatch(), this.abort.signal, {
      onRetry: (error, delayMs) => {
        this.stats.writeRetries++;
        this.report(`file log records not stored yet, retrying in ${delayMs} ms`, error);
      },
    });
  }

  private async writeBatch(): Promise<void> {
    const batch = this.batch;
    await this.deps.sink.write(
      'logs',
      'file_log',
      batch.map((entry) => entry.row),
    );
    for (const entry of batch) entry.file.committed(entry.generation, entry.endOffset);
    this.stats.recordsStored += batch.length;
    this.batch = [];
    this.batchChars = 0;
  }

  private async closeGone(file: TrackedFile): Promise<void> {
    this.files.delete(file.key);
    await file.close().catch((error: unknown) => this.report(`cannot close ${file.path}`, error));
    const pathReused = [...this.files.values()].some((other) => !other.gone && other.path === file.path);
    if (!pathReused) await this.deps.offsets.remove([file.path]).catch((error: unknown) => this.report('cannot forget a file offset', error));
  }

  /** Saves the offsets of files at their paths that changed; a failed save is tried again next pass. */
  private async saveOffsets(): Promise<void> {
    const changed = [...this.files.values()].filter((file) => file.dirty && !file.gone);
    if (changed.length === 0) return;
    try {
      await this.deps.offsets.save(changed.map((file) => file.toOffset()));
      for (const file of changed) file.dirty = false;
    } catch (error) {
      this.report('cannot save file offsets', error);
    }
  }

  private report(message: string, error: unknown): void {
    this.stats.errors++;
    (this.deps.onError ?? ((text, cause) => console.warn(`sightline filelog: ${text}:`, cause)))(message, error);
  }
}
