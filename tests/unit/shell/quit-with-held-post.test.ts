// Quitting with a brand post held, with the real services: the post is cancelled, audited, and in the log file before exit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/accounts/account.ts';
import { createAppServices } from '../../../electron/main/services/app-services.ts';
import type { ShellPort } from '../../../electron/main/services/accounts/account-service.ts';
import { ShutdownSequence } from '../../../electron/main/shell/shutdown-sequence.ts';
import { tempDirForTest } from '../services/accounts/fixtures.ts';

class RecordingShell implements ShellPort {
  covered = new Set<string>();
  show(): void {}
  async forget(): Promise<void> {}
  accountsChanged(_accounts: readonly Account[]): void {}
  setViewBounds(): void {}
  setCovered(owner: string, covered: boolean): void {
    if (covered) this.covered.add(owner);
    else this.covered.delete(owner);
  }
  reloadView(): void {}
  stoppedViews(): string[] {
    return [];
  }
}

describe('quitting with a post held', () => {
  it('cancels it, writes its audit entry, and exits only once the log holds it', async () => {
    const { dir } = tempDirForTest();
    const logPath = join(dir, 'hatrack-log.jsonl');
    const shell = new RecordingShell();
    const services = await createAppServices({
      storePath: join(dir, 'hatrack.json'),
      createStoreBackend: () => new Conf<Record<string, unknown>>({ cwd: dir, configName: 'hatrack', clearInvalidConfig: false, projectName: 'hatrack' }),
      logPath,
      createShell: () => shell,
      files: { saveAs: async () => null, openFile: async () => null, htmlToPdf: async () => new Uint8Array() },
      send: () => undefined,
      appOrigin: 'app://hatrack',
      systemLocale: 'en-US',
      timeZone: 'Europe/Paris',
    });
    const brand = services.accounts.create({
      name: 'Acme',
      handle: 'acme',
      platform: 'mastodon',
      instance: 'mastodon.social',
      kind: 'brand',
      color: '#facc15',
    });
    const verdict = services.gate.intercept(brand.id, 'req-1', {
      method: 'POST',
      url: 'https://mastodon.social/api/v1/statuses',
      headers: { 'content-type': 'application/json' },
      body: new TextEncoder().encode(JSON.stringify({ status: 'Launch day!' })),
    });
    expect(services.gate.queue()).toHaveLength(1);
    expect(shell.covered.has('gate')).toBe(true);

    const exits: number[] = [];
    let exitedWith: string | null = null;
    const sequence = new ShutdownSequence({
      teardownViews: () => undefined,
      cancelHeld: (reason) => services.rendererGone(reason),
      unregisterIpc: () => undefined,
      flush: () => services.dispose(),
      exit: (code) => {
        exits.push(code);
        exitedWith = readFileSync(logPath, 'utf8');
      },
      report: (where, error) => {
        throw new Error(`${where}: ${String(error)}`);
      },
    });
    sequence.willQuit({ preventDefault: () => undefined });
    await expect(verdict).resolves.toBe('cancel');
    await sequence.done;
    expect(exits).toEqual([0]);
    const lines = (exitedWith ?? '')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; decision?: string; requestId?: string });
    expect(lines).toContainEqual(expect.objectContaining({ type: 'gate', decision: 'failed-closed', requestId: 'req-1' }));
  });
});
