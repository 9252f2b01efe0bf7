// When hibernated accounts wake to refresh their unread counts: spread over the period, one at a time.

/**
 * A splayed wake plan. Sleeping accounts are spread evenly over `periodMs` so they wake one after
 * another rather than all at once (each wake loads a whole site). The clock is passed in, so the
 * plan is deterministic under test.
 */
export class WakeSchedule {
  private readonly next = new Map<string, number>();

  constructor(private readonly periodMs: number) {
    if (!(periodMs > 0)) throw new RangeError('periodMs must be positive');
  }

  /**
   * Brings the plan in line with the accounts asleep now (in rail order). Accounts that woke up for
   * good leave it; when the set changes the sleepers are re-spread evenly, never later than they
   * were already due, so a changing set cannot starve anyone.
   */
  update(sleeping: readonly string[], now: number): void {
    const members = new Set(sleeping);
    for (const id of [...this.next.keys()]) if (!members.has(id)) this.next.delete(id);
    if (sleeping.every((id) => this.next.has(id)) && this.next.size === members.size) return;
    // Those already planned keep their order and go first; newcomers follow in rail order.
    const ordered = [...members].sort((a, b) => (this.next.get(a) ?? Infinity) - (this.next.get(b) ?? Infinity));
    const step = this.periodMs / ordered.length;
    ordered.forEach((id, index) => {
      const spread = now + Math.round(step * (index + 1));
      const planned = this.next.get(id);
      this.next.set(id, planned === undefined ? spread : Math.min(planned, spread));
    });
  }

  /** The sleeper whose wake is most overdue, if any is due at `now`; it is planned again one period later. */
  due(now: number): string | null {
    let first: { id: string; at: number } | null = null;
    for (const [id, at] of this.next) if (at <= now && (!first || at < first.at)) first = { id, at };
    if (!first) return null;
    // One period after it was due, or later if the tick came late: the spacing between sleepers stays.
    let nextAt = first.at + this.periodMs;
    while (nextAt <= now) nextAt += this.periodMs;
    this.next.set(first.id, nextAt);
    return first.id;
  }

  /** When `id` wakes next (epoch ms), or undefined when it is not asleep. */
  nextWake(id: string): number | undefined {
    return this.next.get(id);
  }
}

/**
 * The hibernated accounts and which of them to wake now: the decisions of the view manager's idle
 * tick, kept out of the Electron adapter so they can be tested on a fake clock.
 */
export class Sleepers {
  private readonly asleep = new Set<string>();

  constructor(private readonly schedule: WakeSchedule) {}

  /** Hibernation closed these accounts' views. */
  fellAsleep(ids: Iterable<string>): void {
    for (const id of ids) this.asleep.add(id);
  }

  /** The manager opened the account: it stays awake until hibernation closes it again. */
  woke(id: string): void {
    this.asleep.delete(id);
  }

  /**
   * The sleeper to open now to refresh its count, if one is due. `accounts` is the rail order (a
   * removed account is forgotten); `live` names the views open now (a sleeper already open for its
   * refresh is not opened twice).
   */
  toWake(accounts: readonly string[], live: ReadonlySet<string>, now: number): string | null {
    const present = new Set(accounts);
    for (const id of [...this.asleep]) if (!present.has(id)) this.asleep.delete(id);
    this.schedule.update(
      accounts.filter((id) => this.asleep.has(id)),
      now,
    );
    const id = this.schedule.due(now);
    return id && !live.has(id) ? id : null;
  }
}

/** The "last active" time that makes the idle check close a view woken at `now` once `forMs` have passed. */
export function wokenLastActiveAt(now: number, idleMs: number, forMs: number): number {
  return now - idleMs + forMs;
}
