// The order of teardown at close and quit (plain, no 'electron'): views out while the window lives, held
// posts cancelled and audited, the log flushed, then exit. Never a throw: Electron would show its
// "A JavaScript error occurred in the main process" dialog.
import { withTimeout, type TimerClock } from '../../../shared/with-timeout.ts';
import { systemTimers } from '../services/system-timers.ts';

export interface ShutdownSteps {
  /** Removes every account view from the window and closes its contents (the window must still exist). */
  teardownViews(): void;
  /** Cancels every held post (fail closed); each cancel is audited. */
  cancelHeld(reason: string): void;
  /** Stops answering IPC. */
  unregisterIpc(): void;
  /** Flushes and closes the log and the store. */
  flush(): Promise<void>;
  /** Ends the process once everything is written (app.exit). */
  exit(code: number): void;
  report(where: string, error: unknown): void;
}

/** How long the log may take to flush before the app exits anyway (a hung disk must not hang quit). */
export const FLUSH_TIMEOUT_MS = 5000;

export class ShutdownSequence {
  private tornDown = false;
  private flushed: Promise<void> | null = null;
  private exiting: Promise<void> | null = null;

  constructor(
    private readonly steps: ShutdownSteps,
    private readonly timers: TimerClock = systemTimers,
  ) {}

  /**
   * The window's 'close' (it still exists) or the app's 'before-quit': views out, posts cancelled.
   * By 'closed' the BaseWindow is already destroyed, so nothing may touch it there.
   */
  windowClosing(reason: string): void {
    if (this.tornDown) return;
    this.tornDown = true;
    this.run('cancel held posts', () => this.steps.cancelHeld(reason));
    this.run('tear down views', () => this.steps.teardownViews());
    this.run('unregister IPC', () => this.steps.unregisterIpc());
  }

  /**
   * 'will-quit': holds the quit (preventDefault) until the log is flushed, then exits. Electron does
   * not emit will-quit again after app.exit(), so this runs once.
   */
  willQuit(event: { preventDefault(): void }): void {
    if (this.exiting !== null) return;
    event.preventDefault();
    this.windowClosing('app quit');
    this.exiting = this.flushOnce().then(() => this.run('exit', () => this.steps.exit(0)));
  }

  /** Windows logoff or shutdown: will-quit never comes, so everything is flushed now (once). */
  sessionEnd(): Promise<void> {
    this.windowClosing('session ended');
    return this.flushOnce();
  }

  /** Resolves once exit was called (null before will-quit). */
  get done(): Promise<void> | null {
    return this.exiting;
  }

  private flushOnce(): Promise<void> {
    this.flushed ??= this.flushWithin();
    return this.flushed;
  }

  private async flushWithin(): Promise<void> {
    try {
      await withTimeout(
        () => this.steps.flush(),
        FLUSH_TIMEOUT_MS,
        this.timers,
        () => this.steps.report('flush', new Error(`log flush took more than ${FLUSH_TIMEOUT_MS} ms; exiting anyway`)),
      );
    } catch (error) {
      this.steps.report('flush', error);
    }
  }

  private run(where: string, step: () => void): void {
    try {
      step();
    } catch (error) {
      this.steps.report(where, error);
    }
  }
}

interface Emitter {
  on(event: string, listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * Wires the sequence to Electron's events: the window's 'close' (it still exists), 'closed' (destroyed:
 * only quit), 'session-end' (Windows logoff, where will-quit never comes), the app's 'before-quit'
 * (Cmd+Q, the Dock, macOS logout) and 'will-quit' (held until the log is flushed).
 */
export function wireShutdown(app: Emitter & { quit(): void }, window: Emitter, sequence: ShutdownSequence): void {
  window.on('close', () => sequence.windowClosing('window closed'));
  window.on('closed', () => app.quit());
  window.on('session-end', () => void sequence.sessionEnd());
  app.on('before-quit', () => sequence.windowClosing('app quit'));
  app.on('will-quit', (event: { preventDefault(): void }) => sequence.willQuit(event));
}
