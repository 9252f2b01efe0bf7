// The presence and memory IPC handlers as composed by createAppServices, over fake views and shell ports.
import Conf from 'conf';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/main/services/app-services.ts';
import type { ShellPort } from '../../../electron/main/services/accounts/account-service.ts';
import type { ViewsPort } from '../../../electron/main/services/accounts/views-port.ts';
import type { EventChannel, EventPayloads } from '../../../shared/ipc/contract.ts';
import { tempDir } from './accounts/fixtures.ts';

const shell: ShellPort = {
  show: () => undefined,
  forget: async () => undefined,
  accountsChanged: () => undefined,
  setViewBounds: () => undefined,
  setCovered: () => undefined,
  reloadView: () => undefined,
  stoppedViews: () => [],
};

describe('presence and memory handlers', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function start(views: ViewsPort) {
    const { dir, cleanup } = tempDir();
    const sent: Array<[EventChannel, unknown]> = [];
    const badges: Array<{ count: number; more: boolean }> = [];
    const services: AppServices = await createAppServices({
      storePath: join(dir, 'hatrack.json'),
      createStoreBackend: () => new Conf<Record<string, unknown>>({ cwd: dir, configName: 'hatrack', clearInvalidConfig: false, projectName: 'hatrack' }),
      logPath: join(dir, 'log.jsonl'),
      createShell: () => shell,
      files: { saveAs: async () => null, openFile: async () => null, htmlToPdf: async () => new Uint8Array() },
      send: <E extends EventChannel>(channel: E, payload: EventPayloads[E]) => void sent.push([channel, payload]),
      appOrigin: 'https://app.test',
      systemLocale: 'en-US',
      timeZone: 'UTC',
      views: () => views,
      setBadge: (total) => badges.push(total),
    });
    cleanups.push(async () => {
      await services.dispose();
      cleanup();
    });
    const a = services.accounts.create({ name: 'Acme', handle: 'acme', platform: 'x', kind: 'brand', color: '#1d4ed8' });
    const b = services.accounts.create({ name: 'Ada', handle: 'ada', platform: 'bluesky', kind: 'personal', color: '#b91c1c' });
    return { services, sent, badges, a, b };
  }

  it('measures each account by its view process, in rail order, an asleep one as not running', async () => {
    let live: Array<{ accountId: string; pid: number }> = [];
    const { services, a, b } = await start({
      processes: () => live,
      metrics: () => [
        { pid: 1, memory: { workingSetSize: 90_000 } },
        { pid: 7, memory: { workingSetSize: 204_800 } },
      ],
      reload: () => undefined,
    });
    live = [{ accountId: a.id, pid: 7 }];
    expect(await services.handlers['accounts:memory']()).toEqual([
      { accountId: a.id, kilobytes: 204_800, sharedWith: [] },
      { accountId: b.id, kilobytes: null, sharedWith: [] },
    ]);
  });

  it('reloads a known account’s view and refuses an unknown id', async () => {
    const reloaded: string[] = [];
    const { services, a } = await start({ processes: () => [], metrics: () => [], reload: (id) => reloaded.push(id) });
    await services.handlers['accounts:reload'](a.id);
    expect(reloaded).toEqual([a.id]);
    expect(() => services.handlers['accounts:reload']('99999999-0000-4000-8000-000000000000')).toThrow('errors.unknownAccount');
  });

  it('sends page events to the renderer as presence, and the total to the app icon', async () => {
    const { services, sent, badges, a, b } = await start({ processes: () => [], metrics: () => [], reload: () => undefined });
    services.presence.title(a.id, '(2) Home / X');
    services.presence.title(b.id, '(5) Home — Bluesky');
    expect(sent.filter(([channel]) => channel === 'presence:changed').at(-1)?.[1]).toEqual({
      [a.id]: { unread: 2, more: false, signedOut: null },
      [b.id]: { unread: 5, more: false, signedOut: null },
    });
    expect(badges.at(-1)).toEqual({ count: 7, more: false });
    expect(await services.handlers['presence:state']()).toEqual(sent.filter(([channel]) => channel === 'presence:changed').at(-1)?.[1]);
    // Removing an account drops its count from the icon.
    await services.accounts.remove(b.id);
    expect(badges.at(-1)).toEqual({ count: 2, more: false });
  });
});
