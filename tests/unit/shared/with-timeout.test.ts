// withTimeout on a hand-driven clock: the work's value or error, the timeout's value, and the timer always cleared.
import { describe, expect, it } from 'vitest';
import { withTimeout, type TimerClock } from '../../../shared/with-timeout.ts';

/** A clock whose timers fire only when the test says so. */
function manualClock(): TimerClock & { pending: () => number; fire: () => void; delays: number[] } {
  const timers = new Map<number, () => void>();
  const delays: number[] = [];
  let next = 1;
  return {
    delays,
    setTimeout(fn, ms) {
      delays.push(ms);
      timers.set(next, fn);
      return next++;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    pending: () => timers.size,
    fire() {
      for (const [id, fn] of [...timers]) {
        timers.delete(id);
        fn();
      }
    },
  };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('withTimeout', () => {
  it('resolves with the work’s value and clears its timer', async () => {
    const clock = manualClock();
    let timedOut = 0;
    await expect(
      withTimeout(
        async () => 42,
        5000,
        clock,
        () => (timedOut++, 'late'),
      ),
    ).resolves.toBe(42);
    expect(clock.delays).toEqual([5000]);
    expect(clock.pending()).toBe(0);
    expect(timedOut).toBe(0);
  });

  it('rejects with the work’s error and clears its timer', async () => {
    const clock = manualClock();
    const error = new Error('disk gone');
    await expect(
      withTimeout(
        () => Promise.reject(error),
        10,
        clock,
        () => 'late',
      ),
    ).rejects.toBe(error);
    expect(clock.pending()).toBe(0);
  });

  it('turns a synchronous throw of the work into a rejection, timer cleared', async () => {
    const clock = manualClock();
    const work = (): Promise<number> => {
      throw new Error('no session');
    };
    await expect(withTimeout(work, 10, clock, () => 0)).rejects.toThrow('no session');
    expect(clock.pending()).toBe(0);
  });

  it('resolves with the timeout’s value once the timer fires, and ignores the work settling afterwards', async () => {
    const clock = manualClock();
    const work = deferred<string>();
    let timedOut = 0;
    const raced = withTimeout(
      () => work.promise,
      5000,
      clock,
      () => (timedOut++, 'timeout' as const),
    );
    // The timer is set before the result is known; only firing it decides.
    expect(clock.pending()).toBe(1);
    clock.fire();
    await expect(raced).resolves.toBe('timeout');
    work.resolve('too late');
    await work.promise;
    expect(timedOut).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('starts the timer before the work, so the work’s own start counts against it', async () => {
    const clock = manualClock();
    let timersWhenStarted = -1;
    await withTimeout(
      async () => {
        timersWhenStarted = clock.pending();
        return 'ok';
      },
      10,
      clock,
      () => 'late',
    );
    expect(timersWhenStarted).toBe(1);
  });
});
