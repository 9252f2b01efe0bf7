// Hibernated accounts wake splayed over the period, one at a time, on a fake clock; with the idle check, the view manager's tick.
import { describe, expect, it } from 'vitest';
import { defaultGatePolicy } from '../../../../shared/accounts/account.ts';
import { accountsToHibernate } from '../../../../shared/accounts/hibernation.ts';
import { Sleepers, WakeSchedule, wokenLastActiveAt } from '../../../../shared/accounts/wake-schedule.ts';

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
      [5, 'a'],
      [10, 'b'],
      [15, 'c'],
      [20, 'd'],
      [25, 'a'],
      [30, 'b'],
      [35, 'c'],
      [40, 'd'],
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

describe('Sleepers with the hibernation check, on a fake clock', () => {
  it('closes idle views, wakes them one at a time for 90 s, and keeps the one the manager opens awake', () => {
    const ids = ['a', 'b'].map((n) => `${n.repeat(8)}-0000-4000-8000-000000000000`);
    const accounts = ids.map((id) => ({
      id,
      partition: `persist:account-${id}`,
      name: id,
      handle: id.slice(0, 4),
      platform: 'x' as const,
      startUrl: 'https://x.com/home',
      kind: 'personal' as const,
      color: '#1d4ed8',
      gate: defaultGatePolicy('personal'),
      watchWords: [],
      targetMinutes: 60,
      notifications: false,
      hibernate: true,
      createdAt: '2026-03-10T12:00:00.000Z',
    }));
    const IDLE = 10 * MINUTE;
    const WAKE_FOR = 90_000;
    const sleepers = new Sleepers(new WakeSchedule(20 * MINUTE));
    const live = new Map(ids.map((id) => [id, T0]));
    const log: string[] = [];
    // The view manager's minute tick: hibernate, then wake the due sleeper.
    const tick = (now: number) => {
      const closing = accountsToHibernate(accounts, live, null, now, IDLE);
      for (const id of closing) live.delete(id);
      sleepers.fellAsleep(closing);
      for (const id of closing) log.push(`${(now - T0) / MINUTE} close ${id[0]}`);
      const wake = sleepers.toWake(ids, new Set(live.keys()), now);
      if (wake) {
        live.set(wake, wokenLastActiveAt(now, IDLE, WAKE_FOR));
        log.push(`${(now - T0) / MINUTE} wake ${wake[0]}`);
      }
    };
    for (let now = T0; now <= T0 + 35 * MINUTE; now += MINUTE) tick(now);
    expect(log).toEqual(['10 close a', '10 close b', '20 wake a', '22 close a', '30 wake b', '32 close b']);

    // The manager opens b: it is no longer a sleeper, so only a keeps waking.
    sleepers.woke(ids[1] ?? '');
    live.set(ids[1] ?? '', T0 + 36 * MINUTE);
    log.length = 0;
    for (let now = T0 + 36 * MINUTE; now <= T0 + 45 * MINUTE; now += MINUTE) tick(now);
    expect(log.filter((line) => line.includes('wake'))).toEqual(['40 wake a']);
  });
});
