// A disk that loses what was never synced, as a power cut does (a SIGKILL cannot show this: the page cache survives it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AppendOnlyFile, OpenAppendOnly } from '../../../../electron/main/services/file-port.ts';

/**
 * Each file's bytes are held in two parts: synced (on the platter) and pending (still in the cache). `cut()` keeps
 * the synced bytes and only a strict prefix of the pending ones (some of the cache may have been flushed, never all
 * of it), writes that to the real file for the loader, and refuses every later write.
 */
export class PowerCutDisk {
  private readonly files = new Map<string, { synced: Buffer; pending: Buffer[] }>();
  /** False once the power was cut. */
  powered = true;

  constructor(private readonly random: () => number = Math.random) {}

  readonly open: OpenAppendOnly = async (filePath) => {
    this.check();
    let state = this.files.get(filePath);
    if (!state) {
      state = { synced: existsSync(filePath) ? readFileSync(filePath) : Buffer.alloc(0), pending: [] };
      this.files.set(filePath, state);
    }
    const file = state;
    const handle: AppendOnlyFile = {
      append: async (text) => {
        this.check();
        file.pending.push(Buffer.from(text, 'utf8'));
      },
      sync: async () => {
        this.check();
        file.synced = Buffer.concat([file.synced, ...file.pending]);
        file.pending = [];
      },
      // Closing does not flush to the platter: only sync does.
      close: async () => undefined,
    };
    return handle;
  };

  /** The power goes: each file keeps its synced bytes and part of its pending ones; nothing is written after. */
  cut(): void {
    this.powered = false;
    for (const [filePath, file] of this.files) {
      const pending = Buffer.concat(file.pending);
      const kept = pending.length === 0 ? 0 : Math.floor(this.random() * pending.length);
      writeFileSync(filePath, Buffer.concat([file.synced, pending.subarray(0, kept)]));
    }
  }

  private check(): void {
    if (!this.powered) throw new Error('power lost');
  }
}
