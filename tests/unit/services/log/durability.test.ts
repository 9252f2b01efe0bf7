// Durability: a power cut loses no acknowledged entry (only fsync'd bytes count), a SIGKILLed writer neither, and
// loading reports any torn tail.
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import { tempDir } from './test-helpers.ts';
import { PowerCutDisk } from './power-cut-disk.ts';

const child = fileURLToPath(new URL('./append-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('durability', () => {
  // Each run cuts the power at a different moment, with appends in flight and part of the cache flushed.
  it.each([1, 2, 3, 4, 5])('keeps every acknowledged entry through a power cut (run %i)', async (seed) => {
    const { file, cleanup } = tempDir();
    try {
      let state = seed * 7919;
      const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
      const disk = new PowerCutDisk(random);
      let n = 0;
      const log = await LogService.open(file, { decodeItemTime: () => null, newId: () => `p${++n}`, openFile: disk.open });
      const account = { id: 'acc', handle: 'acme', name: 'Acme', kind: 'brand' as const };
      const acked: string[] = [];
      const cutAfter = 40 + Math.floor(random() * 80);
      await new Promise<void>((resolve) => {
        // Bursts of appends, as a busy app makes them; the power goes once `cutAfter` entries were acknowledged.
        const burst = () => {
          if (!disk.powered) return;
          for (let k = 0; k < 6; k++) {
            log.recordReply({ account, platform: 'x', replyToId: `item${k}`, sentAt: new Date(), excerpt: 'x'.repeat(200) }).then(
              (id) => {
                acked.push(id);
                if (acked.length === cutAfter) {
                  disk.cut();
                  resolve();
                }
              },
              // Writes after the cut fail, as they would: the app reports them unsaved.
              () => undefined,
            );
          }
          setImmediate(burst);
        };
        burst();
      });

      const reopened = await LogService.open(file, { decodeItemTime: () => null, readOnly: true });
      for (const id of acked) expect(reopened.entry(id), `acknowledged ${id} lost`).not.toBeNull();
      for (const skipped of reopened.loadReport.skipped) expect(skipped.reason).toMatch(/torn last line/);
      await reopened.close();
    } finally {
      cleanup();
    }
  });

  // A kill leaves the OS page cache intact, so this one cannot tell a missing fsync; it shows torn tails are handled.
  it('keeps every acknowledged entry after SIGKILL', async () => {
    const { file, cleanup } = tempDir();
    try {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      const acked: string[] = [];
      let partial = '';
      let stderr = '';
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        proc.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
        proc.stdout.on('data', (chunk: Buffer) => {
          const text = partial + chunk.toString();
          const lines = text.split('\n');
          partial = lines.pop() ?? '';
          acked.push(...lines.filter(Boolean));
          if (acked.length >= 400) resolve();
        });
      });
      proc.removeAllListeners('exit');
      const exited = new Promise((resolve) => proc.on('exit', resolve));
      proc.kill('SIGKILL');
      await exited;

      const log = await LogService.open(file, { decodeItemTime: () => null, readOnly: true });
      for (const id of acked) expect(log.entry(id), id).not.toBeNull();
      const lines = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.length > 0);
      expect(log.loadReport.total + log.loadReport.skipped.length).toBe(lines.length);
      // At most the very last line can be torn by the kill.
      for (const skipped of log.loadReport.skipped) {
        expect(skipped.line).toBe(lines.length);
        expect(skipped.reason).toMatch(/torn last line/);
      }
      await log.close();
    } finally {
      cleanup();
    }
  }, 30_000);

  it('recovers from a last line cut by hand mid-write, then appends cleanly', async () => {
    const { file, cleanup } = tempDir();
    try {
      let n = 0;
      const log = await LogService.open(file, { decodeItemTime: () => null, newId: () => `k${++n}` });
      const account = { id: 'acc', handle: 'acme', name: 'Acme', kind: 'brand' as const };
      for (let i = 0; i < 50; i++) await log.recordReply({ account, platform: 'x', replyToId: `i${i}`, sentAt: new Date(), excerpt: null });
      await log.close();
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.length - Math.floor(text.length / 100))); // cut well inside line 50
      const reopened = await LogService.open(file, { decodeItemTime: () => null, newId: () => 'after' });
      expect(reopened.loadReport.total).toBe(49);
      expect(reopened.loadReport.skipped).toEqual([{ line: 50, reason: expect.stringMatching(/^torn last line/) }]);
      await reopened.recordReply({ account, platform: 'x', replyToId: 'next', sentAt: new Date(), excerpt: null });
      await reopened.close();
      const final = await LogService.open(file, { decodeItemTime: () => null, readOnly: true });
      expect(final.loadReport.total).toBe(50);
      expect(final.entry('after')).not.toBeNull();
      expect(final.loadReport.skipped).toEqual([{ line: 50, reason: 'invalid JSON' }]);
    } finally {
      cleanup();
    }
  });
});
