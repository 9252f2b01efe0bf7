// The process's own timers as a TimerClock: what the gate, its body reads and the shutdown sequence run on outside tests.
import type { TimerClock } from '../../../shared/with-timeout.ts';

/** setTimeout and clearTimeout of Node, behind the clock interface the plain modules take. */
export const systemTimers: TimerClock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
