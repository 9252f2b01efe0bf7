// Close and quit against the Electron fake, and the app UI's crash recovery: the order of teardown, flush, exit.
import { describe, expect, it, vi } from 'vitest';
import { ShutdownSequence, wireShutdown, FLUSH_TIMEOUT_MS, type ShutdownSteps } from '../../../electron/main/shell/shutdown-sequence.ts';
import { UiRecovery } from '../../../electron/main/shell/ui-recovery.ts';
import { ElectronFake, FakeBaseWindow, FakeWebContentsView } from './electron-fake.ts';

/** A window with two account views and the steps index.ts gives the sequence, all recording into `log`. */
function quitWorld(flush: () => Promise<void> = async () => undefined) {
  const fake = new ElectronFake();
  const window = new FakeBaseWindow(fake);
  const pages = [new FakeWebContentsView(fake), new FakeWebContentsView(fake)];
  for (const page of pages) window.contentView.addChildView(page);
  const log: string[] = [];
  const steps: ShutdownSteps = {
    teardownViews: () => {
      for (const page of pages) {
        window.contentView.removeChildView(page);
        page.webContents.close();
      }
      log.push('views removed');
    },
    cancelHeld: (reason) => log.push(`held cancelled: ${reason}`),
    unregisterIpc: () => log.push('ipc off'),
    flush: async () => {
      log.push('flush started');
      await flush();
      log.push('flushed');
    },
    exit: (code) => {
      log.push(`exit ${code}`);
      fake.app.exit(code);
    },
    report: (where, error) => log.push(`reported ${where}: ${String(error)}`),
  };
  const sequence = new ShutdownSequence(steps);
  wireShutdown(fake.app, window, sequence);
  fake.app.on('window-all-closed', () => fake.app.quit());
  return { fake, window, pages, log, sequence };
}

describe('closing the window with accounts open', () => {
  it('removes the views while the window exists, cancels held posts, flushes the log, then exits', async () => {
    const { fake, window, log, sequence } = quitWorld();
    expect(() => window.close()).not.toThrow();
    await sequence.done;
    expect(log).toEqual(['held cancelled: window closed', 'views removed', 'ipc off', 'flush started', 'flushed', 'exit 0']);
    expect(fake.app.exitCode).toBe(0);
  });

  it('holds the quit until the flush has finished', async () => {
    let finish: () => void = () => undefined;
    const { fake, window, log, sequence } = quitWorld(() => new Promise<void>((resolve) => (finish = resolve)));
    window.close();
    await vi.waitFor(() => expect(log.at(-1)).toBe('flush started'));
    expect(fake.app.exitCode).toBeNull();
    finish();
    await sequence.done;
    expect(fake.app.exitCode).toBe(0);
  });
});

describe('quitting (Cmd+Q, window-all-closed, logout)', () => {
  it('tears down once on before-quit, while the window exists', async () => {
    const { fake, log, sequence } = quitWorld();
    fake.app.quit();
    await sequence.done;
    expect(log.filter((line) => line === 'views removed')).toHaveLength(1);
    expect(log[0]).toBe('held cancelled: app quit');
    expect(fake.app.exitCode).toBe(0);
  });

  it('flushes on a Windows session end, where will-quit never comes', async () => {
    const { window, log } = quitWorld();
    window.emit('session-end');
    await vi.waitFor(() => expect(log).toContain('flushed'));
    expect(log.indexOf('views removed')).toBeLessThan(log.indexOf('flush started'));
  });
});

describe('ShutdownSequence on its own', () => {
  it('never throws: a failing step is reported and the others still run', async () => {
    const log: string[] = [];
    const sequence = new ShutdownSequence({
      teardownViews: () => {
        throw new TypeError('Object has been destroyed');
      },
      cancelHeld: () => log.push('cancelled'),
      unregisterIpc: () => log.push('ipc off'),
      flush: () => Promise.reject(new Error('disk full')),
      exit: (code) => log.push(`exit ${code}`),
      report: (where) => log.push(`reported ${where}`),
    });
    const event = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    expect(() => sequence.willQuit(event)).not.toThrow();
    await sequence.done;
    expect(event.prevented).toBe(true);
    expect(log).toEqual(['cancelled', 'reported tear down views', 'ipc off', 'reported flush', 'exit 0']);
  });

  it('exits anyway when the flush hangs past its limit', async () => {
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const log: string[] = [];
    const sequence = new ShutdownSequence(
      {
        teardownViews: () => undefined,
        cancelHeld: () => undefined,
        unregisterIpc: () => undefined,
        flush: () => new Promise<void>(() => undefined),
        exit: (code) => log.push(`exit ${code}`),
        report: (where) => log.push(`reported ${where}`),
      },
      { setTimeout: (fn, ms) => timers.push({ fn, ms }), clearTimeout: () => undefined },
    );
    sequence.willQuit({ preventDefault: () => undefined });
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(timers[0]?.ms).toBe(FLUSH_TIMEOUT_MS);
    timers[0]?.fn();
    await sequence.done;
    expect(log).toEqual(['reported flush', 'exit 0']);
  });

  it('lets a second will-quit (after app.exit would not emit one, but a double quit might) pass through', () => {
    const sequence = new ShutdownSequence({
      teardownViews: () => undefined,
      cancelHeld: () => undefined,
      unregisterIpc: () => undefined,
      flush: async () => undefined,
      exit: () => undefined,
      report: () => undefined,
    });
    const first = {
      n: 0,
      preventDefault() {
        this.n++;
      },
    };
    const second = {
      n: 0,
      preventDefault() {
        this.n++;
      },
    };
    sequence.willQuit(first);
    sequence.willQuit(second);
    expect([first.n, second.n]).toEqual([1, 0]);
  });
});

describe('the app UI crashing', () => {
  function recovery() {
    const log: string[] = [];
    const ui = new UiRecovery({
      reload: () => log.push('reload'),
      cancelAllHeld: (reason) => log.push(`cancel all: ${reason}`),
      cancelCountdowns: (reason) => log.push(`cancel countdowns: ${reason}`),
      uiReset: () => log.push('ui covers cleared'),
    });
    return { log, ui };
  }

  it('reloads it; confirmations stay held (their timers run from when they were held), countdowns are cancelled', () => {
    const { log, ui } = recovery();
    ui.crashed('crashed');
    ui.navigationStarted(true, false);
    ui.loaded();
    expect(log).toEqual(['ui covers cleared', 'cancel countdowns: app UI crashed: crashed', 'reload', 'ui covers cleared']);
  });

  it('cancels everything when it crashes again before the reload finished, or the reload fails', () => {
    const a = recovery();
    a.ui.crashed('crashed');
    a.ui.crashed('oom');
    expect(a.log).toContain('cancel all: app UI crashed again while reloading: oom');
    const b = recovery();
    b.ui.crashed('crashed');
    b.ui.loadFailed('ERR_FILE_NOT_FOUND');
    expect(b.log.at(-1)).toBe('cancel all: app UI could not reload: ERR_FILE_NOT_FOUND');
  });

  it('still cancels everything on a reload nobody asked for, and ignores subframes and same-document navigations', () => {
    const { log, ui } = recovery();
    ui.navigationStarted(false, false);
    ui.navigationStarted(true, true);
    expect(log).toEqual([]);
    ui.navigationStarted(true, false);
    expect(log).toEqual(['ui covers cleared', 'cancel all: renderer reloaded']);
  });
});
