// One race of some work against a timer, for the waits that must not hang (request reads, body reads, the flush at quit).

/** The timer functions a bounded wait needs: injected, so tests drive time by hand. */
export interface TimerClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Runs `work` against a timer of `ms`: resolves with its value, rejects with its error (a synchronous throw
 * included), or, when the timer fires first, resolves with `onTimeout()` and ignores the work from then on.
 * The timer is started before the work, and cleared whichever way the race ends.
 */
export function withTimeout<T, U>(work: () => Promise<T>, ms: number, clock: TimerClock, onTimeout: () => U): Promise<T | U> {
  return new Promise<T | U>((resolve, reject) => {
    let settled = false;
    const timer = clock.setTimeout(() => {
      if (settled) return;
      settled = true;
      try {
        resolve(onTimeout());
      } catch (error) {
        reject(error);
      }
    }, ms);
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      finish();
    };
    let running: Promise<T>;
    try {
      running = work();
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
