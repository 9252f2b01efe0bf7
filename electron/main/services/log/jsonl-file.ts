// The append-only JSONL file: a streaming loader that survives torn and corrupt lines, and a group-committing,
// fsync'ing appender whose promises resolve only once the bytes are on disk.
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import type { AppendOnlyFile, OpenAppendOnly } from '../file-port.ts';

/** The real disk: one O_APPEND descriptor; `sync` is fsync. */
export const openNodeAppendOnly: OpenAppendOnly = async (filePath) => {
  const handle = await open(filePath, 'a', 0o600);
  return {
    append: (text) => handle.appendFile(text, 'utf8'),
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
};

/** A line the loader could not use, with its 1-based line number. */
export interface SkippedLine {
  line: number;
  reason: string;
}

/** What loading found besides the good lines. */
export interface LoadResult {
  /** Non-empty lines seen (good and skipped). */
  lines: number;
  skipped: SkippedLine[];
  /** True when the file's last byte is not a newline: the next append must start a new line first. */
  endsTorn: boolean;
  /** Lines holding bytes that are not UTF-8 (read with U+FFFD in their place): how many, and the first line numbers. */
  invalidUtf8: { count: number; lines: number[] };
}

/** How many line numbers of invalid UTF-8 a load keeps (the count goes on). */
const MAX_INVALID_LINES = 100;

const CHUNK = 1 << 22;
const NEWLINE = 0x0a;

/**
 * Streams the file in chunks and hands each complete line's text to `onLine` (which may throw or return a
 * reason string to have the line skipped). `onBytes`, when given, first sees the line's raw bytes and may
 * take it (returning true), so common lines need no string at all. A missing file loads as empty. Never
 * throws for content problems.
 */
export async function loadJsonl(
  filePath: string,
  onLine: (text: string, lineNumber: number) => string | null,
  onBytes?: (bytes: Buffer, start: number, end: number) => boolean,
): Promise<LoadResult> {
  const result: LoadResult = { lines: 0, skipped: [], endsTorn: false, invalidUtf8: { count: 0, lines: [] } };
  let handle: FileHandle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return result;
    throw error;
  }
  let lineNumber = 0;
  const buffer = Buffer.allocUnsafe(CHUNK);
  // One check per chunk (simdutf, fast); lines are checked one by one only in a chunk that failed it, and
  // lines joined across chunks always (a character cut at the chunk's end fails the chunk check by itself).
  let chunkValid = true;
  const take = (bytes: Buffer, start: number, end: number, torn: boolean): void => {
    lineNumber++;
    if ((!chunkValid || bytes !== buffer) && !isUtf8(bytes.subarray(start, end))) {
      result.invalidUtf8.count++;
      if (result.invalidUtf8.lines.length < MAX_INVALID_LINES) result.invalidUtf8.lines.push(lineNumber);
    }
    // Lines from the fast path start with '{', so they are never blank.
    if (onBytes !== undefined && end > start && bytes[start] === 0x7b && onBytes(bytes, start, end)) {
      result.lines++;
      return;
    }
    const text = bytes.toString('utf8', start, end);
    if (text.trim() === '') return;
    result.lines++;
    let reason: string | null;
    try {
      reason = onLine(text, lineNumber);
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    // A complete-looking last line without its newline is kept; a cut one is reported as torn.
    if (reason !== null) result.skipped.push({ line: lineNumber, reason: torn ? `torn last line (no newline at end of file): ${reason}` : reason });
  };
  try {
    let carry: Buffer | null = null;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      chunkValid = isUtf8(buffer.subarray(0, bytesRead));
      let start = 0;
      let newline = buffer.indexOf(NEWLINE, 0);
      while (newline !== -1 && newline < bytesRead) {
        if (carry !== null) {
          const joined = Buffer.concat([carry, buffer.subarray(0, newline)]);
          take(joined, 0, joined.length, false);
          carry = null;
        } else {
          take(buffer, start, newline, false);
        }
        start = newline + 1;
        newline = buffer.indexOf(NEWLINE, start);
      }
      if (start < bytesRead) {
        // Copy: the shared read buffer is overwritten by the next chunk.
        const rest = Buffer.from(buffer.subarray(start, bytesRead));
        carry = carry === null ? rest : Buffer.concat([carry, rest]);
      }
    }
    if (carry !== null && carry.length > 0) {
      result.endsTorn = true;
      take(carry, 0, carry.length, true);
    }
  } finally {
    await handle.close();
  }
  return result;
}

interface Pending {
  text: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Options for the appender. */
export interface AppenderOptions {
  /** Start with a newline because the file ends with a torn fragment. */
  startWithNewline?: boolean;
  /** Extra wait, in ms (0–5), to gather appends into one write; 0 batches what arrives in the same tick. */
  groupCommitMs?: number;
  /** How the file is opened (the real disk unless a test simulates one). */
  openFile?: OpenAppendOnly;
}

/**
 * Appends lines through one open O_APPEND descriptor. Appends arriving while a write is in flight (or within
 * the group-commit window) share one write and one fsync; each promise resolves after that fsync.
 */
export class JsonlAppender {
  private queue: Pending[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  private needsNewline: boolean;
  private closed = false;

  private constructor(
    private readonly file: AppendOnlyFile,
    private readonly groupCommitMs: number,
    startWithNewline: boolean,
  ) {
    this.needsNewline = startWithNewline;
  }

  /** Opens (creating) the file for appending. */
  static async open(filePath: string, options: AppenderOptions = {}): Promise<JsonlAppender> {
    const file = await (options.openFile ?? openNodeAppendOnly)(filePath);
    const wait = Math.min(5, Math.max(0, options.groupCommitMs ?? 0));
    return new JsonlAppender(file, wait, options.startWithNewline ?? false);
  }

  /** Appends one line (without its newline); resolves once it is fsync'd. */
  append(line: string): Promise<void> {
    return this.appendMany([line]);
  }

  /** Appends several lines in one write (all or none reach the queue); resolves once they are fsync'd. */
  appendMany(lines: readonly string[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('log file is closed'));
    if (lines.length === 0) return Promise.resolve();
    // A newline inside a line would split one entry into two unreadable ones.
    if (lines.some((line) => line.includes('\n'))) return Promise.reject(new Error('a log line cannot contain a newline'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ text: lines.join('\n'), resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing !== null) return;
    this.scheduled = true;
    const run = (): void => {
      this.scheduled = false;
      void this.flushLoop();
    };
    if (this.groupCommitMs > 0) setTimeout(run, this.groupCommitMs);
    else setImmediate(run);
  }

  private async flushLoop(): Promise<void> {
    if (this.flushing !== null) return;
    let done!: () => void;
    this.flushing = new Promise<void>((resolve) => (done = resolve));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        let text = batch.map((item) => item.text).join('\n') + '\n';
        if (this.needsNewline) text = '\n' + text;
        try {
          await this.file.append(text);
          this.needsNewline = false;
          // Acknowledged only once on disk: without this, a power cut loses entries the app reported as saved.
          await this.file.sync();
          for (const item of batch) item.resolve();
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          for (const item of batch) item.reject(failure);
        }
      }
    } finally {
      this.flushing = null;
      done();
    }
  }

  /** Waits for queued appends, then closes the descriptor. */
  async close(): Promise<void> {
    while (this.scheduled || this.flushing !== null || this.queue.length > 0) {
      if (this.flushing !== null) await this.flushing;
      else await new Promise((resolve) => setTimeout(resolve, 1));
    }
    this.closed = true;
    await this.file.close();
  }
}
