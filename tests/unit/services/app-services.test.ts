// The composition root builds every service in plain Node: the shell it is given is wired to the same gate and accounts.
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices, type ShellPorts } from '../../../electron/main/services/app-services.ts';
import type { ShellPort } from '../../../electron/main/services/accounts/account-service.ts';
import type { FilePort } from '../../../electron/main/services/file-port.ts';
import type { Account } from '../../../shared/accounts/account.ts';
import { NOW, tempDir, uuid } from './accounts/fixtures.ts';

/** A shell that keeps the ports it was built with and records what it was asked to show. */
class RecordingShell implements ShellPort {
  shown: Array<string | null> = [];
  constructor(readonly ports: ShellPorts) {}
  show(account: Account | null): void {
    this.shown.push(account?.id ?? null);
  }
  async forget(): Promise<void> {}
  accountsChanged(): void {}
  setViewBounds(): void {}
  setCovered(): void {}
  reloadView(): void {}
  stoppedViews(): string[] {
    return [];
  }
}

const noFiles: FilePort = {
  saveAs: async () => null,
  openFile: async () => null,
  htmlToPdf: async () => new Uint8Array(),
};

const open: AppServices<RecordingShell>[] = [];
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const services of open.splice(0)) await services.dispose();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

async function start(): Promise<AppServices<RecordingShell>> {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  let next = 1;
  let built = 0;
  const services = await createAppServices({
    storePath: join(temp.dir, 'hatrack.json'),
    createStoreBackend: () => new Conf<Record<string, unknown>>({ cwd: temp.dir, configName: 'hatrack', clearInvalidConfig: false, projectName: 'hatrack' }),
    logPath: join(temp.dir, 'hatrack-log.jsonl'),
    createShell: (ports) => {
      built++;
      return new RecordingShell(ports);
    },
    files: noFiles,
    send: () => undefined,
    appOrigin: 'app://hatrack',
    systemLocale: 'en-US',
    timeZone: 'Europe/Paris',
    now: () => NOW,
    newId: () => uuid(next++),
  });
  open.push(services);
  expect(built).toBe(1);
  return services;
}

describe('createAppServices', () => {
  it('builds the shell once, with the services’ own gate, and hands it back', async () => {
    const services = await start();
    expect(services.shell.ports.gate).toBe(services.gate);
    expect(services.shell.shown).toEqual([null]);
  });

  it('routes a shortcut from an account view to the account at that rail position', async () => {
    const services = await start();
    const first = await services.handlers['accounts:create']({ name: 'Acme', handle: '@acme', platform: 'x', kind: 'brand', color: '#1D4ED8' });
    const second = await services.handlers['accounts:create']({
      name: 'Jo',
      handle: 'jo.bsky.social',
      platform: 'bluesky',
      kind: 'personal',
      color: '#b91c1c',
    });
    expect(services.accounts.active()?.id).toBe(second.id);
    services.shell.ports.onShortcut(0);
    expect(services.accounts.active()?.id).toBe(first.id);
    expect(services.shell.shown.at(-1)).toBe(first.id);
    services.shell.ports.onShortcut(5);
    expect(services.accounts.active()?.id).toBe(first.id);
  });

  it('tells the shell the hibernation delay the settings hold now', async () => {
    const services = await start();
    expect(services.shell.ports.hibernateMs()).toBe(10 * 60_000);
    await services.handlers['settings:update']({ hibernateMinutes: 3 });
    expect(services.shell.ports.hibernateMs()).toBe(3 * 60_000);
  });

  it('cancels a post from an account it does not know (the gate fails closed)', async () => {
    const services = await start();
    const answer = await services.shell.ports.gate.intercept(uuid(99), 'r1', {
      method: 'POST',
      url: 'https://x.com/i/api/graphql/abc/CreateTweet',
      headers: {},
      body: null,
    });
    expect(answer).toBe('cancel');
  });

  it('keeps the active account while a post is held: a shortcut from an account view changes nothing', async () => {
    const services = await start();
    const brand = await services.handlers['accounts:create']({ name: 'Acme', handle: '@acme', platform: 'x', kind: 'brand', color: '#1D4ED8' });
    await services.handlers['accounts:create']({ name: 'Jo', handle: 'jo.bsky.social', platform: 'bluesky', kind: 'personal', color: '#b91c1c' });
    services.shell.ports.onShortcut(0);
    expect(services.accounts.active()?.id).toBe(brand.id);
    const body = new TextEncoder().encode(JSON.stringify({ variables: { tweet_text: 'Hello from Acme' }, queryId: 'q' }));
    const held = services.shell.ports.gate.intercept(brand.id, 'r1', { method: 'POST', url: 'https://x.com/i/api/graphql/q/CreateTweet', headers: {}, body });
    await expect.poll(() => services.gate.queue().length).toBe(1);
    services.shell.ports.onShortcut(1);
    expect(services.accounts.active()?.id).toBe(brand.id);
    services.gate.cancelWhere(() => true, 'test over');
    expect(await held).toBe('cancel');
  });
});
