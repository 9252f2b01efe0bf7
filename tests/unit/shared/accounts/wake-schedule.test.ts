// Hibernated accounts wake splayed over the period, one at a time, on a fake clock.
import { describe, expect, it } from 'vitest';
import { WakeSchedule } from '../../../../shared/accounts/wake-schedule.ts';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-10T12:00:00Z');

/** Ticks a fake clock every minute from `from` to `to` and records who woke when (minutes after T0). */
function run(schedule: WakeSchedule, from: number, to: number, sleeping?: () => string[]): Array<[number, string]> {
  const woke: Array<[number, string]> = [];
  for (let now = from; now <= to; now += MINUTE) {
    if (sleeping) schedule.update(sleeping(), now);
    const id = schedule.due(now);
    if (id) woke.push([(now - T0) / MINUTE, id]);
  }
  return woke;
}

describe('WakeSchedule', () => {
  it('spreads four sleepers evenly over a 20-minute period and wakes each once per period', () => {
    const schedule = new WakeSchedule(20 * MINUTE);
    schedule.update(['a', 'b', 'c', 'd'], T0);
    expect(run(schedule, T0, T0 + 40 * MINUTE)).toEqual([
      [5, 'a'], [10, 'b'], [15, 'c'], [20, 'd'],
      [25, 'a'], [30, 'b'], [35, 'c'], [40, 'd'],
    ]);
  });

  it('wakes one account per call even when several are overdue, the most overdue first', () => {
    const schedule = new WakeSchedule(10 * MINUTE);
    schedule.update(['a', 'b'], T0);
    const late = T0 + 30 * MINUTE;
    expect(schedule.due(late)).toBe('a');
    expect(schedule.due(late)).toBe('b');
    expect(schedule.due(late)).toBeNull();
    // Planned again after the late tick, still apart.
    expect(schedule.nextWake('a')).toBe(T0 + 35 * MINUTE);
    expect(schedule.nextWake('b')).toBe(T0 + 40 * MINUTE);
  });

  it('an account that falls asleep later joins without postponing the others', () => {
    const schedule = new WakeSchedule(20 * MINUTE);
    schedule.update(['a', 'b'], T0); // a at 10, b at 20
    schedule.update(['a', 'b', 'c'], T0 + 1 * MINUTE);
    expect(schedule.nextWake('a')).toBe(T0 + 7 * MINUTE + 40_000);
    expect(schedule.nextWake('b')).toBe(T0 + 14 * MINUTE + 20_000);
    expect(schedule.nextWake('c')).toBe(T0 + 21 * MINUTE);
    const a = schedule.nextWake('a') ?? 0;
    expect(a).toBeLessThanOrEqual(T0 + 10 * MINUTE);
  });

  it('an account that is woken for good (shown) leaves the plan; one that was never asleep is never woken', () => {
    const schedule = new WakeSchedule(10 * MINUTE);
    let sleeping = ['a', 'b'];
    const woke = run(schedule, T0, T0 + 30 * MINUTE, () => {
      return sleeping;
    });
    expect(woke.map(([, id]) => id)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    sleeping = ['b'];
    schedule.update(sleeping, T0 + 31 * MINUTE);
    expect(schedule.nextWake('a')).toBeUndefined();
    const later = run(schedule, T0 + 31 * MINUTE, T0 + 60 * MINUTE, () => sleeping);
    expect(later.every(([, id]) => id === 'b')).toBe(true);
    expect(later.length).toBe(3);
  });

  it('refuses a period that is not positive', () => {
    expect(() => new WakeSchedule(0)).toThrow(RangeError);
  });
});
